import { buffered, DEFAULT_MAX_RESPONSE_BYTES, discard, readBody } from './body.js';
import { AbortedError, ApiTimeoutError, InvalidRequestError, SignetError } from './errors.js';
import { createLog, type Log, type LogOptions } from './log.js';
import { failureOf, requestConstructionError, type SentHops, StageFailure, scrub, secretsOf } from './redact.js';
import { follow, type HopInit } from './redirect.js';
import { requestIdOf } from './request-id.js';
import { isRetryableAnswer, type RetryPolicy, retryAfterMs, sleep, type TryOutcome, withRetries } from './retry.js';

/**
 * The `fetch` a client sends every try through: always called with one `Request`, never with
 * `(url, init)`, so a test double or a proxying fetch needs to handle only that form. The
 * Request already has `redirect: 'manual'` and the try's signal; `init` is the client's
 * `fetchOptions`, when it has any, for members a Request cannot carry (such as `dispatcher`).
 */
export type FetchLike = (request: Request, init?: RequestInit) => Promise<Response>;

/**
 * The transport settings every client takes as its own options.
 *
 * Whatever they are set to, a call ends: each try (connecting, redirects,
 * headers and the whole body) has `timeoutMs`, a server's Retry-After is
 * honoured only up to 60 s (beyond that, backoff of at most 8 s), and there
 * are at most `maxRetries` retries. Redirects are followed only within the
 * same origin; one to another origin is refused (ApiRedirectError), so
 * credentials never leave the API's origin.
 */
export interface ClientTransportOptions extends LogOptions {
  /**
   * Defaults to the global fetch, looked up on every hop (so that an interceptor installed later,
   * such as MSW, sees the requests) and called with `(url, init)`, which spares building a second Request.
   */
  readonly fetch?: FetchLike;
  /** Further tries after the first, for retryable answers (408, 429, 5xx, no answer). Default 2. */
  readonly maxRetries?: number;
  /**
   * Per try, in milliseconds, for the whole exchange: connecting, any redirects,
   * the headers and the entire body. Default 60 000.
   */
  readonly timeoutMs?: number;
  /**
   * The largest response body read, in bytes. A larger `content-length` is
   * refused before reading, and a body without one is counted while it streams
   * and dropped once past the limit: ApiResponseTooLargeError. Default 16 MiB.
   */
  readonly maxResponseBytes?: number;
  /**
   * More `RequestInit` members for fetch, on every try: an undici `dispatcher` (a `ProxyAgent` for
   * a proxy, an `Agent` with a client certificate for mTLS), `keepalive`, `priority`, …. The
   * transport's own (`method`, `headers`, `body`, `signal`, `redirect`) always win. With your own
   * `fetch`, the standard members reach it in the Request; the others, such as `dispatcher`, in
   * the init it is called with as its second argument.
   */
  readonly fetchOptions?: RequestInit & Readonly<Record<string, unknown>>;
}

/**
 * One hop of one try as a {@link RequestSigner} sees it, just before it is sent: the method and
 * URL of this hop, its headers, and the exact bytes it will send unless the signer replaces them.
 */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: URL;
  /**
   * This hop's own copy of the headers, with those of the request handed to `send`; the
   * headers the signer returns are set on it.
   */
  readonly headers: Headers;
  /**
   * The bytes this hop sends, the same on every try and every 307/308 hop: the request's body, read
   * once. Undefined without a body (and after a redirect that drops it), and for an upload sent
   * from a Blob or a stream (`SendOptions.body`), whose bytes are not read in advance.
   */
  readonly body: Uint8Array | undefined;
  /**
   * The Request handed to `send`, its body already read: the same object on every try and hop of
   * one call, and the one `createApiClient`'s `explainError` is given, so that a signer can keep
   * what it signed for the error the call may end in (in a WeakMap keyed by it).
   */
  readonly request: Request;
}

/** What a {@link RequestSigner} adds to one hop. */
export interface RequestSignature {
  /** Headers to set on this hop, each replacing any of the same name. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Bytes to send on this hop instead of `body`, such as its canonical form when the signature
   * covers that; leave it out to send `body` as it is.
   */
  readonly body?: Uint8Array | string;
}

/**
 * Signs one hop: runs before every try and every redirect hop, so that each carries a new
 * timestamp and signature. It sees the request as parts and answers only what it adds, so the
 * transport builds the one Request of the hop itself; a thrown error ends the call (nothing is sent).
 */
export type RequestSigner = (request: OutgoingRequest) => RequestSignature | Promise<RequestSignature>;

export interface TransportOptions extends ClientTransportOptions {
  /** Signs every try and every redirect hop anew (see {@link RequestSigner}). */
  readonly sign?: RequestSigner;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  readonly random?: () => number;
  /** Clock for Retry-After dates, in milliseconds since the epoch (named apart from the clients' signing `now`). */
  readonly retryAfterClock?: () => number;
  /** Same-origin redirects followed per try. Default 5. */
  readonly maxRedirects?: number;
}

