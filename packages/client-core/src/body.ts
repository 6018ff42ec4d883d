// Reading an answer's body: whole, within the try's deadline and signal, and never more than the
// size limit, so that parsing it afterwards never waits on the network.
import { ApiResponseTooLargeError } from './errors.js';
import { StageFailure } from './redact.js';

/** The default `maxResponseBytes`: 16 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** Statuses a Response may not have a body with. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Drops an unread body; never waits on the network. */
export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * Reads the whole body, or rejects: when `signal` aborts (even if the body
 * stream would ignore it), when it passes `limit` bytes (ApiResponseTooLargeError,
 * checked against `content-length` first), or with a StageFailure when the
 * stream breaks (a reset, a truncated body).
 */
export async function readBody(
  response: Response,
  signal: AbortSignal,
  limit: number,
  host: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
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
export function buffered(response: Response, bytes: Uint8Array<ArrayBuffer> | null, url: string, redirected: boolean): Response {
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
