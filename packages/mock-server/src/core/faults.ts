import { InvalidRequestError } from '@signet/client-core/errors';
import type { MockResponse } from './api.js';

/** How an answer breaks on the wire (see {@link Fault.kind}). */
export type FaultKind = 'reset' | 'stall' | 'truncate' | 'malformed-json';

/**
 * Something to go wrong for the next matching requests, to exercise retries, timeouts and error
 * handling: a canned answer (`status`, `headers`, `body`), a delay, a broken answer (`kind`), or a
 * mix, hitting every matching request or a seeded share of them (`rate`).
 */
export interface Fault {
  /** The API's name, as in `baseUrls` and `requestCounts`; every API when omitted. */
  readonly api?: string;
  /** The spec's operationId; any request to the API when omitted. */
  readonly operationId?: string;
  /** Answer this status (with `headers` and `body`) before the request is read; otherwise the mock's own answer is the one delayed or broken. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /**
   * How the answer breaks: `reset` closes the connection with no answer (the request is not
   * handled); `stall` sends the status, headers and half the body, then nothing; `truncate` sends
   * them and closes the connection half way through the body; `malformed-json` sends a body that is
   * not JSON. All but `reset` come after the request was handled, as when a server did the work but
   * its answer was lost.
   */
  readonly kind?: FaultKind;
  /** Wait this long before answering, in ms: a number, or `[min, max]` for a delay drawn at random. */
  readonly delayMs?: number | readonly [number, number];
  /** The share of matching requests it hits, from 0 to 1. Default 1. */
  readonly rate?: number;
  /** Seeds the draws of `rate` and of a `delayMs` range, so a run repeats exactly. Default 1. */
  readonly seed?: number;
  /** How many requests it hits before it is spent. Default 1, or unlimited with a `rate`. */
  readonly times?: number;
}

/** A fault as one request drew it: the fault, and the delay drawn for it. */
export interface FaultHit {
  readonly fault: Fault;
  readonly delayMs: number;
}

/** A response that breaks on the wire: how, as the adapters carry it out. */
export interface BrokenResponse extends MockResponse {
  readonly breaks: 'reset' | 'stall' | 'truncate';
}

export const breakageOf = (response: MockResponse): BrokenResponse['breaks'] | undefined => (response as Partial<BrokenResponse>).breaks;

const KINDS: readonly FaultKind[] = ['reset', 'stall', 'truncate', 'malformed-json'];
const MAX_DELAY_MS = 600_000;

const isDelay = (ms: unknown) => typeof ms === 'number' && Number.isInteger(ms) && ms >= 0 && ms <= MAX_DELAY_MS;

/**
 * Throws an `InvalidRequestError` naming what is wrong with `fault`: an API or operation the mock
 * does not serve, a status, kind, delay, rate or count out of range, or nothing to do at all.
 */
