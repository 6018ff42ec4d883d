import { reasonOf } from './reason.js';
import { requestIdOf } from './request-id.js';

/**
 * The base of every error any signet package throws: one `instanceof` catches
 * them all, and `code` is a literal on each subclass (also as `static code`, as
 * jose does), so `switch (error.code)` over a union of the concrete classes narrows. `cause`
 * is kept whenever there is one, except where it could carry a secret.
 *
 * Each class sets its own `name` as a string (`InvalidRequestError`, `RateLimitError`, …), since
 * minifiers rename classes and `constructor.name` would read `N` or `St` in a browser bundle; a
 * subclass of your own should set its `name` too.
 */
export abstract class SignetError<Code extends string = string> extends Error {
  abstract readonly code: Code;
}

/**
 * The `code` of each client error, one per class (every `ApiError` subclass shares `ERR_API`;
 * tell those apart by `status` or `instanceof`). Codes stay stable across releases, unlike
 * messages, and survive minifiers that rename classes.
 */
export type SignetClientErrorCode =
  | 'ERR_API'
  | 'ERR_API_RESPONSE'
  | 'ERR_API_RESPONSE_TOO_LARGE'
  | 'ERR_API_REDIRECT'
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
  override readonly name: string = 'InvalidRequestError';
  static readonly code = 'ERR_INVALID_REQUEST';
  readonly code = 'ERR_INVALID_REQUEST';

  constructor(
    readonly field: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`${field}: ${detail}`, options);
  }
}

/**
 * The answer an {@link ApiError} is built from. `ApiError.from(init)` picks the subclass for the
 * status, so code that calls an endpoint through `raw` can throw the same errors the clients do.
 */
export interface ApiErrorInit {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON, or undefined when empty. */
  readonly body: unknown;
  /** The request's method, named in the message. */
  readonly method?: string | undefined;
  /** The request's URL; only its path is kept and named in the message, never its query or credentials. */
  readonly url?: string | undefined;
  /** What the request carried that may be secret (its credentials): redacted from `reason` should the server echo it. */
  readonly secrets?: readonly string[] | undefined;
}

/** The API answered with a non-2xx status. Subclasses name the common statuses. */
export class ApiError extends SignetClientError {
  override readonly name: string = 'ApiError';
  static readonly code = 'ERR_API';
  readonly code = 'ERR_API';
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  /** The vendor's request id (`x-request-id`, or Google's `x-cloud-trace-context` for Aiuta), for support tickets. */
  readonly requestId: string | undefined;
  /**
   * The server's own words from the body (`detail`, `message`, `msg`, `error`, `code`, with
   * FastAPI's and VidAU's lists of problems, `loc: msg`), or its text: control characters
   * replaced by spaces, the request's credentials redacted, at most 300 characters. It is read from
   * the body alone, never a header.
   */
  readonly reason: string | undefined;

  /** The request's method, when known. */
  readonly method: string | undefined;
  /** The request's path, without query string, when known. */
  readonly path: string | undefined;

  /**
   * The message reads `POST /v1.0/avatar/video/create: 400 params.avatar_id must be integer`:
   * method and path (when given), status, and the server's own detail or the status text.
   */
  constructor(init: ApiErrorInit) {
    const reason = reasonOf(init.body, init.secrets);
    const method = init.method?.toUpperCase();
    const path = init.url === undefined ? undefined : pathOf(init.url);
    const where = method !== undefined && path !== undefined ? `${method} ${path}: ` : '';
    super(`${where}${init.status} ${reason ?? statusText(init.status)}`);
    this.method = method;
    this.path = path;
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.reason = reason;
    this.requestId = requestIdOf(init.headers);
  }

