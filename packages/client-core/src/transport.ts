import {
  AbortedError,
  ApiConnectionError,
  ApiRedirectError,
  ApiResponseTooLargeError,
  ApiTimeoutError,
  InvalidRequestError,
  SignetError,
} from './errors.js';

/**
 * The `fetch` a client sends every try through: always called with one `Request`, never with
 * `(url, init)`, so a test double or a proxying fetch needs to handle only that form. The
 * Request already has `redirect: 'manual'` and the try's signal.
 */
export type FetchLike = (request: Request) => Promise<Response>;

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
export interface ClientTransportOptions {
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
   * The body this hop sends, the same on every try and every 307/308 hop: bytes, or a string
   * sent as its UTF-8 bytes. Undefined without a body (and after a redirect that drops it).
   */
  readonly body: Uint8Array | string | undefined;
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

/**
 * A request as its parts, for a caller that holds them already: {@link Transport.send} sends them
 * as a Request would be sent, without one being built and its body streamed and read back first.
 */
export interface RequestParts {
  readonly url: string;
  readonly method: string;
  /** Not changed: each hop sends a copy. */
  readonly headers: Headers;
  /** A string is sent as its UTF-8 bytes. */
  readonly body?: Uint8Array | string | undefined;
  /** Cancels the call unless {@link SendOptions.signal} is given. */
  readonly signal?: AbortSignal | undefined;
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
}

export interface Transport {
  /**
   * Sends `request` (a Request, whose body is read once, or its parts) and
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
  send(request: Request | RequestParts, options: SendOptions): Promise<Response>;
}

/** A server's Retry-After above this is ignored in favour of backoff, as openai-node does. */
const MAX_RETRY_AFTER_MS = 60_000;
/** setTimeout's own limit; a larger delay would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const RETRYABLE_STATUSES = new Set([408, 429]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Statuses a Response may not have a body with. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/** Headers that describe a body, dropped when a redirect turns the request into a GET (Fetch §4.4). */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** Whether HTTP says repeating the request is harmless (RFC 9110 §9.2.2); POSTs need the caller's word. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Milliseconds the server asks us to wait, from `retry-after-ms` or `retry-after`
 * (delay-seconds or an HTTP-date); undefined when absent, unreadable, in the
 * past or beyond 60 s, so that no answer can stall a caller past its retry budget.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const candidates: number[] = [];
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') candidates.push(Number(ms));
  const after = headers.get('retry-after');
  if (after !== null) {
    if (/^\s*\d+(\.\d+)?\s*$/.test(after)) candidates.push(Number(after) * 1000);
    // Every HTTP-date form (IMF-fixdate, RFC 850, asctime) starts with a day name; Date.parse alone takes '+5' for a year.
    else if (/^\s*[A-Za-z]{3}/.test(after)) candidates.push(Date.parse(after) - now);
  }
  return candidates.find((delay) => Number.isFinite(delay) && delay >= 0 && delay <= MAX_RETRY_AFTER_MS);
}

function shouldRetry(response: Response): boolean {
  const hint = response.headers.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return RETRYABLE_STATUSES.has(response.status) || response.status >= 500;
}

function requireWhole(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new InvalidRequestError(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

/**
 * The InvalidRequestError for a TypeError the runtime throws while building a
 * request: a header name or value HTTP cannot carry, or a URL with credentials.
 * Undici's message quotes the value (an API key, say), so the error keeps no
 * cause and names no value; the message does not say which header either,
 * so the field is `headers`. Undefined for any other error.
 */
export function requestConstructionError(error: unknown): InvalidRequestError | undefined {
  if (!(error instanceof TypeError)) return undefined;
  if (/invalid header name/i.test(error.message)) return new InvalidRequestError('headers', 'a header name is not a valid HTTP token');
  if (/invalid header value|ByteString/i.test(error.message)) {
    return new InvalidRequestError('headers', 'a header value contains a line break, a control character or a character beyond U+00FF');
  }
  if (/URL that includes credentials/i.test(error.message))
    return new InvalidRequestError('url', 'must not include a user name or password');
  return undefined;
}

/** A failure in one stage of a try, classified once the try is over. */
class StageFailure {
  constructor(
    readonly stage: 'fetch' | 'body',
    readonly error: unknown,
  ) {}
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

  const backoffMs = (retry: number) => Math.min(500 * 2 ** retry, 8_000) * (1 - random() * 0.25);

  /**
   * One hop: signed, then sent as the one Request of the hop, with redirects left to us and the
   * try's signal. The global fetch is called with the URL and init instead, so that it builds
   * that Request itself rather than a second one from ours.
   */
  const hop = async (url: URL, init: HopInit, signal: AbortSignal, sent: Sent): Promise<Response> => {
    const headers = new Headers(init.headers);
    sent.push({ url, headers });
    let body = init.body;
    if (options.sign) {
      let signature: RequestSignature;
      try {
        signature = await options.sign({ method: init.method, url, headers, body });
        if (signature.headers) for (const name of Object.keys(signature.headers)) headers.set(name, signature.headers[name] as string);
      } catch (error) {
        throw requestConstructionError(error) ?? error;
      }
      if (signature.body !== undefined) body = signature.body;
    }
    const requestInit: RequestInit = { method: init.method, headers, redirect: 'manual', signal };
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
      return await options.fetch(request);
    } catch (error) {
      throw new StageFailure('fetch', error);
    }
  };

  /** Sends, following same-origin redirects, and returns the final answer with its body unread. */
  const follow = async (first: HopInit, firstUrl: URL, signal: AbortSignal, sent: Sent) => {
    let url = firstUrl;
    let init = first;
    let visited: Set<string> | undefined;
    for (let hops = 0; ; hops++) {
      const response = await hop(url, init, signal, sent);
      if (response.type === 'opaqueredirect') {
        throw new ApiRedirectError(
          'hidden',
          response.status,
          undefined,
          'this runtime hides where the server redirects to; use the final address as baseUrl',
        );
      }
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return { response, url, redirected: hops > 0 };
      await discard(response);
      visited ??= new Set([`${init.method} ${url.href}`]);
      const target = redirectTarget(location, url, response.status);
      init = redirectedInit(init, response.status);
      const key = `${init.method} ${target.href}`;
      if (visited.has(key))
        throw new ApiRedirectError('loop', response.status, target.origin, `${target.origin}${target.pathname} redirects back to itself`);
      if (hops + 1 > maxRedirects)
        throw new ApiRedirectError('too-many', response.status, target.origin, `more than ${maxRedirects} redirects`);
      visited.add(key);
      url = target;
    }
  };

  /** One try, start to end under one deadline: redirects, headers, and either the whole body or the retry decision. */
  const attempt = async (first: HopInit, url: URL, userSignal: AbortSignal | undefined, timeoutMs: number, mayRetry: () => boolean) => {
    const controller = new AbortController();
    const onUserAbort = () => controller.abort();
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    // What each hop sent, to redact from a runtime error kept as a cause; read only on failure.
    const sent: Sent = [];
    try {
      const { response, url: finalUrl, redirected } = await follow(first, url, controller.signal, sent);
      if (shouldRetry(response) && mayRetry()) {
        await discard(response);
        return { retryAfter: retryAfterMs(response.headers, now()) };
      }
      const bytes = await readBody(response, controller.signal, maxResponseBytes, finalUrl.host);
      return { response: buffered(response, bytes, finalUrl.href, redirected) };
    } catch (error) {
      // Release the connection of whatever was left unread.
      controller.abort();
      if (userSignal?.aborted) throw new AbortedError(`the request to ${url.host} was aborted`);
      if (timedOut) throw new ApiTimeoutError(timeoutMs, { host: url.host });
      throw classify(error, url.host, sent);
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onUserAbort);
    }
  };

  return {
    async send(request, { retry, signal = request.signal, timeoutMs = defaultTimeoutMs, maxRetries = defaultMaxRetries }) {
      requireWhole(timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS);
      requireWhole(maxRetries, 'maxRetries', 0, Number.MAX_SAFE_INTEGER);
      if (signal?.aborted) throw new AbortedError('the request was aborted before it was sent');
      const url = new URL(request.url);
      let body: Uint8Array | string | undefined;
      // A Request's body is read once, so that every try and hop sends the same bytes without cloning the stream.
      if (!isRequest(request)) body = request.body;
      else if (request.body !== null) body = new Uint8Array(await request.arrayBuffer());
      const first: HopInit = { method: request.method, headers: request.headers, body };
      // Settled on the first failure a repeat could mend, so that a call that succeeds never asks.
      let repeatable = typeof retry === 'boolean' ? retry : undefined;
      const allowsRepeat = () => (repeatable ??= (retry as (request: Request) => boolean)(requestOf(url, first)));
      for (let retries = 0; ; retries++) {
        const mayRetry = () => retries < maxRetries && allowsRepeat();
        let outcome: Awaited<ReturnType<typeof attempt>>;
        try {
          outcome = await attempt(first, url, signal, timeoutMs, mayRetry);
        } catch (error) {
          if (!(error instanceof ApiConnectionError || error instanceof ApiTimeoutError) || !mayRetry()) throw error;
          await wait(backoffMs(retries), signal);
          continue;
        }
        if (outcome.response) return outcome.response;
        await wait(outcome.retryAfter ?? backoffMs(retries), signal);
      }
    },
  };
}

/** The URL and headers of every hop of a try, in order. */
type Sent = { readonly url: URL; readonly headers: Headers }[];

/** A Request (of this realm or another), not its parts. */
function isRequest(request: Request | RequestParts): request is Request {
  return typeof (request as Partial<Request>).arrayBuffer === 'function';
}

/** A Request of what a call hands to `send`, for code that asks about it as a Request. */
function requestOf(url: URL, init: HopInit): Request {
  return new Request(url, { method: init.method, headers: init.headers, ...(init.body !== undefined && { body: init.body as BodyInit }) });
}

interface HopInit {
  readonly method: string;
  /** Copied for each hop, never changed. */
  readonly headers: Headers;
  readonly body: Uint8Array | string | undefined;
}

/** The next hop's URL, or ApiRedirectError when following it could leak the request's credentials. */
function redirectTarget(location: string, from: URL, status: number): URL {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new ApiRedirectError('invalid-location', status, undefined, 'the Location header is not a URL');
  }
  const origin = target.origin === 'null' ? target.protocol : target.origin;
  if (origin !== from.origin) {
    throw new ApiRedirectError(
      'cross-origin',
      status,
      origin,
      `from ${from.origin} to ${origin}; credentials are never sent to another origin`,
    );
  }
  if (target.username !== '' || target.password !== '') {
    throw new ApiRedirectError('invalid-location', status, origin, 'the Location header carries a user name or password');
  }
  return target;
}

