/**
 * Regenerates conformance/vectors/vidau-{java,python}.json from the live vendor
 * references. Deterministic: curated cases plus a fixed-seed random sample, so a
 * clean regeneration on an unchanged tree is byte-identical (CI checks that).
 *
 *   pnpm --filter @signet/conformance vectors
 */
import { writeFileSync } from 'node:fs';
import type { CanonicalJsonDialect } from '@signet/auth';
import fc from 'fast-check';
import { referenceCase } from '../src/arbitraries.js';
import { judge, signetAnswer } from '../src/compare.js';
import { CURATED_CASES } from '../src/curated-cases.js';
import { type ReferenceCase, ReferenceProcess } from '../src/references.js';
import type { InvalidVector, RefusedVector, ValidVector, Vector, VectorFile } from '../src/vectors.js';
import { vectorPath } from '../src/vectors.js';

const RANDOM_SEED = 20261123;
const RANDOM_CASES = 150;
const CREDENTIALS = { clientId: 'vidau-client-0001', authKey: 'k3y-For-Conformance-Only', timestamp: 1723515690000 };
const VENDOR_BODY = CURATED_CASES[0]?.text ?? '{}';

const cases: { comment: string; case: ReferenceCase }[] = [
  ...CURATED_CASES.map((c) => ({ comment: c.name, case: { text: c.text, ...CREDENTIALS } })),
  {
    comment: 'non-ASCII client id and key',
    case: { text: VENDOR_BODY, clientId: 'clïent-日本', authKey: 'kéy-😀', timestamp: 1723515690000 },
  },
  { comment: 'thirteen-digit timestamp of today', case: { text: VENDOR_BODY, ...CREDENTIALS, timestamp: 1795392000000 } },
  ...fc
    .sample(referenceCase, { seed: RANDOM_SEED, numRuns: RANDOM_CASES })
    .map((c, i) => ({ comment: `random ${i} (seed ${RANDOM_SEED})`, case: c })),
];

const decoder = new TextDecoder('utf-8', { fatal: false });

function tamperings(valid: ValidVector): { comment: string; signature: string }[] {
  const bytes = Buffer.from(valid.signature, 'base64');
  const index = valid.tcId % bytes.length;
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return [
    { comment: `${valid.comment}: one bit flipped in byte ${index}`, signature: bytes.toString('base64') },
    {
      comment: `${valid.comment}: truncated to 16 bytes`,
      signature: Buffer.from(valid.signature, 'base64').subarray(0, 16).toString('base64'),
    },
    { comment: `${valid.comment}: empty-looking padding only`, signature: '====' },
  ];
}

async function generate(dialect: CanonicalJsonDialect, reference: ReferenceProcess): Promise<{ file: VectorFile; mismatches: string[] }> {
  const tests: Vector[] = [];
  const mismatches: string[] = [];
  let tcId = 1;
  for (const { comment, case: c } of cases) {
    const [answer, ours] = await Promise.all([reference.run(c), signetAnswer(c, dialect)]);
    const verdict = judge(dialect, ours, answer);
    const base = { tcId: tcId++, comment, input: c.text, clientId: c.clientId, authKey: c.authKey, timestamp: c.timestamp };
    if (verdict.kind === 'mismatch') {
      mismatches.push(`${comment}: ${verdict.detail}`);
    } else if (answer.ok && ours.ok) {
      const canonicalBody = decoder.decode(answer.canonical);
      tests.push({
        ...base,
        result: 'valid',
        canonicalBody,
        stringToSign: `${c.clientId}${canonicalBody}${c.timestamp}`,
        signature: answer.signature,
      });
    } else {
      const refused: RefusedVector = {
        ...base,
        result: 'refused',
        refusal: ours.ok ? 'not-an-object' : (ours.reason ?? 'not-an-object'),
        referenceOutput: answer.ok ? decoder.decode(answer.canonical) : `threw ${answer.error}`,
      };
      tests.push(refused);
    }
  }
  // Negative vectors: the first valid bodies, with signatures that must not verify.
  const valid = tests.filter((t): t is ValidVector => t.result === 'valid').slice(0, 6);
  for (const v of valid) {
    const otherKey = await reference.run({ text: v.input, clientId: v.clientId, authKey: `${v.authKey}!`, timestamp: v.timestamp });
    const otherTime = await reference.run({ text: v.input, clientId: v.clientId, authKey: v.authKey, timestamp: v.timestamp + 1 });
    const variants = [
      ...tamperings(v),
      ...(otherKey.ok ? [{ comment: `${v.comment}: signed with another key`, signature: otherKey.signature }] : []),
      ...(otherTime.ok ? [{ comment: `${v.comment}: signed for the next millisecond`, signature: otherTime.signature }] : []),
    ];
    for (const variant of variants) {
      const { input, clientId, authKey, timestamp, canonicalBody } = v;
      const invalid: InvalidVector = {
        tcId: tcId++,
        comment: variant.comment,
        input,
        clientId,
        authKey,
        timestamp,
        result: 'invalid',
        canonicalBody,
        signature: variant.signature,
      };
      tests.push(invalid);
    }
  }
  const file: VectorFile = {
    algorithm: 'VIDAU-HMAC-SHA256',
    dialect,
    generator: {
      reference:
        dialect === 'java'
          ? 'vendor JsonSorterUtils + SignatureUtil on fastjson2'
          : 'vendor JsonSorter + generate_signature on CPython json/hmac',
      version: reference.version,
      command: 'pnpm --filter @signet/conformance vectors',
    },
    notes: {
      valid: 'canonicalBody and signature are the reference output; @signet/auth must reproduce them byte for byte',
      invalid: 'signature must fail verification against canonicalBody, clientId, authKey and timestamp',
      refused: '@signet/auth refuses the input with this CanonicalJsonError reason; referenceOutput shows what the reference did',
    },
    numberOfTests: tests.length,
    tests,
  };
  return { file, mismatches };
}

const [java, python] = await Promise.all([ReferenceProcess.start('java'), ReferenceProcess.start('python')]);
let failed = false;
for (const [dialect, reference] of [
  ['java', java],
  ['python', python],
] as const) {
  const { file, mismatches } = await generate(dialect, reference);
  if (mismatches.length > 0) {
    failed = true;
    console.error(`${dialect}: ${mismatches.length} mismatches with the reference; vectors not written:\n${mismatches.join('\n')}`);
    continue;
  }
  writeFileSync(vectorPath(dialect), `${JSON.stringify(file, null, 2)}\n`);
  const count = (result: Vector['result']) => file.tests.filter((t) => t.result === result).length;
  console.log(
    `${dialect} (${reference.version}): ${file.numberOfTests} vectors, ${count('valid')} valid, ${count('invalid')} invalid, ${count('refused')} refused`,
  );
}
await Promise.all([java.close(), python.close()]);
if (failed) process.exit(1);
