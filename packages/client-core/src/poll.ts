import { AbortedError, PollTimeoutError } from './errors.js';
import { numberOption } from './option.js';
import { sleep as defaultSleep } from './retry.js';

/**
 * How long and how often to wait for a job (a try-on, a flat-lay, a video task). `timeoutMs`
 * here bounds the whole wait; each read still has the client's per-try `timeoutMs`.
 */
export interface PollOptions<T> {
  /** Stops waiting (rejects with AbortedError); the job itself goes on at the vendor. */
  readonly signal?: AbortSignal;
  /** Gives up with PollTimeoutError after this long: a whole number of at least 1. Default 10 minutes. */
  readonly timeoutMs?: number;
  /**
   * Delay before read number `attempt` + 1, a finite number of at least 0 (anything else ends the
   * wait with InvalidRequestError). Default 1 s growing by half each time up to 5 s.
   */
  readonly intervalMs?: (attempt: number) => number;
  /** Called with every state read, final or not. */
  readonly onProgress?: (state: T) => void;
  /**
   * Waits between reads; injectable so tests need not wait. It should reject when `signal`
   * aborts, or an abort waits out the delay.
   */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for the deadline, in milliseconds; injectable for tests. */
  readonly now?: () => number;
}

/**
 * The wait before the next read when `intervalMs` is not given, in milliseconds: 1 s, then half
 * as long again each time, at most 5 s. Exported to build on, e.g. `(n) => 2 * defaultPollInterval(n)`.
 */
export const defaultPollInterval = (attempt: number) => Math.min(1000 * 1.5 ** attempt, 5000);

/** Reads a job's state until `isFinal` holds, with backoff, a deadline and cancellation. */
export async function poll<T>(
  read: (signal?: AbortSignal) => Promise<T>,
  isFinal: (state: T) => boolean,
  options: PollOptions<T> = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? defaultSleep;
  const timeoutMs = numberOption('timeoutMs', options.timeoutMs, 10 * 60 * 1000, { min: 1 });
  const interval = options.intervalMs ?? defaultPollInterval;
  const deadline = now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw new AbortedError('stopped waiting: aborted');
    const state = await read(options.signal);
    options.onProgress?.(state);
    if (isFinal(state)) return state;
    // A NaN delay would never pass the deadline, and a negative one would read back to back.
    const delay = numberOption('intervalMs', interval(attempt) ?? Number.NaN, 0, { fractional: true });
    if (now() + delay > deadline) throw new PollTimeoutError(timeoutMs, state);
    await wait(delay, options.signal);
  }
}
