import { InvalidRequestError } from '@signet/client-core/errors';
import type { MockResponse } from './api.js';
import { json, mediaType } from './http.js';
import { bodyBytes, type MockRecording, type OutgoingRequest, type RecordedExchange } from './recording.js';
import { REDACTED } from './redact.js';

const utf8 = new TextDecoder();

/** JSON with its keys sorted, so that key order and spacing do not matter. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stable(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** FNV-1a over a file part's bytes: its identity in a form body, short of keeping the bytes. */
function digest(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16);
}

/** What two bodies must share to match: the JSON value, the form fields (files by type, size and digest), or the bytes. */
async function bodyKey(contentType: string | null, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength === 0) return '';
  const type = mediaType(contentType);
  if (type.includes('json')) {
    try {
      return stable(JSON.parse(utf8.decode(bytes)));
    } catch {
      return utf8.decode(bytes);
    }
  }
  if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
    try {
      const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType ?? type } }).formData();
      const fields = await Promise.all(
        [...form].map(async ([name, value]) =>
          typeof value === 'string'
            ? [name, value]
            : [name, `${value.type} ${value.size} ${digest(new Uint8Array(await value.arrayBuffer()))}`],
        ),
      );
      return stable(fields.sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
    } catch {
      // Compared as bytes.
    }
  }
  return digest(bytes);
}

/** Whether the recorded query matches the one received; a recorded `[redacted]` value matches any value. */
function sameQuery(recorded: string, received: string): boolean {
  const want = new URLSearchParams(recorded);
  const got = new URLSearchParams(received);
  if ([...want.keys()].length !== [...got.keys()].length) return false;
  for (const [name, value] of want) {
    const actual = got.get(name);
    if (actual === null || (value !== REDACTED && value !== actual)) return false;
  }
  return true;
}

interface Entry {
  readonly exchange: RecordedExchange;
  readonly key: Promise<string>;
  used: number;
}

/** Throws an `InvalidRequestError` naming the first part of `recording` that is not a recording. */
function checkRecording(recording: MockRecording, apis: ReadonlySet<string>): void {
  if (recording?.version !== 1 || !Array.isArray(recording.exchanges)) {
    throw new InvalidRequestError('replay', 'must be a recording: { version: 1, exchanges: [...] }');
  }
  recording.exchanges.forEach((exchange, i) => {
    const where = `replay.exchanges[${i}]`;
    if (!apis.has(exchange?.api))
      throw new InvalidRequestError(`${where}.api`, `must name an API the mock serves (${[...apis].join(', ')})`);
    const { request, response } = exchange;
    if (typeof request?.method !== 'string' || typeof request.path !== 'string') {
      throw new InvalidRequestError(`${where}.request`, 'needs a method and a path');
    }
    if (!Number.isInteger(response?.status)) throw new InvalidRequestError(`${where}.response.status`, 'must be an HTTP status');
  });
}

/**
 * Answers requests from a recording with no network: by method, path, query and body (JSON by
 * value, forms by field). Repeated requests get the recorded answers in order, then the last again.
 */
export class Replayer {
  private readonly entries = new Map<string, Entry[]>();

  constructor(recording: MockRecording, apis: ReadonlySet<string>) {
    checkRecording(recording, apis);
    for (const exchange of recording.exchanges) {
      const { request } = exchange;
      const key = bodyKey(request.headers?.['content-type'] ?? null, bodyBytes(request));
      key.catch(() => undefined);
      const list = this.entries.get(exchange.api) ?? [];
      list.push({ exchange, key, used: 0 });
      this.entries.set(exchange.api, list);
    }
  }

  /** Whether the recording holds the API: its requests are then answered from it alone. */
  answers(api: string): boolean {
    return this.entries.has(api);
  }

  async answer(request: OutgoingRequest): Promise<MockResponse> {
    const key = await bodyKey(request.headers.get('content-type'), request.body);
    const found: Entry[] = [];
    for (const entry of this.entries.get(request.api) ?? []) {
      const recorded = entry.exchange.request;
      if (recorded.method.toUpperCase() !== request.method || recorded.path !== request.path) continue;
      if (!sameQuery(recorded.query ?? '', request.search) || (await entry.key) !== key) continue;
      found.push(entry);
    }
    const entry = found.find((candidate) => candidate.used === 0) ?? found.at(-1);
    if (entry === undefined) {
      return json(404, { error: `no recorded exchange of ${request.api} matches ${request.method} ${request.path}${request.search}` });
    }
    entry.used += 1;
    const { response } = entry.exchange;
    const headers: Record<string, string> = { ...response.headers };
    delete headers['content-length'];
    return { status: response.status, headers, body: bodyBytes(response) };
  }
}
