export { SignetError } from '@signet/auth';
export {
  AbortedError,
  ApiConnectionError,
  ApiError,
  type ApiErrorInit,
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
  UnprocessableEntityError,
} from './errors.js';
export { defaultPollInterval, type PollOptions, poll } from './poll.js';
export { type FetchResult, unwrap } from './result.js';
export {
  type ClientTransportOptions,
  createTransport,
  type FetchLike,
  isIdempotentMethod,
  retryAfterMs,
  type SendOptions,
  sleep,
  type Transport,
  type TransportOptions,
} from './transport.js';
export { requireNonEmpty } from './validate.js';
