// The Node build of the main entry: the same API, with node:crypto's synchronous
// HMAC as the default instead of Web Crypto. An explicit `hmac` option still wins.
import { nodeHmacSha256Base64 as hmac } from './crypto/node.js';
import * as portable from './index.js';

export * from './index.js';

export const signVidau: typeof portable.signVidau = (input, options = {}) => portable.signVidau(input, { hmac, ...options });

export const vidauHeaders: typeof portable.vidauHeaders = (input, options = {}) => portable.vidauHeaders(input, { hmac, ...options });

export const signVidauRequest: typeof portable.signVidauRequest = (request, options) =>
  portable.signVidauRequest(request, { hmac, ...options });

export const vidauAuth: typeof portable.vidauAuth = (options) => portable.vidauAuth({ hmac, ...options });