  /** The subclass for `status`, as in openai-node's APIError.generate. */
  static from(init: ApiErrorInit): ApiError {
    const Subclass = STATUS_CLASSES[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
    return new Subclass(init);
  }
}

/**
 * HTTP 400: the vendor refused the request as it stands (Aiuta: `Input image was not found`;
 * VidAU: a body that fails its checks). Not retried; `reason` has the vendor's words.
 */
export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError';
}
/**
 * HTTP 401: the credential is missing, wrong or expired. Not retried; `bearerAuth` has already
 * fetched a fresh token and tried once more before this reaches you.
 */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
  /**
   * How the refused request was signed, with no secret in it, from a client that signs each request
   * itself (VidAU's: client id, timestamp, signature, dialect, charset and the SHA-256 of the body
   * sent). `JSON.stringify(error)` holds it, which is what `signet-auth doctor --from-error` reads.
   */
  declare readonly signing?: Readonly<Record<string, string | number>>;
}
/**
 * HTTP 403: the credential is valid, but not for this call (Aiuta: `x-user-id` to start a
 * try-on, or a JWT bound to other parameters). Not retried.
 */
export class PermissionDeniedError extends ApiError {
  override readonly name: string = 'PermissionDeniedError';
}
/** HTTP 404: no such image, operation, SKU item or task, or it has expired. Not retried. */
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
}
/**
 * HTTP 409: the resource's state does not allow the call yet or any more (a `sku_id` already
 * taken, a capability still preparing). Not retried: wait, or change the request.
 */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
}
/**
 * HTTP 422: the body failed the API's schema validation; `reason` names the first offending
 * field as FastAPI reports it (`body.sku_id: Field required`). Not retried.
 */
export class UnprocessableEntityError extends ApiError {
  override readonly name: string = 'UnprocessableEntityError';
}
/**
 * HTTP 429, after the retries were spent (reads retry by default, creates only with
 * `{ retry: true }`). `headers` are the last answer's: `retry-after` and, when the server sends
 * them, `x-ratelimit-limit`, `-remaining` and `-reset`.
 */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
}
/**
 * HTTP 500 or above, after the retries were spent (reads retry by default, creates only with
 * `{ retry: true }`, since the first try may have created something).
 */
export class InternalServerError extends ApiError {
  override readonly name: string = 'InternalServerError';
}

const STATUS_CLASSES: Record<number, new (init: ApiErrorInit) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * The API answered with a success status but not with what the operation
 * promises: an empty body where one was due, or a body that is not JSON.
 */
export class ApiResponseError extends SignetClientError {
  override readonly name: string = 'ApiResponseError';
  static readonly code = 'ERR_API_RESPONSE';
  readonly code = 'ERR_API_RESPONSE';
  readonly status: number | undefined;

  constructor(detail: string, options?: ErrorOptions & { readonly status?: number }) {
    super(`invalid API response: ${detail}`, options);
    this.status = options?.status;
  }
}

/**
 * A response too large to read: its `content-length`, or the bytes counted
 * while reading it, passed `limit` (the `maxResponseBytes` option). The
 * connection is closed at that point; nothing larger is ever held in memory.
 * Not retried: the same request would get the same answer.
 */
export class ApiResponseTooLargeError extends SignetClientError {
  override readonly name: string = 'ApiResponseTooLargeError';
  static readonly code = 'ERR_API_RESPONSE_TOO_LARGE';
  readonly code = 'ERR_API_RESPONSE_TOO_LARGE';

  constructor(
    /** The `maxResponseBytes` that was exceeded. */
    readonly limit: number,
    /** The HTTP status of the answer whose body was too large. */
    readonly status: number,
    readonly host: string,
  ) {
    super(`the response from ${host} (status ${status}) is larger than the ${limit}-byte limit (maxResponseBytes)`);
  }
}

/**
 * Why a redirect was not followed:
 * - `cross-origin`: to another scheme, host or port; credentials are never sent to another origin.
 * - `loop`: to an address already visited in this exchange.
 * - `too-many`: more hops than allowed (5).
 * - `invalid-location`: a `Location` that is not a URL, or that carries a user name or password.
 * - `hidden`: the runtime does not reveal the target (a browser's `opaqueredirect`).
 */
export type ApiRedirectReason = 'cross-origin' | 'loop' | 'too-many' | 'invalid-location' | 'hidden';

