// Building blocks of the signet clients, not part of the public API: they may change in any release.
export { type CallInit, type DataOf, type FetchResult, staticHeaders } from './client.js';
export { imagePart } from './image.js';
export { MAX_JSON_DEPTH, strictJsonBody } from './json.js';
export {
  createTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  type FetchLike,
  isIdempotentMethod,
  requestConstructionError,
  retryAfterMs,
  type SendOptions,
  sleep,
  type Transport,
  type TransportOptions,
} from './transport.js';
export { requireNonEmpty } from './validate.js';
