export { type ApiClient, type ApiClientOptions, type CallResult, createApiClient, type RequestOptions } from './client.js';
export {
  AbortedError,
  type AnySignetClientError,
  ApiConnectionError,
  ApiError,
  type ApiErrorInit,
  ApiRedirectError,
  type ApiRedirectReason,
  ApiResponseError,
  ApiResponseTooLargeError,
  ApiTimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  SignetClientError,
  type SignetClientErrorCode,
  SignetError,
  UnprocessableEntityError,
} from './errors.js';
export type { ImageInput, ImageOptions } from './image.js';
export { numberOption } from './option.js';
export { defaultPollInterval, type PollOptions, poll } from './poll.js';
export type { ClientTransportOptions, FetchLike } from './transport.js';
