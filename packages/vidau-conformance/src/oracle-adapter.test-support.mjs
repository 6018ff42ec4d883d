// An adapter for the runner's own tests: it answers from the vector file itself (the request id carries
// the tcId), so it passes, unless told to break in one way: node oracle-adapter.test-support.mjs <vectors> [mode].
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [file, mode = 'honest'] = process.argv.slice(2);
const vectors = new Map(JSON.parse(readFileSync(file, 'utf8')).tests.map((t) => [t.tcId, t]));
let answered = 0;

function flip(signature) {
  const bytes = Buffer.from(signature, 'base64');
  bytes[0] ^= 0x01;
  return bytes.toString('base64');
}

function answer(request) {
  const vector = vectors.get(Number(request.id.split('/')[0]));
  if (request.op === 'verify') {
    return { result: vector.result === 'invalid' && mode !== 'accept-invalid' ? 'invalid' : 'valid' };
  }
  if (vector.result === 'refused') {
    return mode === 'sign-refused'
      ? { result: 'signed', canonicalBody: '{}', signature: 'AAAA' }
      : { result: 'refused', reason: vector.refusal ?? vector.error };
  }
  if (vector.result === 'acceptable') {
    if (mode !== 'sign-acceptable') return { result: 'refused' };
    return {
      result: 'signed',
      canonicalBody: Buffer.from(vector.canonicalBodyHex, 'hex').toString('utf8'),
      signature: vector.signatureByCharset[request.charset],
    };
  }
  const steps = vector.byCharset[request.charset];
  const signature = mode === 'flip-signature' && vector.tcId === 1 ? flip(steps.signature) : steps.signature;
  const keyHex = mode === 'wrong-key-bytes' && vector.tcId === 1 ? '00' : steps.keyHex;
  return {
    result: 'signed',
    canonicalBody: vector.canonicalBody,
    signature,
    stringToSign: vector.stringToSign,
    keyHex,
    messageHex: steps.messageHex,
  };
}

for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  if (mode === 'crash' && answered === 3) process.exit(3);
  if (mode === 'hang' && answered === 3) continue;
  answered++;
  if (mode === 'garbage' && answered === 2) {
    process.stdout.write('not json\n');
    continue;
  }
  const id = mode === 'wrong-id' && answered === 2 ? 'someone-else' : request.id;
  process.stdout.write(`${JSON.stringify({ id, ...answer(request) })}\n`);
}
