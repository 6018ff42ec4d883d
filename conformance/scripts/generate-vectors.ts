/**
 * Regenerates packages/vidau-conformance/vectors/vidau-{java,python}.json from the live vendor
 * references: the Java sample on every fastjson2 release of the declared range (a body is valid
 * only when all of them wrote it alike) and on the pinned release under every JVM default charset
 * checked, and the Python sample. Every body, byte string and signature in them comes from the
 * references; @signet/auth only decides which kind of vector a case is, and must agree with them.
 * Deterministic: curated cases plus a fixed-seed random sample, so a clean regeneration on an
 * unchanged tree is byte-identical (CI checks that).
 *
 *   pnpm --filter @signet/conformance vectors
 */
import { writeFileSync } from 'node:fs';
import type { VectorFile } from '@signet/vidau-conformance';
import fc from 'fast-check';
import { referenceCase } from '../src/arbitraries.js';
import { OTHER_CHARSETS } from '../src/charsets.js';
import { judge, type SignetAnswer, sendable, signetAnswer } from '../src/compare.js';
import { CURATED_CASES } from '../src/curated-cases.js';
import { type CharsetSteps, type Refusal, type Vector, vectorFilePath } from '../src/kit.js';
import { FASTJSON2_PINNED, JavaRange, type JvmCharset, type ReferenceCase, ReferenceProcess } from '../src/references.js';
import type { DialectName } from '../src/vectors.js';
import { flagsOf, invalidVectors, NOTES, type Reference, referenceOutputs, single } from './vector-parts.js';

const RANDOM_SEED = 20261123;
/** Random bodies of at most this many characters: every step is stored for every charset, so they are kept short. */
const RANDOM_CASES = 120;
const RANDOM_MAX_LENGTH = 160;
const CREDENTIALS = { clientId: 'vidau-client-0001', authKey: 'k3y-For-Conformance-Only', timestamp: 1723515690000 };
const VENDOR_BODY = CURATED_CASES[0]?.text ?? '{}';

const cases: { comment: string; case: ReferenceCase; random?: true; only?: DialectName }[] = [
  ...CURATED_CASES.map((c) => ({
    comment: c.name,
    case: { text: c.text, ...CREDENTIALS },
    ...(c.only === undefined ? {} : { only: c.only }),
  })),
  { comment: 'Latin-1 client id and key', case: { text: VENDOR_BODY, clientId: 'clïent-ß', authKey: 'kéy-Ø±', timestamp: 1723515690000 } },
  {
    comment: 'non-ASCII body, Latin-1 and beyond, for the JVM charsets',
    case: { text: '{"text":"Grüße, 世界 😀","voice":"é\u00e9\u0080"}', clientId: 'clïent', authKey: 'kéy', timestamp: 1723515690000 },
  },
  { comment: 'thirteen-digit timestamp of today', case: { text: VENDOR_BODY, ...CREDENTIALS, timestamp: 1795392000000 } },
  { comment: 'a client id no header can carry (a line feed)', case: { text: VENDOR_BODY, ...CREDENTIALS, clientId: 'vidau-client\n0001' } },
  { comment: 'an auth key past Latin-1', case: { text: '{"a":"中"}', ...CREDENTIALS, authKey: 'k3y-中文' } },
  { comment: 'a timestamp in seconds', case: { text: VENDOR_BODY, ...CREDENTIALS, timestamp: 1723515690 } },
  ...fc
    .sample(
      referenceCase.filter((c) => c.text.length <= RANDOM_MAX_LENGTH),
      { seed: RANDOM_SEED, numRuns: RANDOM_CASES },
    )
    .map((c, i) => ({ comment: `random ${i} (seed ${RANDOM_SEED})`, case: c, random: true as const })),
];

const utf8 = new TextEncoder();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const refusalOf = (ours: SignetAnswer & { ok: false }): Refusal => ({
  error: ours.code as Refusal['error'],
  ...(ours.reason === undefined ? {} : { refusal: ours.reason }),
});

/** The steps under each charset: UTF-8 from the reference itself, the others from a JVM each. */
async function stepsByCharset(
  c: ReferenceCase,
  utf8: { key: Uint8Array; message: Uint8Array; signature: string },
  charsetJvms: ReadonlyMap<JvmCharset, ReferenceProcess>,
  problems: string[],
): Promise<Record<string, CharsetSteps>> {
  const steps: Record<string, CharsetSteps> = {
    'UTF-8': { keyHex: hex(utf8.key), messageHex: hex(utf8.message), signature: utf8.signature },
  };
  for (const [charset, jvm] of charsetJvms) {
    const answer = await jvm.run(c);
    if (!answer.ok) problems.push(`the ${charset} JVM failed: ${answer.error}`);
    else steps[charset] = { keyHex: hex(answer.key), messageHex: hex(answer.message), signature: answer.signature };
  }
  return steps;
}

