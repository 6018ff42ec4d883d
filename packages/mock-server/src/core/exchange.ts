import type { MockHeaders, MockResponse } from './api.js';
import type { FaultHit } from './faults.js';

/** Who answered a request instead of its operation's handler. */
export type AnsweredBy = 'fault' | 'chosen' | 'recording' | 'upstream';

const EMPTY = new Uint8Array(0);

/**
 * One request to an API on its way through the pipeline, as the request log keeps it: what was
 * received (kept as it came; redacted and decoded only when someone reads the log) and how it went.
 * A class with every field set in the constructor, so that each request's record has one shape.
 */
export class Exchange {
  /** `passed` or `refused` by the module's authentication; undefined when it never ran. */
  auth: 'passed' | 'refused' | undefined = undefined;
  /** The raw body, once read. */
  raw: Uint8Array = EMPTY;
  /** The body as the handler got it (parsed and validated), when it got that far. */
  parsed: { readonly body: unknown } | undefined = undefined;
  /** The status answered; undefined until answered, or when the connection was reset. */
  status: number | undefined = undefined;
  /** Who answered instead of the handler, if anyone did. */
  answeredBy: AnsweredBy | undefined = undefined;
  /** The fault this request drew, if any. */
  fault: FaultHit | undefined = undefined;
  /** An answer decided before the body is read (a fault's canned answer, or a reset). */
  early: MockResponse | undefined = undefined;
  /** The size of the body received. */
  bodySize = 0;
  /** Its slot in the request log; -1 when the log did not keep it. */
  logSlot = -1;

  constructor(
    readonly api: string,
    readonly operationId: string | undefined,
    readonly method: string,
    readonly path: string,
    /** The URL as received: the adapter's text of it, or its parsed form; read only when the log is. */
    readonly target: string | URL,
    readonly headers: MockHeaders,
    /** When it arrived, on the mock's clock. */
    readonly time: number,
  ) {}
}
