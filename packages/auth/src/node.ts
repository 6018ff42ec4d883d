import { nodeHmacSha256Base64 } from './crypto/node.js';
import { assertMillisecondTimestamp, assertVidauCredentials, type VidauSignatureInput, vidauStringToSign } from './vidau/sign.js';

/** Synchronous `signVidau` on node:crypto, for hot paths that cannot await. */
export function signVidauSync(input: VidauSignatureInput): string {
  assertVidauCredentials(input);
  assertMillisecondTimestamp(input.timestamp);
  return nodeHmacSha256Base64(input.authKey, vidauStringToSign(input));
}
