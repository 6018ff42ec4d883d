export {
  type ApiClient,
  type ApiClientOptions,
  type ApiPromise,
  type CallInit,
  type CallResult,
  createApiClient,
  type RequestOptions,
} from './client.js';
export { type ImageInput, type ImageOptions, imageUploadCall, toFile, type UploadFile } from './file.js';
export { strictJsonBody } from './json.js';
export { numberOption } from './option.js';
export { defaultPollInterval, type PollOptions, poll } from './poll.js';
export { isIdempotentMethod } from './retry.js';
export type { ClientTransportOptions, FetchLike } from './transport.js';