export interface SendOptions {
  /**
   * Whether a failed try may be repeated. Callers pass false for requests that
   * create something (a second try could create it twice) unless told otherwise.
   * A function is asked at most once, and only when a try has failed in a way a repeat
   * could mend, with a Request of what was handed to `send` (method, URL, headers, body).
   */
  readonly retry: boolean | ((request: Request) => boolean);
  /** The caller's cancellation; defaults to the request's own signal. */
  readonly signal?: AbortSignal | undefined;
  /** Per try; overrides the transport's default. */
  readonly timeoutMs?: number;
  /** Overrides the transport's default. */
  readonly maxRetries?: number;
  /**
   * An upload's body, sent instead of the request's without being read in advance: a Blob (a
   * file from `fs.openAsBlob`, say) anew on every try, read as it is sent; a stream once, so that
   * a call with one is never retried. The request's headers must describe it (`content-type`).
   */
  readonly body?: Blob | ReadableStream<Uint8Array> | undefined;
}

export interface Transport {
  /**
   * Sends `request` (its body read once, whatever the number of tries) and
   * resolves with a Response whose body has been read in full, within the
   * try's deadline, the caller's signal and `maxResponseBytes`, so parsing it
   * never waits on the network. Its status, headers and `url` are those of the
   * final answer. Each hop is signed (`sign`), then sent as one Request.
   *
   * Redirects are never left to fetch (`redirect: 'manual'`). A redirect to
   * the same origin (scheme, host and port) is followed, at most
   * `maxRedirects` hops, each signed anew: 303, and 301/302 after a
   * POST, continue as GET without a body; 307 and 308 keep method and body. A
   * redirect to another origin is refused with ApiRedirectError naming that
   * origin, since the request's headers (API keys, tokens, signatures) must not
   * reach it; so is a loop, an unreadable `Location`, and a browser's opaque
   * redirect, whose target cannot be checked. A 3xx without `Location` is
   * returned as it is.
   *
   * Rejects with ApiTimeoutError, AbortedError, ApiConnectionError (no answer,
   * or a body cut off; retried like any connection failure when `retry`
   * allows), ApiResponseTooLargeError, ApiRedirectError, or InvalidRequestError
   * (a header value HTTP cannot carry, or invalid options). None of them holds
   * a request header value: a runtime error kept as `cause` is a copy with
   * every header value and the query redacted.
   */
  send(request: Request, options: SendOptions): Promise<Response>;
}