async function vectorFor(
  dialect: DialectName,
  reference: Reference,
  charsetJvms: ReadonlyMap<JvmCharset, ReferenceProcess>,
  tcId: number,
  entry: (typeof cases)[number],
  problems: string[],
): Promise<Vector> {
  const { comment, case: c } = entry;
  const [answer, ours] = await Promise.all([reference.run(c), signetAnswer(c, dialect)]);
  const base = { tcId, comment, input: c.text, clientId: c.clientId, authKey: c.authKey, timestamp: c.timestamp };
  const agreed = single(answer);
  if (ours.ok) {
    const verdict = judge(dialect, ours, answer);
    if (verdict.kind !== 'match' || !agreed?.ok) {
      problems.push(
        `${comment}: ${verdict.kind === 'mismatch' || verdict.kind === 'accepted-where-versions-differ' ? verdict.detail : verdict.kind}`,
      );
    }
    if (!agreed?.ok) throw new Error(`${comment}: the reference has no output`);
    const canonicalBody = sendable(agreed.text);
    if (canonicalBody !== agreed.text) {
      // Sent escaped, the body must read back to the text the reference wrote.
      const again = single(await reference.run({ ...c, text: canonicalBody }));
      if (!(again?.ok && again.text === agreed.text && again.signature === agreed.signature))
        problems.push(`${comment}: ${canonicalBody} does not read back`);
    }
    return {
      ...base,
      flags: flagsOf('valid', c, entry.random === true),
      result: 'valid',
      canonicalBody,
      canonicalBodyHex: hex(utf8.encode(canonicalBody)),
      stringToSign: `${c.clientId}${agreed.text}${c.timestamp}`,
      signature: agreed.signature,
      byCharset: await stepsByCharset(c, agreed, charsetJvms, problems),
    };
  }
  const refusal = refusalOf(ours);
  // Acceptable: every release signs it alike and reads back the body it wrote (what the server would receive).
  if (agreed?.ok) {
    const again = single(await reference.run({ ...c, text: sendable(agreed.text) }));
    if (again?.ok && again.text === agreed.text && again.signature === agreed.signature) {
      const steps = await stepsByCharset(c, agreed, charsetJvms, problems);
      return {
        ...base,
        flags: flagsOf(refusal, c, entry.random === true),
        result: 'acceptable',
        ...refusal,
        canonicalBodyHex: hex(utf8.encode(sendable(agreed.text))),
        signature: agreed.signature,
        signatureByCharset: Object.fromEntries(Object.entries(steps).map(([charset, s]) => [charset, s.signature])),
      };
    }
  }
  return { ...base, flags: flagsOf(refusal, c, entry.random === true), result: 'refused', ...refusal, ...referenceOutputs(answer) };
}

async function generate(
  dialect: DialectName,
  reference: Reference,
  charsetJvms: ReadonlyMap<JvmCharset, ReferenceProcess>,
): Promise<{ file: VectorFile; problems: string[] }> {
  const tests: Vector[] = [];
  const problems: string[] = [];
  for (const entry of cases) {
    if (entry.only === undefined || entry.only === dialect)
      tests.push(await vectorFor(dialect, reference, charsetJvms, tests.length + 1, entry, problems));
  }
  tests.push(...(await invalidVectors(tests, reference, tests.length + 1)));
  const file: VectorFile = {
    algorithm: 'VIDAU-HMAC-SHA256',
    schema: 'vector-file.schema.json',
    dialect,
    generator: {
      reference:
        dialect === 'java'
          ? `vendor JsonSorterUtils + SignatureUtil on every fastjson2 release of the range, one JVM each; the other JVM default charsets on ${FASTJSON2_PINNED}`
          : 'vendor JsonSorter + generate_signature on CPython json/hmac',
      version: reference.version,
      command: 'pnpm --filter @signet/conformance vectors',
      charsets: ['UTF-8', ...charsetJvms.keys()],
    },
    notes: NOTES,
    numberOfTests: tests.length,
    tests,
  };
  return { file, problems };
}

const [java, python, ...charsetJvms] = await Promise.all([
  JavaRange.start(),
  ReferenceProcess.start('python'),
  ...OTHER_CHARSETS.map((charset) => ReferenceProcess.start('java', { fastjson2: FASTJSON2_PINNED, charset })),
]);
const jvmsByCharset = new Map(OTHER_CHARSETS.map((charset, i) => [charset, charsetJvms[i] as ReferenceProcess]));
let failed = false;
for (const [dialect, reference, jvms] of [
  ['java', java, jvmsByCharset],
  ['python', python, new Map<JvmCharset, ReferenceProcess>()],
] as const) {
  const { file, problems } = await generate(dialect, reference, jvms);
  if (problems.length > 0) {
    failed = true;
    console.error(`${dialect}: ${problems.length} disagreements with the reference; vectors not written:\n${problems.join('\n')}`);
    continue;
  }
  writeFileSync(vectorFilePath(dialect), `${JSON.stringify(file, null, 2)}\n`);
  const count = (result: Vector['result']) => file.tests.filter((t) => t.result === result).length;
  console.log(
    `${dialect} (${reference.version}): ${file.numberOfTests} vectors, ${count('valid')} valid, ${count('invalid')} invalid, ` +
      `${count('refused')} refused, ${count('acceptable')} acceptable`,
  );
}
await Promise.all([java.close(), python.close(), ...charsetJvms.map((j) => j.close())]);
if (failed) process.exit(1);
