/**
 * Regenerates conformance/vectors/vidau-{java,python}.json from the live vendor
 * references: the Java sample on every fastjson2 release of the declared range
 * (a body is valid only when all of them wrote it alike), plus its signatures on
 * JVMs whose default charset is US-ASCII or ISO-8859-1, and the Python sample.
 * Deterministic: curated cases plus a fixed-seed random sample, so a clean
 * regeneration on an unchanged tree is byte-identical (CI checks that).
 *
 *   pnpm --filter @signet/conformance vectors
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { referenceCase } from '../src/arbitraries.js';
import { judge, signetAnswer } from '../src/compare.js';
import { CURATED_CASES } from '../src/curated-cases.js';
import {
  FASTJSON2_PINNED,
  JavaRange,
  type JvmCharset,
  type RangeAnswer,
  type ReferenceAnswer,
  type ReferenceCase,
  ReferenceProcess,
} from '../src/references.js';
import type { InvalidVector, RefusedVector, ValidVector, Vector, VectorFile } from '../src/vectors.js';
import { type DialectName, vectorPath } from '../src/vectors.js';

const RANDOM_SEED = 20261123;
const RANDOM_CASES = 150;
const CREDENTIALS = { clientId: 'vidau-client-0001', authKey: 'k3y-For-Conformance-Only', timestamp: 1723515690000 };
const VENDOR_BODY = CURATED_CASES[0]?.text ?? '{}';

const cases: { comment: string; case: ReferenceCase }[] = [
  ...CURATED_CASES.map((c) => ({ comment: c.name, case: { text: c.text, ...CREDENTIALS } })),
  {
    comment: 'Latin-1 client id and key',
    case: { text: VENDOR_BODY, clientId: 'clïent-ß', authKey: 'kéy-Ø±', timestamp: 1723515690000 },
  },
  {
    comment: 'non-ASCII body, Latin-1 and beyond, for the JVM charsets',
    case: { text: '{"text":"Grüße, 世界 😀","voice":"é\u00e9\u0080"}', clientId: 'clïent', authKey: 'kéy', timestamp: 1723515690000 },
  },
  { comment: 'thirteen-digit timestamp of today', case: { text: VENDOR_BODY, ...CREDENTIALS, timestamp: 1795392000000 } },
  ...fc
    .sample(referenceCase, { seed: RANDOM_SEED, numRuns: RANDOM_CASES })
    .map((c, i) => ({ comment: `random ${i} (seed ${RANDOM_SEED})`, case: c })),
];

const decoder = new TextDecoder('utf-8', { fatal: false });
const CHARSETS: readonly JvmCharset[] = ['US-ASCII', 'ISO-8859-1'];

const describe = (answer: ReferenceAnswer) => (answer.ok ? decoder.decode(answer.canonical) : `threw ${answer.error}`);

/** One output per release, or the single output when every release did the same. */
function referenceOutputs(
  answer: ReferenceAnswer | RangeAnswer,
): { referenceOutput: string } | { referenceOutputByVersion: Record<string, string> } {
  if (!('byVersion' in answer)) return { referenceOutput: describe(answer) };
  if (answer.agreed) return { referenceOutput: describe(answer.answer) };
  return { referenceOutputByVersion: Object.fromEntries([...answer.byVersion].map(([version, a]) => [version, describe(a)])) };
}

/** The one answer of a reference, or of a range whose releases all agreed. */
const single = (answer: ReferenceAnswer | RangeAnswer): ReferenceAnswer | undefined =>
  !('byVersion' in answer) ? answer : answer.agreed ? answer.answer : undefined;

interface Reference {
  readonly version: string;
  run(c: ReferenceCase): Promise<ReferenceAnswer | RangeAnswer>;
}

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

