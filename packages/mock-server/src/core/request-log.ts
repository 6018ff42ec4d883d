import type { AnsweredBy, Exchange } from './exchange.js';
import { shownValue } from './redact.js';

/** One request the mock received, as its request log shows it: credentials redacted, body parsed. */
export interface LoggedRequest {
  /** The API it was sent to, by name (as in `baseUrls`). */
  readonly api: string;
  /** The spec's operationId it matched; undefined when it matched none (a 404 or 405). */
  readonly operationId: string | undefined;
  readonly method: string;
  /** The path as received, e.g. `/openapi/v1.0/task/info`. */
  readonly path: string;
  /** The query parameters; a credential-like one (`api_key`, `token`, …) reads `[redacted]`. */
  readonly query: Readonly<Record<string, string>>;
  /** When it arrived, in ms since the epoch on the mock's clock (`now`). */
  readonly time: number;
  /**
   * Its headers, names in lower case. Credentials read `[redacted]`: any header whose name says
   * auth, key, token, secret, signature, cookie, session, password, client id or user id (API keys,
   * bearer tokens, request signatures, `x-auth-key`, cookies), and any value holding one of the mock's secrets.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The body: as the handler got it (parsed JSON; form fields, a file as `{ name, type, size }`), else its JSON or text; undefined when empty. */
  readonly body: unknown;
  /** The verdict of the API's authentication (signature, key or token); undefined when it did not run. */
  readonly auth: 'passed' | 'refused' | undefined;
  /** The status answered; undefined when the connection was reset, or no answer was sent yet. */
  readonly status: number | undefined;
  /** Set when a fault, a chosen response, the recording or the upstream answered instead of the mock. */
  readonly answeredBy: AnsweredBy | undefined;
}

/** Which requests to pick from the log: every field given must match. */
export interface RequestMatch {
  readonly api?: string;
  readonly operationId?: string;
  readonly method?: string;
  readonly path?: string | RegExp;
  readonly status?: number;
  readonly auth?: 'passed' | 'refused';
  readonly answeredBy?: AnsweredBy;
  /** A subset of the body: objects match when each key given matches, arrays element by element, strings by a RegExp too. */
  readonly body?: unknown;
  /** Headers that must be present with these values (names in any case). */
  readonly headers?: Readonly<Record<string, string | RegExp>>;
  /** Anything else, as a predicate. */
  readonly where?: (request: LoggedRequest) => boolean;
}

/** The request log of a mock: query it, assert on it, clear it. */
export interface RequestLog {
  /** The logged requests, oldest first; only those matching `match` when given. */
  list(match?: RequestMatch): LoggedRequest[];
  /**
   * The requests matching `match`, or a thrown `Error` that lists them, or the last requests
   * received when none matched. `count`: exactly this many, or a `{ min, max }` range; default at
   * least one. Works as an assertion in any test runner.
   */
  expect(match: RequestMatch, count?: number | { readonly min?: number; readonly max?: number }): LoggedRequest[];
  /** Forgets every logged request. */
  clear(): void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The newest `max` exchanges, in a ring, whose bodies together stay under `maxBytes` (the oldest go
 * first). Nothing is redacted, decoded or copied until someone reads the log. Adding one overwrites
 * the oldest slot without reading the exchange in it: the body sizes are kept beside the ring, as
 * touching a thousand-requests-old object (long out of the CPU's caches) cost a request more than
 * the rest of the log did.
 */
export class ExchangeLog implements RequestLog {
  private readonly ring: (Exchange | undefined)[];
  /** The body size counted for each slot. */
  private readonly sizes: Float64Array;
  /** The slot the next exchange goes to; -1 when the log keeps nothing. */
  private next: number;
  private length = 0;
  private bytes = 0;

  constructor(
    private readonly max: number,
    private readonly maxBytes: number,
    /** The mock's secrets: a header value holding one is redacted, whatever its name. */
    private readonly secrets: readonly string[],
  ) {
    this.ring = new Array<Exchange | undefined>(Math.max(max, 0)).fill(undefined);
    this.sizes = new Float64Array(Math.max(max, 0));
    this.next = max > 0 ? 0 : -1;
  }

  add(exchange: Exchange): void {
    const slot = this.next;
    if (slot < 0) return;
    if (this.length === this.max) this.bytes -= this.sizes[slot] as number;
    else this.length += 1;
    this.ring[slot] = exchange;
    this.sizes[slot] = 0;
    exchange.logSlot = slot;
    this.next = slot + 1 === this.max ? 0 : slot + 1;
  }

  /** Counts the body of an answered exchange against the byte budget (once it is its size that is known). */
  settle(exchange: Exchange): void {
    const size = exchange.bodySize;
    const slot = exchange.logSlot;
    if (size === 0 || slot < 0 || this.ring[slot] !== exchange) return;
    this.sizes[slot] = size;
    this.bytes += size;
    while (this.bytes > this.maxBytes && this.length > 0) this.dropOldest();
  }

  list(match?: RequestMatch): LoggedRequest[] {
    const all: LoggedRequest[] = [];
    for (let i = 0; i < this.length; i++) {
      const exchange = this.ring[(this.oldest + i) % this.max];
      if (exchange !== undefined) all.push(view(exchange, this.secrets));
    }
    return match === undefined ? all : all.filter((request) => matches(match, request));
  }

  expect(match: RequestMatch, count: number | { readonly min?: number; readonly max?: number } = { min: 1 }): LoggedRequest[] {
    const all = this.list();
    const found = all.filter((request) => matches(match, request));
    const { min, max } = typeof count === 'number' ? { min: count, max: count } : { min: count.min ?? 0, max: count.max ?? Infinity };
    if (found.length >= min && found.length <= max) return found;
    const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    const lines =
      found.length > 0
        ? [`received ${found.length}:`, ...found.map(describe)]
        : [`received none; the last ${Math.min(all.length, 10)} of ${all.length} logged:`, ...all.slice(-10).map(describe)];
    // "1 request", "at least 1 request", "0 to 1 request": the noun follows the last number.
    const noun = (max === Infinity ? min : max) === 1 ? 'request' : 'requests';
    const error = new Error(`expected ${wanted} ${noun} matching ${shown(match)}, ${lines.join('\n  ')}`);
    error.name = 'AssertionError';
    throw error;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.sizes.fill(0);
    this.next = this.max > 0 ? 0 : -1;
    this.length = 0;
    this.bytes = 0;
  }

  /** The slot of the oldest exchange kept. */
  private get oldest(): number {
    return (this.next - this.length + this.max) % this.max;
  }

  private dropOldest(): void {
    const slot = this.oldest;
    this.bytes -= this.sizes[slot] as number;
    this.ring[slot] = undefined;
    this.sizes[slot] = 0;
    this.length -= 1;
  }
}

/** An exchange as the log shows it. */
function view(exchange: Exchange, secrets: readonly string[]): LoggedRequest {
  const headers: Record<string, string> = {};
  exchange.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = shownValue(name, value, secrets);
  });
  const url = typeof exchange.target === 'string' ? new URL(exchange.target) : exchange.target;
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = shownValue(name, value, secrets);
  return {
    api: exchange.api,
    operationId: exchange.operationId,
    method: exchange.method,
    path: exchange.path,
    query,
    time: exchange.time,
    headers,
    body: exchange.parsed === undefined ? decoded(exchange.raw) : shownBody(exchange.parsed.body),
    auth: exchange.auth,
    status: exchange.status,
    answeredBy: exchange.answeredBy,
  };
}

