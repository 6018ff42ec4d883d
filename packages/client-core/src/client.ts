import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, ApiResponseError, InvalidRequestError } from './errors.js';
import { serializePath } from './path.js';
import { type PollOptions, poll } from './poll.js';
import { callError, secretsOf } from './redact.js';
import { requestIdOf } from './request-id.js';
import { isIdempotentMethod } from './retry.js';
import { type ClientTransportOptions, createTransport, type RequestSigner, type SendOptions, type TransportOptions } from './transport.js';

/** Per-call options, the same for every method of every signet client. */
export interface RequestOptions {
  /** Cancels the call, including any wait between retries; rejects with AbortedError. */
  readonly signal?: AbortSignal;
  /** Overrides the client's per-try timeout, in milliseconds; it covers the whole exchange, body included. */
  readonly timeoutMs?: number;
  /** Overrides the client's retry count for this call. */
  readonly maxRetries?: number;
  /**
   * Whether a failed try may be repeated. By default reads are retried and calls
   * that create something are not (a second try could create it twice); `true`
   * retries a create too, `false` retries nothing.
   */
  readonly retry?: boolean;
}

/**
 * What an API client built on {@link createApiClient} needs besides its paths: the transport
 * settings every signet client exposes, plus the hooks where an API's own rules go (signing,
 * body serialization, envelope unwrapping). `sleep`, `random` and `retryAfterClock` exist so
 * that tests can run retries without waiting.
 */
export interface ApiClientOptions extends ClientTransportOptions, Pick<TransportOptions, 'sleep' | 'random' | 'retryAfterClock'> {
  /**
   * Prefix of every path, without a trailing slash, e.g. `https://api.aiuta.com/digital-try-on/v1`:
   * an absolute http or https URL without a user name or password, or the client is not made
   * (InvalidRequestError, field `baseUrl`).
   */
  readonly baseUrl: string;
  /**
   * Requests that are safe to repeat without the caller's word. Default: idempotent HTTP methods.
   * Asked only once a try has failed in a way a repeat could mend (so a call that succeeds never
   * asks), at most once per call, with a Request of what was sent.
   */
  readonly isRetryable?: (request: Request) => boolean;
  /** Serializes JSON request bodies; it should refuse values it cannot send faithfully. */
  readonly bodySerializer?: (body: unknown) => string;
  /**
   * Runs on every try and every redirect hop of every request, after the middleware: where a
   * per-try signature goes. It is handed the hop's method, URL, headers and exact body bytes and
   * answers the headers to set (and, if the signature covers other bytes, the body to send instead).
   */
  readonly sign?: RequestSigner;
  /**
   * openapi-fetch middleware, such as the Aiuta auth headers of `@signet/auth`. It runs once per
   * call, before the transport, so anything that must change on every retry belongs in `sign`.
   */
  readonly middleware?: readonly Middleware[];
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Reads the parsed body of every 2xx answer before the caller sees it: where
   * an API's envelope is unwrapped, or a failure inside a 200 becomes a typed error.
   */
  readonly readBody?: (body: unknown, response: Response) => unknown;
  /**
   * Adds to an ApiError, before it is thrown, what the client knows that the answer does not: a
   * hint in its message (which option fixes a 401), or how the request was signed. Given the
   * Request the call handed to the transport (the `request` its `sign` hook saw), and awaited; it
   * sees the errors `readBody` throws too.
   */
  readonly explainError?: (error: ApiError, request: Request | undefined) => void | Promise<void>;
}

/** What one openapi-fetch call resolves to. */
export interface FetchResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/** The per-call part of an openapi-fetch init: the fetch that carries the call's transport options. */
export interface CallInit {
  readonly fetch: (request: Request) => Promise<Response>;
}

export type DataOf<R extends FetchResult> = Exclude<R['data'], undefined>;

/**
 * What every method of a signet client returns: a Promise of the data, to `await` as any other,
 * with `withResponse()` for what came with it, as openai-node's `APIPromise` has.
 */
export interface ApiPromise<T> extends Promise<T> {
  /**
   * The same call's data with the final `Response` (status, headers, `url`; its body already
   * read) and the vendor's request id (`x-request-id`, or the trace id of Aiuta's
   * `x-cloud-trace-context`), for a support ticket or your own logs. Rejects as the call does.
   */
  withResponse(): Promise<{ readonly data: T; readonly response: Response; readonly requestId: string | undefined }>;
}

/** `ApiClient.poll`: `poll` over ApiPromises, keeping the last read's answer for `withResponse()`. */
function pollApi<T>(
  read: (signal?: AbortSignal) => ApiPromise<T>,
  isFinal: (state: T) => boolean,
  options?: PollOptions<T>,
): ApiPromise<T> {
  let last: { readonly data: T; readonly response: Response } | undefined;
  const states = poll(
    async (signal) => {
      last = await read(signal).withResponse();
      return last.data;
    },
    isFinal,
    options,
  );
  return apiPromise(states.then(() => last as { readonly data: T; readonly response: Response }));
}