async function generate(
  dialect: DialectName,
  reference: Reference,
  charsetJvms: ReadonlyMap<JvmCharset, ReferenceProcess>,
): Promise<{ file: VectorFile; mismatches: string[] }> {
  const tests: Vector[] = [];
  const mismatches: string[] = [];
  let tcId = 1;
  for (const { comment, case: c } of cases) {
    const [answer, ours] = await Promise.all([reference.run(c), signetAnswer(c, dialect)]);
    const verdict = judge(dialect, ours, answer);
    const base = { tcId: tcId++, comment, input: c.text, clientId: c.clientId, authKey: c.authKey, timestamp: c.timestamp };
    const agreed = single(answer);
    if (verdict.kind === 'mismatch' || verdict.kind === 'accepted-where-versions-differ') {
      mismatches.push(`${comment}: ${verdict.detail}`);
    } else if (agreed?.ok && ours.ok) {
      const canonicalBody = decoder.decode(agreed.canonical);
      const signatureByCharset: Record<string, string> = {};
      for (const [charset, jvm] of charsetJvms) {
        const other = await jvm.run(c);
        if (!other.ok) mismatches.push(`${comment}: the ${charset} JVM failed: ${other.error}`);
        else signatureByCharset[charset] = other.signature;
      }
      tests.push({
        ...base,
        result: 'valid',
        canonicalBody,
        stringToSign: `${c.clientId}${canonicalBody}${c.timestamp}`,
        signature: agreed.signature,
        ...(charsetJvms.size > 0 ? { signatureByCharset } : {}),
      });
    } else {
      const refused: RefusedVector = {
        ...base,
        result: 'refused',
        refusal: ours.ok ? 'not-an-object' : (ours.reason ?? 'not-an-object'),
        ...referenceOutputs(answer),
      };
      tests.push(refused);
    }
  }
  // Negative vectors: the first valid bodies, with signatures that must not verify.
  const valid = tests.filter((t): t is ValidVector => t.result === 'valid').slice(0, 6);
  for (const v of valid) {
    const otherKey = single(await reference.run({ text: v.input, clientId: v.clientId, authKey: `${v.authKey}!`, timestamp: v.timestamp }));
    const otherTime = single(await reference.run({ text: v.input, clientId: v.clientId, authKey: v.authKey, timestamp: v.timestamp + 1 }));
    const variants = [
      ...tamperings(v),
      ...(otherKey?.ok ? [{ comment: `${v.comment}: signed with another key`, signature: otherKey.signature }] : []),
      ...(otherTime?.ok ? [{ comment: `${v.comment}: signed for the next millisecond`, signature: otherTime.signature }] : []),
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
          ? 'vendor JsonSorterUtils + SignatureUtil on every fastjson2 release of the range, one JVM each'
          : 'vendor JsonSorter + generate_signature on CPython json/hmac',
      version: reference.version,
      command: 'pnpm --filter @signet/conformance vectors',
      ...(charsetJvms.size > 0 ? { charsets: [...charsetJvms.keys()].map((c) => `${c} (fastjson2=${FASTJSON2_PINNED})`) } : {}),
    },
    notes: {
      valid:
        dialect === 'java'
          ? 'canonicalBody and signature are what every release of the range produced; @signet/auth must reproduce them byte for byte, and signatureByCharset with the charset option'
          : 'canonicalBody and signature are the reference output; @signet/auth must reproduce them byte for byte',
      invalid: 'signature must fail verification against canonicalBody, clientId, authKey and timestamp',
      refused:
        'the input is refused with this CanonicalJsonError reason; referenceOutput shows what the reference did, or referenceOutputByVersion what each release did where they differ',
    },
    numberOfTests: tests.length,
    tests,
  };
  return { file, mismatches };
}

const [java, python, ...charsetJvms] = await Promise.all([
  JavaRange.start(),
  ReferenceProcess.start('python'),
  ...CHARSETS.map((charset) => ReferenceProcess.start('java', { fastjson2: FASTJSON2_PINNED, charset })),
]);
const jvmsByCharset = new Map(CHARSETS.map((charset, i) => [charset, charsetJvms[i] as ReferenceProcess]));
let failed = false;
for (const [dialect, reference, jvms] of [
  ['java', java, jvmsByCharset],
  ['python', python, new Map<JvmCharset, ReferenceProcess>()],
] as const) {
  const { file, mismatches } = await generate(dialect, reference, jvms);
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
await Promise.all([java.close(), python.close(), ...charsetJvms.map((j) => j.close())]);
if (failed) process.exit(1);
