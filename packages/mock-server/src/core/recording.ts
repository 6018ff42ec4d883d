import type { MockHeaders, MockResponse } from './api.js';
import { json, mediaType } from './http.js';
import { isSecretName, REDACTED, scrubbed, secretsOf } from './redact.js';

/** A request or answer as a recording keeps it. */
export interface RecordedMessage {
  /** Headers, credentials and signatures read `[redacted]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON body as its value; any other as text, or as base64 when `encoding` says so; absent when empty. */
  readonly body?: unknown;
  readonly encoding?: 'base64';
}

/** One exchange with an upstream, as recorded. */
export interface RecordedExchange {
  /** The API's name, as in `baseUrls`. */
  readonly api: string;
  readonly operationId?: string;
  /** `path` is below the API's base URL, e.g. `/v1.0/task/info`; `query` as sent, without the `?`. */
  readonly request: RecordedMessage & { readonly method: string; readonly path: string; readonly query?: string };
  readonly response: RecordedMessage & { readonly status: number };
}

/** Exchanges recorded through the mock from real APIs, to answer from later with no network (`replay`). */
export interface MockRecording {
  readonly version: 1;
  readonly exchanges: readonly RecordedExchange[];
}

/** A request to forward or answer from a recording: its API, operation, and what was received. */
export interface OutgoingRequest {
  readonly api: string;
  readonly operationId: string;
  readonly method: string;
  /** Below the API's base URL. */
  readonly path: string;
  readonly search: string;
  readonly headers: MockHeaders;
  readonly body: Uint8Array;
}

// Not forwarded: they describe one connection, or the body as it was encoded on it.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length']);
const ANSWER_DROPS = new Set([...HOP_BY_HOP, 'content-encoding']);
const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Base64 without Node's Buffer, so the mock runs in a browser too. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.byteLength; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A message's body as a recording keeps it, each secret replaced. */
function recordedBody(
  bytes: Uint8Array,
  contentType: string | null,
  secrets: readonly string[],
): Pick<RecordedMessage, 'body' | 'encoding'> {
  if (bytes.byteLength === 0) return {};
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { body: toBase64(bytes), encoding: 'base64' };
  }
  const clean = scrubbed(text, secrets);
  if (mediaType(contentType).includes('json')) {
    try {
      return { body: JSON.parse(clean) };
    } catch {
      // Kept as the text it was.
    }
  }
  return { body: clean };
}

/** A recorded body's bytes, as they were sent (secrets aside). */
export function bodyBytes(message: RecordedMessage): Uint8Array {
  if (message.body === undefined) return new Uint8Array(0);
  if (message.encoding === 'base64') return Uint8Array.from(atob(String(message.body)), (c) => c.charCodeAt(0));
  return encoder.encode(typeof message.body === 'string' ? message.body : JSON.stringify(message.body));
}

function recordedHeaders(headers: MockHeaders | Headers, drop: ReadonlySet<string>, secrets: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (!drop.has(key)) kept[key] = isSecretName(key) ? REDACTED : scrubbed(value, secrets);
  });
  return kept;
}

/** The query with credential-like parameters and secrets replaced. */
function recordedQuery(search: string, secrets: readonly string[]): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of [...params]) params.set(name, isSecretName(name) ? REDACTED : scrubbed(value, secrets));
  return params.toString();
}

/** How an upstream is reached: its base URL per API, and the fetch to use. */
export interface Upstream {
  readonly baseUrls: Readonly<Record<string, string>>;
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined;
}

/**
 * Forwards `request` to its API's upstream and answers what the upstream answered (as bytes, with
 * its status and headers); the exchange goes to `record` with credentials and signatures scrubbed.
 * An upstream that cannot be reached is a 502.
 */
export async function forward(
  upstream: Upstream,
  request: OutgoingRequest,
  record: (exchange: RecordedExchange) => void,
): Promise<MockResponse> {
  const base = (upstream.baseUrls[request.api] ?? '').replace(/\/+$/, '');
  const headers = new Headers();
  const secrets: string[] = [];
  request.headers.forEach((value, name) => {
    const key = name.toLowerCase();
    secrets.push(...secretsOf(key, value));
    // Asked for plain bytes, so that what is recorded is what the client reads.
    if (!HOP_BY_HOP.has(key) && key !== 'accept-encoding') headers.set(key, value);
  });
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body.byteLength > 0;
  let answer: Response;
  let bytes: Uint8Array;
  try {
    const outgoing = new Request(`${base}${request.path}${request.search}`, {
      method: request.method,
      headers,
      ...(hasBody && { body: request.body as Uint8Array<ArrayBuffer> }),
      redirect: 'manual',
    });
    answer = await (upstream.fetch ?? globalThis.fetch)(outgoing);
    bytes = new Uint8Array(await answer.arrayBuffer());
  } catch (error) {
    return json(502, {
      error: `the upstream of ${request.api} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const answerHeaders: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!ANSWER_DROPS.has(name)) answerHeaders[name] = value;
  });
  record({
    api: request.api,
    operationId: request.operationId,
    request: {
      method: request.method,
      path: request.path,
      ...(request.search.length > 1 && { query: recordedQuery(request.search, secrets) }),
      headers: recordedHeaders(request.headers, HOP_BY_HOP, secrets),
      ...recordedBody(request.body, request.headers.get('content-type'), secrets),
    },
    response: {
      status: answer.status,
      headers: recordedHeaders(answer.headers, ANSWER_DROPS, secrets),
      ...recordedBody(bytes, answer.headers.get('content-type'), secrets),
    },
  });
  return { status: answer.status, headers: answerHeaders, body: bytes };
}
