/**
 * @signet/auth behind the vidau-conformance protocol: one JSON request per line in, one answer per line out.
 *
 *   vidau-conformance --dialect java --charset all -- node --import tsx conformance/src/adapters/signet.ts
 */
import { createInterface } from 'node:readline';
import { canonicalJson, SignetAuthError, verifyVidauSignature } from '@signet/auth';
import type { AdapterAnswer, AdapterRequest } from '@signet/vidau-conformance';
import { CHARSET_OPTIONS } from '../charsets.js';
import { signetSigned } from '../compare.js';
import type { JvmCharset } from '../references.js';
import { DIALECT_OPTION } from '../vectors.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

async function answer(request: AdapterRequest): Promise<AdapterAnswer> {
  const { id, clientId, authKey, timestamp } = request;
  const dialect = DIALECT_OPTION[request.dialect];
  const charset = CHARSET_OPTIONS[request.charset as JvmCharset];
  try {
    if (request.op === 'verify') {
      const signed = { clientId, authKey, body: request.body, timestamp: String(timestamp), signature: request.signature };
      await verifyVidauSignature(signed, { dialect, charset, now: () => timestamp });
      return { id, result: 'valid' };
    }
    const body = canonicalJson(request.input, { dialect });
    const signed = await signetSigned({ text: request.input, clientId, authKey, timestamp }, body, request.dialect, charset);
    return {
      id,
      result: 'signed',
      canonicalBody: body,
      signature: signed.signature,
      stringToSign: signed.stringToSign,
      canonicalBodyHex: hex(new TextEncoder().encode(body)),
      keyHex: hex(signed.key),
      messageHex: hex(signed.message),
    };
  } catch (error) {
    if (!(error instanceof SignetAuthError)) throw error;
    if (request.op === 'verify') return { id, result: 'invalid' };
    return { id, result: 'refused', reason: 'reason' in error ? String(error.reason) : error.code };
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${JSON.stringify(await answer(JSON.parse(line) as AdapterRequest))}\n`);
}