export function checkFault(fault: Fault, operations: ReadonlyMap<string, ReadonlySet<string>>): void {
  if (fault === null || typeof fault !== 'object') throw new InvalidRequestError('fault', 'must be an object');
  const { api, operationId, status, kind, delayMs, rate, seed, times } = fault;
  if (api !== undefined && !operations.has(api)) {
    throw new InvalidRequestError('api', `no API named ${JSON.stringify(api)} (${[...operations.keys()].join(', ')})`);
  }
  if (operationId !== undefined) {
    if (api === undefined) throw new InvalidRequestError('operationId', 'needs the api it belongs to');
    if (!operations.get(api)?.has(operationId))
      throw new InvalidRequestError('operationId', `${api} has no operation ${JSON.stringify(operationId)}`);
  }
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    throw new InvalidRequestError('status', 'must be an HTTP status from 100 to 599');
  }
  if (kind !== undefined && !KINDS.includes(kind)) throw new InvalidRequestError('kind', `must be one of ${KINDS.join(', ')}`);
  if (kind === 'reset' && (status !== undefined || fault.body !== undefined || fault.headers !== undefined)) {
    throw new InvalidRequestError('kind', 'reset sends no answer: leave out status, headers and body');
  }
  const range = Array.isArray(delayMs) && delayMs.length === 2 && isDelay(delayMs[0]) && isDelay(delayMs[1]) && delayMs[0] <= delayMs[1];
  if (delayMs !== undefined && !isDelay(delayMs) && !range) {
    throw new InvalidRequestError('delayMs', `must be a whole number of ms from 0 to ${MAX_DELAY_MS}, or a [min, max] pair of them`);
  }
  if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1))
    throw new InvalidRequestError('rate', 'must be a number from 0 to 1');
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new InvalidRequestError('seed', 'must be a whole number');
  if (times !== undefined && !((Number.isInteger(times) || times === Number.POSITIVE_INFINITY) && times >= 1)) {
    throw new InvalidRequestError('times', 'must be a whole number of at least 1');
  }
  if (status === undefined && kind === undefined && delayMs === undefined) {
    throw new InvalidRequestError('fault', 'does nothing: give a status, a kind or a delayMs');
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same draws, in any runtime. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pending {
  readonly fault: Fault;
  readonly draw: () => number;
  left: number;
}

/** The faults still to hit, in the order they were injected. */
export class FaultQueue {
  private pending: Pending[] = [];

  constructor(initial: readonly Fault[] = []) {
    for (const fault of initial) this.inject(fault);
  }

  /** How many faults are waiting: the pipeline looks no further when there are none. */
  get size(): number {
    return this.pending.length;
  }

  /** The faults waiting, in order. */
  list(): Fault[] {
    return this.pending.map(({ fault }) => fault);
  }

  inject(fault: Fault): void {
    const left = fault.times ?? (fault.rate === undefined ? 1 : Number.POSITIVE_INFINITY);
    this.pending.push({ fault, draw: generator(fault.seed ?? 1), left });
  }

  clear(): void {
    this.pending = [];
  }

  /** The first fault for this API and operation that hits, counted as used once more. */
  take(api: string, operationId: string | undefined): FaultHit | undefined {
    for (let index = 0; index < this.pending.length; index++) {
      const entry = this.pending[index] as Pending;
      const { fault } = entry;
      if (fault.api !== undefined && fault.api !== api) continue;
      if (fault.operationId !== undefined && fault.operationId !== operationId) continue;
      if (fault.rate !== undefined && entry.draw() >= fault.rate) continue;
      entry.left -= 1;
      if (entry.left <= 0) this.pending.splice(index, 1);
      const range = fault.delayMs;
      const delayMs =
        range === undefined ? 0 : typeof range === 'number' ? range : range[0] + Math.floor(entry.draw() * (range[1] - range[0] + 1));
      return { fault, delayMs };
    }
    return undefined;
  }
}

/** The canned answer a fault gives before the request is read, if it gives one. */
export function earlyAnswer({ fault }: FaultHit): MockResponse | undefined {
  if (fault.kind === 'reset') return { status: 502, breaks: 'reset' } as BrokenResponse;
  if (fault.status === undefined) return undefined;
  return { status: fault.status, ...(fault.headers && { headers: fault.headers }), body: fault.body };
}

const utf8 = new TextEncoder();

/** The answer as the fault breaks it. */
export function broken({ fault }: FaultHit, response: MockResponse): MockResponse {
  if (fault.kind === 'reset' || fault.kind === 'stall' || fault.kind === 'truncate')
    return { ...response, breaks: fault.kind } as BrokenResponse;
  if (fault.kind !== 'malformed-json') return response;
  const text = response.body instanceof Uint8Array ? '' : (JSON.stringify(response.body ?? {}) ?? '');
  // Half of the JSON text and a character no JSON text has there: never parses, whatever the value.
  const bytes = utf8.encode(`${text.slice(0, Math.floor(text.length / 2))}\u2026`);
  return { status: response.status, headers: { ...response.headers, 'content-type': 'application/json' }, body: bytes };
}

/** The body's bytes a broken answer sends before it stops: half of them. */
export function sentPart(body: Uint8Array | undefined): Uint8Array {
  return body === undefined ? new Uint8Array(0) : body.subarray(0, Math.floor(body.byteLength / 2));
}
