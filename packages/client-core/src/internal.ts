// Building blocks of the signet clients, not part of the public API: they may change in any release.

export { DEFAULT_MAX_RESPONSE_BYTES } from './body.js';
export type { CallInit, DataOf, FetchResult } from './client.js';
export { imagePart } from './image.js';
export { MAX_JSON_DEPTH, strictJsonBody } from './json.js';
export { requestConstructionError } from './redact.js';
export { isIdempotentMethod, retryAfterMs, sleep } from './retry.js';
export {
  createTransport,
  type FetchLike,
  type SendOptions,
  type Transport,
  type TransportOptions,
} from './transport.js';
export { requireNonEmpty } from './validate.js';
