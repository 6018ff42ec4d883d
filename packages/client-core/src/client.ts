import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, ApiResponseError } from './errors.js';
import {
  type ClientTransportOptions,
  createTransport,
  isIdempotentMethod,
  requestConstructionError,
  type TransportOptions,
} from './transport.js';

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

export interface ApiClientOptions extends ClientTransportOptions, Pick<TransportOptions, 'sleep' | 'random' | 'retryAfterClock'> {
  readonly baseUrl: string;
  /** Requests that are safe to repeat without the caller's word. Default: idempotent HTTP methods. */
  readonly isRetryable?: (request: Request) => boolean;
  /** Serializes JSON request bodies; it should refuse values it cannot send faithfully. */
  readonly bodySerializer?: (body: unknown) => string;
  /** Runs on every try of every request, after the middleware: where a per-try signature goes. */
  readonly sign?: (request: Request) => Request | Promise<Request>;
  /** openapi-fetch middleware, such as the Aiuta auth headers of @signet/auth. */
  readonly middleware?: readonly Middleware[];
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Reads the parsed body of every 2xx answer before the caller sees it: where
   * an API's envelope is unwrapped, or a failure inside a 200 becomes a typed error.
   */
  readonly readBody?: (body: unknown, response: Response) => unknown;
  /** A hint appended to an ApiError's message, such as which option fixes a 401. */
  readonly hintFor?: (error: ApiError) => string | undefined;
}

/** What one openapi-fetch call resolves to. */
export interface FetchResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/** The per-call part of an openapi-fetch init that carries the transport options. */
export interface CallInit {
  readonly fetch: (request: Request) => Promise<Response>;
}

export type DataOf<R extends FetchResult> = Exclude<R['data'], undefined>;

export interface CallResult<R extends FetchResult> {
  readonly data: DataOf<R>;
  readonly response: Response;
}

export interface ApiClient<Paths extends {}> {
  /** The openapi-fetch client, sent through the same transport, for anything not wrapped. */
  readonly raw: Client<Paths>;
  /**
   * Runs one typed openapi-fetch call with the per-call options and resolves
   * with its data, or rejects with the status's ApiError. A 2xx answer without
   * the body the operation promises rejects with ApiResponseError, unless the
   * operation answers with no content (`expectBody: false`).
   */
  call<R extends FetchResult>(
    options: RequestOptions | undefined,
    run: (init: CallInit) => Promise<R>,
    expect?: { readonly body?: boolean },
  ): Promise<DataOf<R>>;
  /** As `call`, keeping the response for its status and headers; 304 Not Modified resolves too. */
  exchange<R extends FetchResult>(options: RequestOptions | undefined, run: (init: CallInit) => Promise<R>): Promise<CallResult<R>>;
}

/**
 * The one client factory every signet API client is built on: openapi-fetch for
 * typed paths, one transport for retries that re-sign, timeouts and typed errors.
 */
export function createApiClient<Paths extends {}>(options: ApiClientOptions): ApiClient<Paths> {
  const transport = createTransport({ ...options, ...(options.sign && { prepare: options.sign }) });
  const isRetryable = options.isRetryable ?? ((request: Request) => isIdempotentMethod(request.method));
  /** `sent.request` keeps the request openapi-fetch handed over, for the method an ApiError names. */
  const initFor = (call: RequestOptions = {}, sent: { request?: Request } = {}): CallInit => ({
    fetch: (request) => {
      sent.request = request;
      return transport.send(request, {
        retry: call.retry ?? isRetryable(request),
        ...(call.signal && { signal: call.signal }),
        ...(call.timeoutMs !== undefined && { timeoutMs: call.timeoutMs }),
        ...(call.maxRetries !== undefined && { maxRetries: call.maxRetries }),
      });
    },
  });
  const raw = createClient<Paths>({
    baseUrl: options.baseUrl,
    fetch: initFor().fetch,
    ...(options.bodySerializer && { bodySerializer: options.bodySerializer }),
    ...(options.headers && { headers: options.headers }),
  });
  if (options.middleware && options.middleware.length > 0) raw.use(...options.middleware);

  const exchange = async <R extends FetchResult>(call: RequestOptions | undefined, run: (init: CallInit) => Promise<R>) => {
    const sent: { request?: Request } = {};
    let result: R;
    try {
      result = await run(initFor(call, sent));
    } catch (error) {
      // openapi-fetch parses the (already complete) body; a parse failure is the server's answer, not ours.
      if (error instanceof SyntaxError) throw new ApiResponseError('the response body is not valid JSON', { cause: error });
      // A header value undici refuses (set by middleware or a header parameter): its TypeError quotes the value.
      throw requestConstructionError(error) ?? error;
    }
    const { response } = result;
    if (!response.ok && response.status !== 304) {
      const error = ApiError.from({
        status: response.status,
        headers: response.headers,
        body: result.error,
        method: sent.request?.method,
        url: response.url || sent.request?.url,
      });
      const hint = options.hintFor?.(error);
      if (hint !== undefined) error.message = `${error.message} (${hint})`;
      throw error;
    }
    const data = options.readBody && response.ok && result.data !== undefined ? options.readBody(result.data, response) : result.data;
    return { data: data as DataOf<R>, response };
  };

  return {
    raw,
    exchange,
    async call(call, run, expect = {}) {
      const { data, response } = await exchange(call, run);
      if (data === undefined && (expect.body ?? true) && response.status !== 204) {
        throw new ApiResponseError(`${response.status} answer without the expected body`, { status: response.status });
      }
      return data;
    },
  };
}
