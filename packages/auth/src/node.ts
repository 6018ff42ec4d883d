import { nodeHmacSha256Base64 } from './crypto/node.js';
import type { VidauCharset } from './vidau/charset.js';
import { signVidauWith, type VidauSignatureInput } from './vidau/sign.js';

const sign = signVidauWith(nodeHmacSha256Base64);

/**
 * Synchronous `signVidau` on node:crypto, for hot paths that cannot await. Takes the same
 * `charset` option (the server JVM's default charset, UTF-8 unless told otherwise).
 */
export function signVidauSync(input: VidauSignatureInput, options: { readonly charset?: VidauCharset } = {}): string {
  return sign(input, options);
}
export { type NodeListenerOptions, toNodeListener } from './aiuta/token-handler.node.js';