/** 303 (but HEAD), and 301/302 after a POST, continue as a GET without a body (Fetch §4.4); 307 and 308 keep everything. */
function redirectedInit(init: HopInit, status: number): HopInit {
  const toGet = (status === 303 && init.method !== 'HEAD') || ((status === 301 || status === 302) && init.method === 'POST');
  if (!toGet) return init;
  const headers = new Headers(init.headers);
  for (const name of BODY_HEADERS) headers.delete(name);
  return { method: 'GET', headers, body: undefined };
}

/** Drops an unread body; never waits on the network. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * Reads the whole body, or rejects: when `signal` aborts (even if the body
 * stream would ignore it), when it passes `limit` bytes (ApiResponseTooLargeError,
 * checked against `content-length` first), or with a StageFailure when the
 * stream breaks (a reset, a truncated body).
 */
async function readBody(response: Response, signal: AbortSignal, limit: number, host: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (response.body === null) return null;
  if (NULL_BODY_STATUSES.has(response.status)) {
    await discard(response);
    return null;
  }
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > limit) {
    await discard(response);
    throw new ApiResponseTooLargeError(limit, response.status, host);
  }
  const reader = response.body.getReader();
  // Cancelling the reader settles a pending read at once, so a stream that ignores the abort still ends here.
  const onAbort = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw signal.aborted ? signal.reason : new StageFailure('body', error);
      }
      if (signal.aborted) throw signal.reason;
      if (chunk.done) break;
      if (!(chunk.value instanceof Uint8Array))
        throw new StageFailure('body', new TypeError('the body stream yielded something other than bytes'));
      total += chunk.value.byteLength;
      if (total > limit) throw new ApiResponseTooLargeError(limit, response.status, host);
      chunks.push(chunk.value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A Response with the same status, headers and URL, answering from memory. */
function buffered(response: Response, bytes: Uint8Array<ArrayBuffer> | null, url: string, redirected: boolean): Response {
  return new BufferedResponse(bytes, response.status, response.statusText, response.headers, response.url || url, redirected);
}

const utf8 = new TextDecoder();

/**
 * A Response whose body is already in memory. `text()`, `json()`, `arrayBuffer()`, `bytes()` and
 * `blob()` answer from the bytes directly; only `body` and `formData()` build the stream a plain
 * `new Response(bytes)` would build at once (and every read would go through), so that parsing a
 * small answer costs no more than parsing it. It behaves as a Response otherwise: a body reads once
 * (then `bodyUsed`, and a second read rejects with TypeError), and `clone()` copies it. Its
 * headers are those of the answer, as fetch gave them.
 */
class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer> | null;
  readonly #headers: Headers;
  readonly #url: string;
  readonly #redirected: boolean;
  /** The stream-backed Response, once `body` or `formData()` has needed it; every read goes through it from then on. */
  #streamed: Response | undefined;
  #used = false;

  constructor(
    bytes: Uint8Array<ArrayBuffer> | null,
    status: number,
    statusText: string,
    headers: Headers,
    url: string,
    redirected: boolean,
  ) {
    super(null, { status, statusText });
    this.#bytes = bytes;
    this.#headers = headers;
    this.#url = url;
    this.#redirected = redirected;
  }

  override get headers(): Headers {
    return this.#headers;
  }

  override get url(): string {
    return this.#url;
  }

  override get redirected(): boolean {
    return this.#redirected;
  }

  #stream(): Response {
    if (this.#streamed === undefined) {
      this.#streamed = new Response(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.#headers });
      // A read from memory before this point used the body up: so must it be for the stream.
      if (this.#used) void this.#streamed.arrayBuffer().catch(() => undefined);
    }
    return this.#streamed;
  }

  /** The bytes, marking the body used; the TypeError of a second read otherwise, as fetch's own. */
  #take(): Uint8Array<ArrayBuffer> {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#bytes === null ? null : this.#stream().body;
  }

  override get bodyUsed(): boolean {
    return this.#streamed === undefined ? this.#used : this.#streamed.bodyUsed;
  }

  override async text(): Promise<string> {
    return this.#streamed === undefined ? utf8.decode(this.#take()) : this.#streamed.text();
  }

  override async json(): Promise<unknown> {
    return this.#streamed === undefined ? JSON.parse(utf8.decode(this.#take())) : this.#streamed.json();
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#streamed === undefined ? this.#take().slice().buffer : this.#streamed.arrayBuffer();
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#streamed === undefined ? this.#take().slice() : new Uint8Array(await this.#streamed.arrayBuffer());
  }

  override async blob(): Promise<Blob> {
    if (this.#streamed !== undefined) return this.#streamed.blob();
    return new Blob([this.#take()], { type: this.#headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    return this.#stream().formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    if (this.#streamed === undefined) {
      return new BufferedResponse(this.#bytes, this.status, this.statusText, this.#headers, this.#url, this.#redirected);
    }
    const copy = this.#streamed.clone();
    Object.defineProperties(copy, { url: { value: this.#url }, redirected: { value: this.#redirected } });
    return copy;
  }
}

/** What a failed try means for the caller; the try's own signal and deadline are checked before. */
function classify(error: unknown, host: string, sent: Sent): unknown {
  if (!(error instanceof StageFailure)) return error;
  const cause = error.error;
  if (error.stage === 'body') {
    return new ApiConnectionError(`the response from ${host} broke off before its body was complete`, {
      cause: scrub(cause, secretsOf(sent)),
      host,
    });
  }
  // fetch reports a network failure as a TypeError; anything else (the caller's own fetch, say) is not ours to wrap.
  if (cause instanceof SignetError) return cause;
  if (!(cause instanceof TypeError)) return cause;
  return (
    requestConstructionError(cause) ??
    new ApiConnectionError(`no HTTP response from ${host}`, { cause: scrub(cause, secretsOf(sent)), host })
  );
}

/** Header values that are metadata, never credentials. */
const PLAIN_HEADERS = new Set(['accept', 'accept-encoding', 'accept-language', 'content-length', 'content-type', 'user-agent']);
const MIN_SECRET_LENGTH = 4;

/** Every header value (and token within one), query value and URL credential sent on any hop that could be a secret. */
function secretsOf(sent: Sent): string[] {
  const secrets: string[] = [];
  const add = (text: string) => {
    if (text.length >= MIN_SECRET_LENGTH) secrets.push(text);
  };
  for (const { url, headers } of sent) {
    headers.forEach((value, name) => {
      if (PLAIN_HEADERS.has(name)) return;
      add(value);
      for (const part of value.split(/[\s,;]+/)) add(part);
    });
    add(url.search.slice(1));
    for (const credential of [url.username, url.password]) {
      add(credential);
      add(decodeLeniently(credential));
    }
    for (const value of url.searchParams.values()) {
      add(value);
      add(encodeURIComponent(value));
    }
  }
  return secrets;
}

function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('[redacted]');
  return out;
}

const CAUSE_FIELDS = ['code', 'errno', 'syscall', 'address', 'port'] as const;

/**
 * A copy of a runtime error safe to keep as `cause`: name, message, stack and
 * the system-error fields (`code`, `syscall`, …) with every secret redacted,
 * its own causes copied the same way (a few levels deep), nothing else.
 */
function scrub(error: unknown, secrets: readonly string[], depth = 0): Error {
  if (!(error instanceof Error)) return new Error(`a non-Error value was thrown (${typeof error})`);
  const options = depth < 4 && error.cause !== undefined ? { cause: scrub(error.cause, secrets, depth + 1) } : undefined;
  const message = redact(error.message, secrets);
  const copy =
    error instanceof AggregateError && depth < 4
      ? new AggregateError(
          [...(error.errors as unknown[])].slice(0, 8).map((inner) => scrub(inner, secrets, depth + 1)),
          message,
          options,
        )
      : new Error(message, options);
  Object.defineProperty(copy, 'name', { value: error.name, enumerable: false, configurable: true, writable: true });
  copy.stack = redact(error.stack ?? `${error.name}: ${error.message}`, secrets);
  const fields = copy as unknown as Record<string, unknown>;
  for (const field of CAUSE_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'number') fields[field] = value;
    else if (typeof value === 'string') fields[field] = redact(value, secrets);
  }
  return copy;
}
