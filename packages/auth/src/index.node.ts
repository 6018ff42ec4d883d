// The Node build of the main entry: the same API, with node:crypto's synchronous
// HMAC as the default instead of Web Crypto (an explicit `hmac` option still wins), and
// node:crypto's synchronous constant-time check for verifying.
import { nodeHmacSha256Base64 as hmac, nodeVerifyHmacSha256Base64 } from './crypto/node.js';
import * as portable from './index.js';
import { verifyVidauSignatureWith } from './vidau/sign.js';

export * from './index.js';

export const signVidau: typeof portable.signVidau = (input, options = {}) => portable.signVidau(input, { hmac, ...options });

export const vidauHeaders: typeof portable.vidauHeaders = (input, options = {}) => portable.vidauHeaders(input, { hmac, ...options });

export const signVidauRequest: typeof portable.signVidauRequest = (request, options) =>
  portable.signVidauRequest(request, { hmac, ...options });

export const vidauAuth: typeof portable.vidauAuth = (options) => portable.vidauAuth({ hmac, ...options });

/** The same checks, with the tag compared by node:crypto (`timingSafeEqual`, key imported once) instead of on Web Crypto's thread pool. */
export const verifyVidauSignature: typeof portable.verifyVidauSignature = (input, options) =>
  verifyVidauSignatureWith(nodeVerifyHmacSha256Base64, input, options);