/** A body that was never parsed: its JSON, else its text; undefined when empty or not text. */
function decoded(raw: Uint8Array): unknown {
  if (raw.byteLength === 0) return undefined;
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return `(${raw.byteLength} bytes)`;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Form fields with each file as its name, type and size. */
function shownBody(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const fields = Object.entries(body);
  if (!fields.some(([, value]) => value instanceof Blob)) return body;
  return Object.fromEntries(
    fields.map(([name, value]) => [name, value instanceof File ? { name: value.name, type: value.type, size: value.size } : value]),
  );
}

/** Whether `request` has everything `match` asks for. */
export function matches(match: RequestMatch, request: LoggedRequest): boolean {
  if (match.api !== undefined && match.api !== request.api) return false;
  if (match.operationId !== undefined && match.operationId !== request.operationId) return false;
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (match.status !== undefined && match.status !== request.status) return false;
  if (match.auth !== undefined && match.auth !== request.auth) return false;
  if (match.answeredBy !== undefined && match.answeredBy !== request.answeredBy) return false;
  if (match.path !== undefined && !(typeof match.path === 'string' ? match.path === request.path : match.path.test(request.path)))
    return false;
  for (const [name, expected] of Object.entries(match.headers ?? {})) {
    const actual = request.headers[name.toLowerCase()];
    if (actual === undefined || !(typeof expected === 'string' ? expected === actual : expected.test(actual))) return false;
  }
  if (match.body !== undefined && !subset(match.body, request.body)) return false;
  return match.where === undefined || match.where(request);
}

/** Whether `actual` holds `expected`: every key of an object, every element of an array, a string a RegExp tests. */
function subset(expected: unknown, actual: unknown): boolean {
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => subset(item, actual[i]));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([key, value]) => subset(value, (actual as Record<string, unknown>)[key]));
  }
  return Object.is(expected, actual);
}

function describe(request: LoggedRequest): string {
  const what = `${request.api}${request.operationId === undefined ? '' : ` ${request.operationId}`}`;
  const how = [request.auth && `auth ${request.auth}`, request.answeredBy && `answered by ${request.answeredBy}`].filter(Boolean);
  const query = new URLSearchParams(request.query).toString();
  return `${request.method} ${request.path}${query === '' ? '' : `?${query}`} → ${request.status ?? 'no answer'} (${[what, ...how].join(', ')})`;
}

const shown = (match: RequestMatch) =>
  JSON.stringify(match, (_key, value: unknown) =>
    value instanceof RegExp ? String(value) : typeof value === 'function' ? '(predicate)' : value,
  );