/** An ApiPromise over a call's answer: it resolves with the data, and `withResponse()` with the rest. */
function apiPromise<T>(answered: Promise<{ readonly data: T; readonly response: Response }>): ApiPromise<T> {
  const data = answered.then((answer) => answer.data) as ApiPromise<T>;
  data.withResponse = () => {
    // The caller reads the outcome from here: the plain promise's rejection is not theirs to handle too.
    data.catch(() => undefined);
    return answered.then((answer) => ({ ...answer, requestId: requestIdOf(answer.response.headers) }));
  };
  return data;
}

/**
 * What {@link ApiClient.exchange} resolves with: the data and the final `Response`, for the
 * headers a method reads itself (an `ETag`, a `Location`). `data` is `undefined` on a 304.
 */
export interface CallResult<R extends FetchResult> {
  readonly data: DataOf<R>;
  readonly response: Response;
}

/**
 * A typed API client: openapi-fetch's `raw` client behind one transport, and `call`/`exchange`
 * to turn its `{ data, error, response }` into a value or a typed error.
 */
export interface ApiClient<Paths extends {}> {
  /** The openapi-fetch client, sent through the same transport, for anything not wrapped. */
  readonly raw: Client<Paths>;
  /**
   * Runs one typed openapi-fetch call with the per-call options and resolves
   * with its data, or rejects with the status's ApiError. A 2xx answer without
   * the body the operation promises rejects with ApiResponseError, unless the
   * operation answers with no content (`{ body: false }` as `expect`).
   *
   * `run` must spread the `init` it is given into the openapi-fetch call: without it the call
   * still goes through the transport, but with the client's defaults instead of `options`
   * (no `signal`, no per-call `timeoutMs` or `retry`). A check that throws in `run` rejects the
   * call before anything is sent. `options.body` is an upload's body, sent instead of the one
   * openapi-fetch builds (see `SendOptions.body`: a stream is sent once, never retried); it is
   * read when the request goes out, so `run` may set it once it has prepared the upload.
   *
   * `expect.read` turns the answer into the value to resolve with (a 304 included), instead of
   * the data with its presence checked.
   */
  call<R extends FetchResult, T = DataOf<R>>(
    options: (RequestOptions & { readonly body?: Blob | ReadableStream<Uint8Array> }) | undefined,
    run: (init: CallInit) => Promise<R>,
    expect?: { readonly body?: boolean; readonly read?: (result: CallResult<R>) => T },
  ): ApiPromise<T>;
  /** As `call`, keeping the response for its status and headers; 304 Not Modified resolves too. */
  exchange<R extends FetchResult>(options: RequestOptions | undefined, run: (init: CallInit) => Promise<R>): Promise<CallResult<R>>;
  /**
   * Reads a job's state with `read` until `isFinal` holds (see `poll`), as an ApiPromise of the last
   * state whose `withResponse()` has the last read's Response.
   */
  poll<T>(read: (signal?: AbortSignal) => ApiPromise<T>, isFinal: (state: T) => boolean, options?: PollOptions<T>): ApiPromise<T>;
}

/**
 * Builds a typed client for an OpenAPI description with the signet transport: the factory the
 * Aiuta and VidAU clients are built on, for an API of your own or an endpoint they do not wrap.
 *
 * Reads (GET, HEAD, OPTIONS, PUT, DELETE, or whatever `isRetryable` accepts) are retried on 408,
 * 429, 5xx and connection failures, `maxRetries` times (default 2), waiting as `Retry-After`
 * says (up to 60 s) or with jittered backoff of 0.5–8 s; anything else only with
 * `{ retry: true }`. Each try has `timeoutMs` (default 60 000 ms) for the whole exchange.
 * Redirects are followed within the same origin only.
 *
 * Each path parameter is exactly one segment, percent-encoded whole (`/`, `?`, `#` and `%`
 * included), so that no ID reaches another route; a missing or empty value, `.`, `..` and a
 * string with a lone surrogate are refused before sending, with InvalidRequestError on
 * `path.<name>` naming no value.
 *
 * Rejects with a subclass of `ApiError` for a non-2xx answer (`BadRequestError`,
 * `AuthenticationError`, `NotFoundError`, `RateLimitError`, `InternalServerError`, …), and with
 * `ApiTimeoutError`, `ApiConnectionError`, `AbortedError`, `ApiRedirectError`,
 * `ApiResponseTooLargeError` or `ApiResponseError` otherwise.
 *
 * @throws InvalidRequestError at once, for a `maxRetries`, `timeoutMs` or `maxResponseBytes`
 *   that is not a whole number in range.
 *
 * @example
 * ```ts
 * import { createApiClient } from '@signet/client-core';
 * import type { paths } from './schema.gen.js'; // from openapi-typescript
 *
 * const api = createApiClient<paths>({
 *   baseUrl: 'https://api.example.com/v1',
 *   headers: { 'x-api-key': process.env.EXAMPLE_API_KEY ?? '' },
 *   timeoutMs: 10_000,
 * });
 *
 * // Spread `init` into the call: it carries this call's signal, timeout and retry policy.
 * const item = await api.call({ signal: AbortSignal.timeout(30_000) }, (init) =>
 *   api.raw.GET('/items/{id}', { params: { path: { id: 'item-1' } }, ...init }),
 * );
 * ```
 */
