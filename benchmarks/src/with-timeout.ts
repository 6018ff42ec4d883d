/**
 * A raw call with the deadline a client try has: an AbortController whose signal the fetch gets,
 * and a timer that aborts it, cleared when `call` settles, so `call` must read the body itself
 * for the deadline to cover it (as a try's does). A deadline that can stop a request whose headers
 * never come needs the signal; `AbortSignal.timeout()` would leave one uncleared timer per call.
 */
export function withTimeout<T>(call: (signal: AbortSignal) => Promise<T>, timeoutMs = 60_000): () => Promise<T> {
  return async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await call(controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };
}
