import { numberOption } from '@signet/client-core';
import { InvalidWindowError, ReplayedRequestError } from '../errors.js';

/**
 * What identifies one signed request: the signature covers the body, so these three pin it down.
 * The signature is compared by the bytes it decodes to, not by its Base64 text.
 */
export interface SignedRequestId {
  readonly clientId: string;
  readonly timestamp: number;
  readonly signature: string;
}

/**
 * Remembers the genuine requests a verifier accepted, for as long as they could be accepted
 * again, so that the same signed request is accepted once. Pass one to `verifyVidauSignature`
 * as `replayGuard`; share it between every verifier of the same credentials.
 */
export interface ReplayGuard {
  /** The window the guard remembers a request for; a verifier may not use a longer one. */
  readonly toleranceMs: number;
  /** How many requests it remembers now. */
  readonly size: number;
  /**
   * Records a request that was just verified, at `now` (the verifier's clock). Throws
   * ReplayedRequestError when it was already recorded, or when it is older than the guard can
   * vouch for; the check and the record are one step, so concurrent verifications cannot both pass.
   */
  admit(request: SignedRequestId, now?: number): void;
}

/** Options of {@link createReplayGuard}. */
export interface ReplayGuardOptions {
  /**
   * Most requests remembered at once (default 10,000). When more arrive inside one window, the
   * oldest is forgotten and every request not newer than it is refused from then on as unprovable:
   * a full guard refuses, it never lets a replay through.
   */
  readonly maxEntries?: number;
  /** How long a request stays acceptable, in ms either side of its timestamp; default 5 minutes, as the verifier. */
  readonly toleranceMs?: number;
  /** Clock in ms since the epoch when `admit` is not given one; injectable for tests. */
  readonly now?: () => number;
}

/** How many requests a replay guard remembers unless told otherwise. */
const DEFAULT_REPLAY_GUARD_ENTRIES = 10_000;

/** The verifier's default window: ±5 minutes around the signed timestamp. */
export const DEFAULT_TOLERANCE_MS = 5 * 60 * 1000;

export function assertToleranceMs(toleranceMs: unknown): asserts toleranceMs is number {
  if (typeof toleranceMs !== 'number' || !Number.isFinite(toleranceMs) || toleranceMs < 0) {
    throw new InvalidWindowError('toleranceMs', 'the replay window must be a finite, non-negative number of milliseconds');
  }
}

export function readClock(now: () => number): number {
  const time: unknown = now();
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
    throw new InvalidWindowError('now', 'the clock did not return a finite, non-negative number of milliseconds');
  }
  return time;
}

/**
 * What a signature is, for telling requests apart: its decoded bytes (as a binary string) when it is
 * Base64 in any spelling, so that spellings which differ only in unused bits or padding are one
 * request; the text itself, marked apart, when it is not Base64 at all.
 */
function tagOf(signature: string): string {
  try {
    return `b${atob(signature)}`;
  } catch {
    return `t${signature}`;
  }
}

/**
 * A replay guard for `verifyVidauSignature`: each genuine signed request is accepted once. Keep one
 * per process (or back several with one shared guard) for the same credentials.
 *
 * @throws InvalidRequestError for a `maxEntries` that is not a whole number of at least 1.
 * @throws InvalidWindowError for a `toleranceMs` that is NaN, negative or infinite.
 */
export function createReplayGuard(options: ReplayGuardOptions = {}): ReplayGuard {
  const maxEntries = numberOption('maxEntries', options.maxEntries, DEFAULT_REPLAY_GUARD_ENTRIES, { min: 1 });
  const toleranceMs = options.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  assertToleranceMs(toleranceMs);
  const clock = options.now ?? Date.now;
  /** Request id -> its timestamp, in the order admitted. */
  const seen = new Map<string, number>();
  /** The newest timestamp among the requests forgotten to make room: nothing at or before it is provably new. */
  let forgottenUpTo = Number.NEGATIVE_INFINITY;

  /** Forgets expired requests from the oldest admitted on; whatever expired behind a fresher one goes when evicted. */
  const expire = (now: number) => {
    for (const [id, timestamp] of seen) {
      if (timestamp + toleranceMs >= now) return;
      seen.delete(id);
    }
  };

  return {
    toleranceMs,
    get size() {
      return seen.size;
    },
    admit(request, now = readClock(clock)) {
      if (typeof now !== 'number' || !Number.isFinite(now)) {
        throw new InvalidWindowError('now', 'the clock did not return a finite number of milliseconds');
      }
      // NUL cannot occur in a valid client id or timestamp, and the tag comes last, so the id is unambiguous.
      const id = `${request.clientId}\u0000${request.timestamp}\u0000${tagOf(request.signature)}`;
      if (seen.has(id)) throw new ReplayedRequestError('seen');
      if (request.timestamp <= forgottenUpTo) throw new ReplayedRequestError('unprovable');
      expire(now);
      while (seen.size >= maxEntries) {
        const [oldest, timestamp] = seen.entries().next().value as [string, number];
        seen.delete(oldest);
        forgottenUpTo = Math.max(forgottenUpTo, timestamp);
        if (request.timestamp <= forgottenUpTo) throw new ReplayedRequestError('unprovable');
      }
      seen.set(id, request.timestamp);
    },
  };
}