/** setTimeout's own limit; a larger delay would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const DEFAULT_MAX_REDIRECTS = 5;

function requireWhole(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new InvalidRequestError(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function createTransport(options: TransportOptions = {}): Transport {
  const defaultMaxRetries = requireWhole(options.maxRetries ?? 2, 'maxRetries', 0, Number.MAX_SAFE_INTEGER);
  const defaultTimeoutMs = requireWhole(options.timeoutMs ?? 60_000, 'timeoutMs', 1, MAX_TIMER_MS);
  const maxResponseBytes = requireWhole(
    options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    'maxResponseBytes',
    0,
    Number.MAX_SAFE_INTEGER,
  );
  const maxRedirects = requireWhole(options.maxRedirects ?? DEFAULT_MAX_REDIRECTS, 'maxRedirects', 0, 20);
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const now = options.retryAfterClock ?? Date.now;
  const log = createLog(options);

  /**
   * One hop: signed, then sent as the one Request of the hop, with redirects left to us and the
   * try's signal. The global fetch is called with the URL and init instead, so that it builds
   * that Request itself rather than a second one from ours.
   */
  const hop = async (url: URL, init: HopInit, signal: AbortSignal, sent: SentHops, call: Request): Promise<Response> => {
    const headers = new Headers(init.headers);
    let body: HopInit['body'] | string = init.body;
    if (options.sign) {
      let signature: RequestSignature;
      try {
        signature = await options.sign({
          method: init.method,
          url,
          headers,
          body: body instanceof Uint8Array ? body : undefined,
          request: call,
        });
        if (signature.headers) for (const name of Object.keys(signature.headers)) headers.set(name, signature.headers[name] as string);
      } catch (error) {
        throw signerError(error, sent);
      }
      if (signature.body !== undefined) body = signature.body;
    }
    // Recorded as it goes out: a timeout before any hop was sent did nothing at the server.
    sent.push({ url, headers });
    log?.('debug', `${init.method} ${url.href} ${[...headers].map((header) => header.join(': ')).join(', ')}`, sent, body);
    // `duplex` lets a stream be sent as the body (Node asks for it, and it changes nothing for bytes).
    const requestInit: RequestInit = {
      ...options.fetchOptions,
      method: init.method,
      headers,
      redirect: 'manual',
      signal,
      duplex: 'half',
    } as RequestInit;
    if (body !== undefined) requestInit.body = body as BodyInit;
    if (options.fetch === undefined) {
      try {
        return await globalThis.fetch(url, requestInit);
      } catch (error) {
        throw new StageFailure('fetch', error);
      }
    }
    let request: Request;
    try {
      request = new Request(url, requestInit);
    } catch (error) {
      throw requestConstructionError(error) ?? error;
    }
    try {
      return await untilAborted(options.fetch(request, options.fetchOptions), signal);
    } catch (error) {
      throw new StageFailure('fetch', error);
    }
  };

  /** One try, start to end under one deadline: redirects, headers, and either the whole body or the retry decision. */
  const attempt = async (
    call: Request,
    first: HopInit,
    url: URL,
    userSignal: AbortSignal | undefined,
    timeoutMs: number,
    mayRetry: () => boolean,
  ): Promise<TryOutcome> => {
    const started = performance.now();
    const controller = new AbortController();
    const onUserAbort = () => controller.abort();
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    // What each hop sent, to redact from a runtime error kept as a cause; read only on failure.
    const sent: SentHops = [];
    try {
      const followed = await follow(first, url, (hopUrl, init) => hop(hopUrl, init, controller.signal, sent, call), maxRedirects);
      const { response } = followed;
      const answered = (bytes?: Uint8Array | null) => log && logAnswer(log, response, first.method, followed.url, sent, started, bytes);
      if (isRetryableAnswer(response) && mayRetry()) {
        answered();
        await discard(response);
        return { status: response.status, retryAfterMs: retryAfterMs(response.headers, now()) };
      }
      const bytes = await readBody(response, controller.signal, maxResponseBytes, followed.url.host);
      answered(bytes);
      return { response: buffered(response, bytes, followed.url.href, followed.redirected) };
    } catch (error) {
      // Release the connection of whatever was left unread.
      controller.abort();
      if (userSignal?.aborted) throw new AbortedError(`the request to ${url.host} was aborted`);
      if (timedOut) throw new ApiTimeoutError(timeoutMs, { host: url.host, mayHaveBeenProcessed: sent.length > 0 });
      throw failureOf(error, url.host, sent);
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onUserAbort);
    }
  };

  return {
    async send(request, { retry, signal = request.signal, timeoutMs = defaultTimeoutMs, maxRetries = defaultMaxRetries, body }) {
      requireWhole(timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS);
      requireWhole(maxRetries, 'maxRetries', 0, Number.MAX_SAFE_INTEGER);
      if (signal?.aborted) throw new AbortedError('the request was aborted before it was sent');
      const url = new URL(request.url);
      // Read once, so that every try and hop sends the same bytes without cloning the stream.
      const first: HopInit = {
        method: request.method,
        headers: request.headers,
        body: body ?? (request.body === null ? undefined : new Uint8Array(await request.arrayBuffer())),
      };
      return withRetries((mayRetry) => attempt(request, first, url, signal, timeoutMs, mayRetry), {
        maxRetries,
        // A stream is read as it is sent: there is nothing left to send again.
        mayRepeat:
          body instanceof ReadableStream ? () => false : typeof retry === 'boolean' ? () => retry : () => retry(requestOf(url, first)),
        wait,
        random,
        signal,
        onRetry: log && retryLine(log, first, url, maxRetries),
      });
    },
  };
}

/** Logs the answer that ends a try, with the try's time: `debug`, or `info` for an error status. */
function logAnswer(log: Log, response: Response, method: string, url: URL, sent: SentHops, started: number, bytes?: Uint8Array | null) {
  const { status } = response;
  const line = `${status} ${method} ${url.href} in ${Math.round(performance.now() - started)} ms`;
  log(status < 400 ? 'debug' : 'info', line, sent, bytes, { status, requestId: requestIdOf(response.headers) });
}

/** Logs a retry: which one, of what, after how long a wait, and what caused it. */
function retryLine(log: Log, first: HopInit, url: URL, maxRetries: number): RetryPolicy['onRetry'] {
  return (retry, waitMs, after) =>
    log('info', `retry ${retry} of ${maxRetries}: ${first.method} ${url.href} in ${Math.round(waitMs)} ms, after ${after}`, [
      { url, headers: first.headers },
    ]);
}

/** `answer`, or the signal's reason once it aborts: a fetch that ignores the signal cannot outlast the try's deadline. */
function untilAborted<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * What a throwing signer ends the call with: its own SignetError as it is; a header it set that HTTP
 * cannot carry, named without its value; anything else as InvalidRequestError (`sign`), its cause a
 * copy with everything the hop carried redacted (a signer's error may quote the key or the headers).
 */
function signerError(error: unknown, sent: SentHops): SignetError {
  if (error instanceof SignetError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return (
    requestConstructionError(error) ??
    new InvalidRequestError('sign', `the signer threw ${name}, so nothing was sent`, { cause: scrub(error, secretsOf(sent)) })
  );
}

/** A Request of what a call hands to `send`, for code that asks about it as a Request. */
function requestOf(url: URL, init: HopInit): Request {
  return new Request(url, { method: init.method, headers: init.headers, ...(init.body !== undefined && { body: init.body as BodyInit }) });
}