export function createApiClient<Paths extends {}>(options: ApiClientOptions): ApiClient<Paths> {
  checkBaseUrl(options.baseUrl);
  const transport = createTransport(options);
  const isRetryable = options.isRetryable ?? ((request: Request) => isIdempotentMethod(request.method));
  /** `sent.request` keeps the request openapi-fetch handed over, for the method an ApiError names. */
  const initFor = (call: RequestOptions & { readonly body?: SendOptions['body'] } = {}, sent: { request?: Request } = {}): CallInit => ({
    fetch: (request: Request) => {
      sent.request = request;
      // Options left out are undefined here, which the transport reads as its defaults.
      return transport.send(request, { ...call, retry: call.retry ?? isRetryable });
    },
  });
  const raw = createClient<Paths>({
    baseUrl: options.baseUrl,
    fetch: initFor().fetch,
    pathSerializer: serializePath,
    ...(options.bodySerializer && { bodySerializer: options.bodySerializer }),
    ...(options.headers && { headers: options.headers }),
  });
  // A middleware's error may quote the request it was handed: the URL and the live headers (set by
  // later middleware too) of the last few are kept, so that the error's copy can be redacted of them.
  // Kept as they come, parsed only for an error: this runs on every request.
  const handed: { readonly url: string; readonly headers: Headers }[] = [];
  const recording: Middleware = {
    onRequest({ request }) {
      handed.push({ url: request.url, headers: request.headers });
      if (handed.length > 8) handed.shift();
    },
  };
  if (options.middleware && options.middleware.length > 0) raw.use(recording, ...options.middleware);
  /** The typed, redacted error a call rejects with, whatever escaped it. */
  const failure = (error: unknown, sent: boolean) =>
    callError(error, sent, [
      ...headerSecrets(options.headers),
      ...secretsOf(handed.map(({ url, headers }) => ({ url: new URL(url), headers }))),
    ]);

  const exchange = async <R extends FetchResult>(call: Parameters<typeof initFor>[0], run: (init: CallInit) => Promise<R>) => {
    const sent: { request?: Request } = {};
    let result: R;
    try {
      result = await run(initFor(call, sent));
    } catch (error) {
      throw failure(error, sent.request !== undefined);
    }
    const { response } = result;
    try {
      if (!response.ok && response.status !== 304) {
        const { status, headers } = response;
        throw ApiError.from({
          status,
          headers,
          body: result.error,
          method: sent.request?.method,
          url: response.url || sent.request?.url,
          secrets: sent.request && secretsOf([{ url: new URL(sent.request.url), headers: sent.request.headers }]),
        });
      }
      const data = options.readBody && response.ok && result.data !== undefined ? options.readBody(result.data, response) : result.data;
      return { data: data as DataOf<R>, response };
    } catch (error) {
      // Whether this call's answer or readBody made it: the client may add what it knows.
      if (error instanceof ApiError) await options.explainError?.(error, sent.request);
      throw error;
    }
  };

  return {
    raw: guarded(raw, (error) => failure(error, false)),
    exchange,
    call: (call, run, expect = {}) =>
      apiPromise(
        exchange(call, run).then((result) => {
          const { data, response } = result;
          if (expect.read) return { data: expect.read(result), response };
          if (data === undefined && (expect.body ?? true) && response.status !== 204) {
            throw new ApiResponseError(`${response.status} answer without the expected body`, { status: response.status });
          }
          return result as never;
        }),
      ),
    poll: pollApi,
  };
}

/**
 * Refuses a base URL the client could not use, before anything else: not an absolute http(s) URL
 * (`localhost:4010` parses as the scheme `localhost:`), or one with a user name or password, which
 * the runtime would quote in an error. The error names the field, never the value.
 */
function checkBaseUrl(baseUrl: unknown): void {
  let url: URL | undefined;
  try {
    url = typeof baseUrl === 'string' ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new InvalidRequestError('baseUrl', 'must be an absolute http or https URL, such as https://api.example.com/v1');
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidRequestError('baseUrl', 'must not include a user name or password; send credentials in headers');
  }
}

/** The values of the client's own headers, each a possible secret. */
const headerSecrets = (headers: Readonly<Record<string, string>> | undefined) =>
  Object.values(headers ?? {}).filter((value): value is string => typeof value === 'string' && value.length >= 4);

/** openapi-fetch's methods that send a request. */
const SENDERS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'request'] as const;

/** `client` with every sending method's rejection turned into `toError`'s: raw calls fail typed too. */
function guarded<Paths extends {}>(client: Client<Paths>, toError: (error: unknown) => Error): Client<Paths> {
  const methods: Record<string, unknown> = { ...client };
  for (const name of SENDERS) {
    const send = client[name] as (...args: unknown[]) => Promise<unknown>;
    methods[name] = (...args: unknown[]) =>
      send(...args).catch((error: unknown) => {
        throw toError(error);
      });
  }
  return methods as unknown as Client<Paths>;
}
