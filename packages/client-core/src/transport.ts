import { AbortedError, ApiConnectionError, ApiTimeoutError } from './errors.js';

export type FetchLike = (request: Request) => Promise<Response>;

/** The transport settings every client takes as its own options. */
export interface ClientTransportOptions {
  /** Defaults to the global fetch. */
  readonly fetch?: FetchLike;
  /** Further tries after the first, for retryable answers (408, 429, 5xx, no answer). Default 2. */
  readonly maxRetries?: number;
  /** Per try, in milliseconds. Default 60 000. */
  readonly timeoutMs?: number;
}

export interface TransportOptions extends ClientTransportOptions {
  /**
   * Runs on a fresh copy of the request before every try: where signing
   * happens, so that each retry carries a new timestamp and signature.
   */
  readonly prepare?: (request: Request) => Request | Promise<Request>;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  readonly random?: () => number;
  /** Clock for Retry-After dates, in milliseconds since the epoch (named apart from the clients' signing `now`). */
  readonly retryAfterClock?: () => number;
}

export interface SendOptions {
  /**
   * Whether a failed try may be repeated. Callers pass false for requests that
   * create something (a second try could create it twice) unless told otherwise.
   */
  readonly retry: boolean;
}

export interface Transport {
  send(request: Request, options: SendOptions): Promise<Response>;
}

/** A server's Retry-After above this is ignored in favour of backoff, as openai-node does. */
const MAX_RETRY_AFTER_MS = 60_000;
const RETRYABLE_STATUSES = new Set([408, 429]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

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

/** Milliseconds the server asks us to wait, from `retry-after-ms` or `retry-after` (seconds or HTTP date). */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const candidates: number[] = [];
  const ms = headers.get('retry-after-ms');
  if (ms !== null) candidates.push(Number(ms));
  const after = headers.get('retry-after');
  if (after !== null) candidates.push(/^\s*\d+(\.\d+)?\s*$/.test(after) ? Number(after) * 1000 : Date.parse(after) - now);
  return candidates.find((delay) => Number.isFinite(delay) && delay >= 0 && delay <= MAX_RETRY_AFTER_MS);
}

function shouldRetry(response: Response): boolean {
  const hint = response.headers.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return RETRYABLE_STATUSES.has(response.status) || response.status >= 500;
}

export function createTransport(options: TransportOptions = {}): Transport {
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const maxRetries = options.maxRetries ?? 2;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const now = options.retryAfterClock ?? Date.now;

  const backoffMs = (retry: number) => Math.min(500 * 2 ** retry, 8_000) * (1 - random() * 0.25);

  /** One try: a fresh request from the buffered body, prepared (signed), with its own timeout. */
  const attempt = async (original: Request, body: ArrayBuffer | undefined): Promise<Response> => {
    const controller = new AbortController();
    const userSignal = original.signal;
    const onUserAbort = () => controller.abort();
    userSignal.addEventListener('abort', onUserAbort, { once: true });
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const request = new Request(original.url, {
        method: original.method,
        headers: original.headers,
        redirect: original.redirect,
        signal: controller.signal,
        ...(body !== undefined && { body }),
      });
      return await fetchImpl(options.prepare ? await options.prepare(request) : request);
    } catch (error) {
      if (userSignal.aborted) throw new AbortedError('the request was aborted', { cause: error });
      if (controller.signal.aborted) throw new ApiTimeoutError(timeoutMs);
      // fetch reports a network failure as a TypeError; anything else (a signing refusal, say) is not ours to wrap.
      if (!(error instanceof TypeError)) throw error;
      throw new ApiConnectionError('the request got no HTTP response', { cause: error });
    } finally {
      clearTimeout(timer);
      userSignal.removeEventListener('abort', onUserAbort);
    }
  };

  return {
    async send(request, { retry }) {
      if (request.signal.aborted) throw new AbortedError('the request was aborted before it was sent');
      // Read once, so every try sends the same bytes without cloning the stream.
      const body = request.body === null ? undefined : await request.arrayBuffer();
      for (let retries = 0; ; retries++) {
        const retriesLeft = retry && retries < maxRetries;
        let response: Response;
        try {
          response = await attempt(request, body);
        } catch (error) {
          if (!retriesLeft || !(error instanceof ApiConnectionError || error instanceof ApiTimeoutError)) throw error;
          await wait(backoffMs(retries), request.signal);
          continue;
        }
        if (!retriesLeft || !shouldRetry(response)) return response;
        const delay = retryAfterMs(response.headers, now()) ?? backoffMs(retries);
        await response.body?.cancel();
        await wait(delay, request.signal);
      }
    },
  };
}
