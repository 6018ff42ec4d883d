/**
 * The vendor's Java sample behind the vidau-conformance protocol: every fastjson2 release of the fixed
 * range, one JVM each, and the pinned release under every other JVM default charset. It signs what
 * every release writes alike and reads back to itself (the body the server receives), and refuses the
 * rest; it verifies as the server does, by signing the received body again.
 *
 *   vidau-conformance --dialect java --charset all -- node --import tsx conformance/src/adapters/java-reference.ts
 */
import { createInterface } from 'node:readline';
import type { AdapterAnswer, AdapterRequest } from '@signet/vidau-conformance';
import { OTHER_CHARSETS } from '../charsets.js';
import { readsBack, sendable } from '../compare.js';
import { FASTJSON2_PINNED, JavaRange, type JvmCharset, type ReferenceAnswer, type ReferenceCase, ReferenceProcess } from '../references.js';

const [range, ...others] = await Promise.all([
  JavaRange.start(),
  ...OTHER_CHARSETS.map((charset) => ReferenceProcess.start('java', { fastjson2: FASTJSON2_PINNED, charset })),
]);
const byCharset = new Map<string, ReferenceProcess>(
  OTHER_CHARSETS.map((charset: JvmCharset, i) => [charset, others[i] as ReferenceProcess]),
);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * What the server does with a body: every release must write the same, and read that back to itself.
 * The runner asks for one body in every charset, so the range's verdict is kept per request.
 */
const verdicts = new Map<string, Promise<(ReferenceAnswer & { ok: true }) | string>>();
function canonical(c: ReferenceCase): Promise<(ReferenceAnswer & { ok: true }) | string> {
  const key = JSON.stringify([c.text, c.clientId, c.authKey, c.timestamp]);
  const known = verdicts.get(key) ?? rangeVerdict(c);
  verdicts.set(key, known);
  return known;
}

async function rangeVerdict(c: ReferenceCase): Promise<(ReferenceAnswer & { ok: true }) | string> {
  const first = await range.run(c);
  if (!first.agreed) return 'the fastjson2 releases disagree';
  if (!first.answer.ok) return first.answer.error;
  if (!(await readsBack(range, c, first.answer))) return 'the releases cannot read back the body they wrote';
  return first.answer;
}

/**
 * The pinned release under another default charset, given the canonical body (which every release reads
 * back to itself): signing a body and verifying its signature then ask the JVM once.
 */
const signatures = new Map<string, Promise<ReferenceAnswer>>();
function inCharset(jvm: ReferenceProcess, charset: string, c: ReferenceCase): Promise<ReferenceAnswer> {
  const key = JSON.stringify([charset, c.text, c.clientId, c.authKey, c.timestamp]);
  const known = signatures.get(key) ?? jvm.run(c);
  signatures.set(key, known);
  return known;
}

async function answer(request: AdapterRequest): Promise<AdapterAnswer> {
  const { id, clientId, authKey, timestamp, charset } = request;
  const text = request.op === 'sign' ? request.input : request.body;
  const utf8 = await canonical({ text, clientId, authKey, timestamp });
  if (typeof utf8 === 'string') return request.op === 'sign' ? { id, result: 'refused', reason: utf8 } : { id, result: 'invalid' };
  const jvm = byCharset.get(charset);
  // The body sent: what every release wrote, an unpaired surrogate escaped (UTF-8 cannot carry it).
  const canonicalBody = sendable(utf8.text);
  const signed = jvm === undefined ? utf8 : await inCharset(jvm, charset, { text: canonicalBody, clientId, authKey, timestamp });
  if (!signed.ok) return request.op === 'sign' ? { id, result: 'refused', reason: signed.error } : { id, result: 'invalid' };
  if (request.op === 'verify') return { id, result: signed.signature === request.signature ? 'valid' : 'invalid' };
  return {
    id,
    result: 'signed',
    canonicalBody,
    signature: signed.signature,
    stringToSign: `${clientId}${utf8.text}${timestamp}`,
    canonicalBodyHex: hex(new TextEncoder().encode(canonicalBody)),
    keyHex: hex(signed.key),
    messageHex: hex(signed.message),
  };
}

// Requests are answered as they come, all at once, and written in their order.
let written = Promise.resolve();
for await (const line of createInterface({ input: process.stdin })) {
  const answered = answer(JSON.parse(line) as AdapterRequest);
  written = written.then(async () => {
    process.stdout.write(`${JSON.stringify(await answered)}\n`);
  });
}
await written;
await Promise.all([range.close(), ...others.map((jvm) => jvm.close())]);
