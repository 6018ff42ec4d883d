import { SignetError } from '@signet/auth';

export type SignetClientErrorCode =
  | 'ERR_API'
  | 'ERR_API_CONNECTION'
  | 'ERR_API_TIMEOUT'
  | 'ERR_ABORTED'
  | 'ERR_POLL_TIMEOUT'
  | 'ERR_INVALID_REQUEST';

/**
 * Base of every error the signet clients throw. `code` is a literal, so
 * `switch (error.code)` narrows. Messages carry the vendor's status and reason,
 * never a request header, so no credential can end up in one.
 */
export abstract class SignetClientError extends SignetError<SignetClientErrorCode> {}

/** The request was refused before anything was sent; `field` names the offending input. */
export class InvalidRequestError extends SignetClientError {
  readonly code = 'ERR_INVALID_REQUEST';

  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

export interface ApiErrorInit {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON, or undefined when empty. */
  readonly body: unknown;
}

/** The API answered with a non-2xx status. Subclasses name the common statuses. */
export class ApiError extends SignetClientError {
  readonly code = 'ERR_API';
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  /** The vendor's request id (`x-request-id`, or Google's `x-cloud-trace-context` for Aiuta), for support tickets. */
  readonly requestId: string | undefined;
  /** The vendor's own short reason, when the body has one (`detail`, `code`, `msg`, `message`). */
  readonly reason: string | undefined;

  constructor(init: ApiErrorInit) {
    const reason = reasonOf(init.body);
    super(`${init.status} ${reason ?? statusText(init.status)}`);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.reason = reason;
    this.requestId = init.headers.get('x-request-id') ?? init.headers.get('x-cloud-trace-context')?.split('/')[0] ?? undefined;
  }

  /** The subclass for `status`, as in openai-node's APIError.generate. */
  static from(init: ApiErrorInit): ApiError {
    const Subclass = STATUS_CLASSES[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
    return new Subclass(init);
  }
}

export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class UnprocessableEntityError extends ApiError {}
export class RateLimitError extends ApiError {}
export class InternalServerError extends ApiError {}

const STATUS_CLASSES: Record<number, new (init: ApiErrorInit) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The request never got an HTTP answer (DNS, refused connection, reset). */
export class ApiConnectionError extends SignetClientError {
  readonly code = 'ERR_API_CONNECTION';
}

/** No answer within the request timeout; `timeoutMs` is the limit that elapsed. */
export class ApiTimeoutError extends SignetClientError {
  readonly code = 'ERR_API_TIMEOUT';

  constructor(readonly timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`);
  }
}

/** The caller's AbortSignal fired. */
export class AbortedError extends SignetClientError {
  readonly code = 'ERR_ABORTED';
}

/** A job did not reach a final state in time; `last` is the last state seen. */
export class PollTimeoutError<T = unknown> extends SignetClientError {
  readonly code = 'ERR_POLL_TIMEOUT';

  constructor(
    readonly timeoutMs: number,
    readonly last: T | undefined,
  ) {
    super(`the job did not finish within ${timeoutMs} ms`);
  }
}

function reasonOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 200) || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['detail', 'message', 'msg', 'error', 'code']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value.slice(0, 200);
  }
  // FastAPI's 422: {"detail":[{"loc":[...],"msg":"...","type":"..."}]}
  const detail = record.detail;
  if (Array.isArray(detail) && detail.length > 0) {
    const first = detail[0] as { loc?: unknown; msg?: unknown };
    const where = Array.isArray(first.loc) ? `${first.loc.join('.')}: ` : '';
    if (typeof first.msg === 'string') return `${where}${first.msg}`.slice(0, 200);
  }
  return undefined;
}

function statusText(status: number): string {
  return (
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      408: 'Request Timeout',
      409: 'Conflict',
      422: 'Unprocessable Entity',
      429: 'Too Many Requests',
    }[status] ?? (status >= 500 ? 'Server Error' : 'HTTP error')
  );
}
