import type { AnyMockApi, IncomingMockRequest, MockResponse } from './api.js';
import { mediaType } from './http.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { quoteDispositionParams } from './multipart.js';
import type { CompiledOperation } from './router.js';
import type { BodyValidator, ValidationProblem } from './validate.js';

/** A body as the handler gets it, or the module's refusal of it. */
export type Parsed = { readonly body: unknown } | { readonly refused: MockResponse };

const NO_BODY = { body: undefined } as const;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses and validates the body against the operation's spec; synchronous but for form bodies, which `Response.formData()` parses. */
export function parseBody(
  api: AnyMockApi,
  operation: CompiledOperation,
  request: IncomingMockRequest,
  bytes: Uint8Array,
): Parsed | Promise<Parsed> {
  const spec = operation.body;
  if (spec === undefined) return NO_BODY;
  const type = mediaType(request.headers.get('content-type'));
  if (bytes.length === 0 && type === '') {
    return spec.required ? { refused: api.invalid([{ loc: ['body'], msg: 'Field required', type: 'missing' }]) } : NO_BODY;
  }
  const validate = spec.media.get(type);
  if (validate === undefined) {
    return { refused: api.error(415, `Unsupported Media Type: send ${[...spec.media.keys()].join(' or ')}`) };
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    let body: unknown;
    try {
      body = JSON.parse(utf8.decode(bytes));
    } catch {
      return { refused: api.invalid(bodyProblem('JSON decode error', 'json_invalid')) };
    }
    if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
      return { refused: api.invalid(bodyProblem(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, 'json_depth')) };
    }
    return checked(api, validate, body, body, bytes.length);
  }
  if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
    return parseForm(api, validate, bytes, request.headers.get('content-type') ?? type);
  }
  return checked(api, validate, bytes, bytes, bytes.length);
}

function parseForm(api: AnyMockApi, validate: BodyValidator, bytes: Uint8Array, contentType: string, retry = true): Promise<Parsed> {
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData().then(
    (form) => {
      const fields: Record<string, string | File> = {};
      const shown: Record<string, string> = {};
      for (const [key, value] of form) {
        if (key in fields) continue;
        fields[key] = value;
        // A file part is validated as the string the spec declares (`format: binary`).
        shown[key] = typeof value === 'string' ? value : '';
      }
      return checked(api, validate, fields, shown, bytes.length);
    },
    () => {
      // The platform's parser takes only quoted parameters; a server in the field also takes `name=image_data`.
      const quoted = retry ? quoteDispositionParams(bytes, contentType) : undefined;
      if (quoted !== undefined) return parseForm(api, validate, quoted, contentType, false);
      return { refused: api.invalid(bodyProblem('There was an error parsing the body', 'value_error')) };
    },
  );
}

/** The validated body, or the module's refusal listing what is wrong with it. */
function checked(api: AnyMockApi, validate: BodyValidator, body: unknown, forValidation: unknown, byteLength: number): Parsed {
  const problems = validate(forValidation, byteLength);
  return problems.length > 0 ? { refused: api.invalid(problems) } : { body };
}

const bodyProblem = (msg: string, type: string): ValidationProblem[] => [{ loc: ['body'], msg, type }];

/** Reads a fetch `Request` for the core, stopping at the body limit. */
export function fromRequest(request: Request): IncomingMockRequest {
  return {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers: request.headers,
    readBody(limit, done, failed) {
      if (request.body === null) done(new Uint8Array(0));
      else readLimited(request.body, limit).then(done, failed);
    },
  };
}

async function readLimited(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return concat(chunks, length);
}

/** The chunks as one array (the only chunk itself, when there is one). */
export function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
