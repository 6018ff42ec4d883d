// When a call is tried again, and how long it waits first.
import { AbortedError, ApiConnectionError, ApiTimeoutError } from './errors.js';

/** A server's Retry-After above this is ignored in favour of backoff, as openai-node does. */
const MAX_RETRY_AFTER_MS = 60_000;
const RETRYABLE_STATUSES = new Set([408, 429]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether HTTP says repeating a request with this method is harmless (RFC 9110 §9.2.2): GET,
 * HEAD, OPTIONS, PUT and DELETE, in any case. POST and PATCH need the caller's word. The default
 * `isRetryable` of `createApiClient`; an API that knows more (a POST that only reads) starts from it.
 */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Waits `ms`; rejects with AbortedError as soon as `signal` aborts. */
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

/** Whether an answer is worth another try: 408, 429 and 5xx, unless the server says otherwise (`x-should-retry`). */
export function isRetryableAnswer(response: Response): boolean {
  const hint = response.headers.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return RETRYABLE_STATUSES.has(response.status) || response.status >= 500;
}

/** The wait before retry number `retry` + 1 without a Retry-After: 0.5 s doubling up to 8 s, less up to a quarter of jitter. */
export function backoffMs(retry: number, random: () => number): number {
  return Math.min(500 * 2 ** retry, 8_000) * (1 - random() * 0.25);
}

/** How the tries of one call are repeated. */
export interface RetryPolicy {
  /** Further tries after the first. */
  readonly maxRetries: number;
  /** Whether the call may be repeated at all: asked at most once, and only once a try has failed in a way a repeat could mend. */
  readonly mayRepeat: () => boolean;
  /** Waits between tries; rejects when `signal` aborts. */
  readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  readonly random: () => number;
  /** The caller's cancellation, which ends a wait. */
  readonly signal?: AbortSignal | undefined;
  /** Told of each retry before its wait: its number (from 1), the wait, and the status or error that caused it. */
  readonly onRetry?: ((retry: number, waitMs: number, after: string) => void) | undefined;
}

/** How one try ended: with the answer to return, or with one worth repeating after the server's `retryAfterMs` (or backoff). */
export type TryOutcome = { readonly response: Response } | { readonly status: number; readonly retryAfterMs: number | undefined };

/**
 * Runs `attempt` until it gives an answer to return, repeating it at most `maxRetries` times:
 * after an answer it reports as worth repeating, waiting the server's Retry-After or backoff, and
 * after ApiConnectionError or ApiTimeoutError, waiting backoff. Any other rejection ends the call.
 * `attempt` is told whether a failure of its own may still be repeated, so that it keeps (and
 * reads) an answer that may not. The failure that ends a call says it may have been processed
 * when any try may have been: one that was answered, or whose own failure says so.
 */
export async function withRetries(attempt: (mayRetry: () => boolean) => Promise<TryOutcome>, policy: RetryPolicy): Promise<Response> {
  let repeatable: boolean | undefined;
  const mayRepeat = () => {
    repeatable ??= policy.mayRepeat();
    return repeatable;
  };
  let reached = false;
  for (let retries = 0; ; retries++) {
    const mayRetry = () => retries < policy.maxRetries && mayRepeat();
    let outcome: TryOutcome;
    let waitMs: number;
    try {
      outcome = await attempt(mayRetry);
    } catch (error) {
      if (!(error instanceof ApiConnectionError || error instanceof ApiTimeoutError)) throw error;
      reached ||= error.mayHaveBeenProcessed;
      error.mayHaveBeenProcessed = reached;
      if (!mayRetry()) throw error;
      waitMs = backoffMs(retries, policy.random);
      policy.onRetry?.(retries + 1, waitMs, error.message);
      await policy.wait(waitMs, policy.signal);
      continue;
    }
    if ('response' in outcome) return outcome.response;
    reached = true;
    waitMs = outcome.retryAfterMs ?? backoffMs(retries, policy.random);
    policy.onRetry?.(retries + 1, waitMs, String(outcome.status));
    await policy.wait(waitMs, policy.signal);
  }
}