/**
 * The server answered with a redirect that was not followed. The message
 * names the target's origin at most, never its path or query.
 */
export class ApiRedirectError extends SignetClientError {
  override readonly name: string = 'ApiRedirectError';
  static readonly code = 'ERR_API_REDIRECT';
  readonly code = 'ERR_API_REDIRECT';

  constructor(
    readonly reason: ApiRedirectReason,
    /** The redirect's status (0 for an opaque redirect). */
    readonly status: number,
    /** The origin redirected to (scheme, host, port), when known. */
    readonly targetOrigin: string | undefined,
    detail: string,
  ) {
    super(`redirect not followed (${reason}): ${detail}`);
  }
}

/**
 * No complete HTTP answer: DNS, a refused connection, a reset, or a body cut
 * off before its end. `host` names the server. The `cause` is a copy of the
 * runtime's error with any request header value or query redacted.
 */
export class ApiConnectionError extends SignetClientError {
  override readonly name: string = 'ApiConnectionError';
  static readonly code = 'ERR_API_CONNECTION';
  readonly code = 'ERR_API_CONNECTION';
  readonly host: string | undefined;
  /**
   * Whether the server may have received the request, and so may have done what it asks (created
   * a video, stored an upload): false only when no try can have reached it (the name did not
   * resolve, the connection was refused, TLS failed). Calls that create something are not retried,
   * so when this is true, look before you send it again (list, or get by the ID you hold).
   */
  mayHaveBeenProcessed: boolean;

  constructor(message: string, options?: ErrorOptions & { readonly host?: string; readonly mayHaveBeenProcessed?: boolean }) {
    super(message, options);
    this.host = options?.host;
    this.mayHaveBeenProcessed = options?.mayHaveBeenProcessed ?? true;
  }
}

/** No complete answer within the per-try timeout, body included; `timeoutMs` is the limit that elapsed. */
export class ApiTimeoutError extends SignetClientError {
  override readonly name: string = 'ApiTimeoutError';
  static readonly code = 'ERR_API_TIMEOUT';
  readonly code = 'ERR_API_TIMEOUT';
  readonly host: string | undefined;
  /**
   * Whether the server may have received the request and acted on it: true unless the time ran
   * out before anything was sent. A create is not retried, so look before you send it again.
   */
  mayHaveBeenProcessed: boolean;

  constructor(
    readonly timeoutMs: number,
    options?: { readonly host?: string; readonly mayHaveBeenProcessed?: boolean },
  ) {
    super(
      options?.host === undefined
        ? `no response within ${timeoutMs} ms`
        : `no complete response from ${options.host} within ${timeoutMs} ms`,
    );
    this.host = options?.host;
    this.mayHaveBeenProcessed = options?.mayHaveBeenProcessed ?? true;
  }
}

/** The caller's AbortSignal fired. */
export class AbortedError extends SignetClientError {
  override readonly name: string = 'AbortedError';
  static readonly code = 'ERR_ABORTED';
  readonly code = 'ERR_ABORTED';
}

/** A job did not reach a final state in time; `last` is the last state seen. */
export class PollTimeoutError<T = unknown> extends SignetClientError {
  override readonly name: string = 'PollTimeoutError';
  static readonly code = 'ERR_POLL_TIMEOUT';
  readonly code = 'ERR_POLL_TIMEOUT';

  constructor(
    readonly timeoutMs: number,
    readonly last: T | undefined,
  ) {
    super(`the job did not finish within ${timeoutMs} ms`);
  }
}

/** The path of `url`, without query, fragment or credentials. */
function pathOf(url: string): string {
  try {
    return new URL(url, 'http://path.invalid').pathname;
  } catch {
    return url.replace(/[?#].*$/s, '');
  }
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

/** Every concrete client error, for `switch (error.code)` with narrowing. */
export type AnySignetClientError =
  | InvalidRequestError
  | ApiError
  | ApiResponseError
  | ApiResponseTooLargeError
  | ApiRedirectError
  | ApiConnectionError
  | ApiTimeoutError
  | AbortedError
  | PollTimeoutError;
