import { InvalidRequestError } from '@signet/client-core/errors';
import { InvalidCredentialsError } from '../errors.js';
import { issueAiutaJwt } from './jwt.js';

/** The try-on request fields a token can be bound to (the spec's `x-jwt-binding`, plus `sku_id`). */
export type AiutaTokenParam = 'uploaded_image_id' | 'sku_id' | 'sku_ids';

/** What the app asked a token for, validated; each given field becomes a claim of the token. */
export interface AiutaTokenParams {
  readonly uploaded_image_id?: string;
  readonly sku_id?: string;
  readonly sku_ids?: readonly string[];
}

/**
 * The customer's decision: `true` issues the token, `false` answers 403 (signed in, but not
 * allowed this image or these SKUs), `'unauthenticated'` answers 401 (no valid session).
 */
export type AiutaTokenDecision = boolean | 'unauthenticated';

/**
 * The subscription's JWT credentials and your own check of the caller, for
 * {@link createAiutaTokenHandler}. Everything but `authorize` has a default that matches the
 * vendor's reference endpoint.
 */
export interface AiutaTokenHandlerOptions {
  /** "JWT secret (to generate HS256 signature)" from the subscription page. */
  readonly secret: string;
  /** "JWT key (iss)" from the subscription page. */
  readonly issuer: string;
  /** Token lifetime; default 60 s, as in the vendor's reference endpoint. */
  readonly expiresInSeconds?: number;
  /**
   * Your own check, with your own session (cookies, headers): may this caller have a token for
   * `params`? The request's body has already been read; its parameters are in `params`. A throw
   * is answered 500 with a generic message and handed to `onError`.
   */
  readonly authorize: (request: Request, params: AiutaTokenParams) => AiutaTokenDecision | Promise<AiutaTokenDecision>;
  /**
   * The parameters accepted and bound as claims; default all three. A parameter outside this
   * list, or any other field, is refused with 400 rather than silently left out of the token.
   */
  readonly bind?: readonly AiutaTokenParam[];
  /** The parameters that must be given; default `['uploaded_image_id']`, which every try-on carries. */
  readonly required?: readonly AiutaTokenParam[];
  /** Told of every unexpected failure (one answered 500); the response itself says nothing more. */
  readonly onError?: (error: unknown) => void;
  /** Clock in milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
}

/** A fetch-style handler: Next.js route handlers, Workers, Deno, Bun, Hono; Node via `toNodeListener`. */
export type AiutaTokenHandler = (request: Request) => Promise<Response>;

/** Bodies larger than this are answered 413 without being read further. */
export const MAX_TOKEN_REQUEST_BYTES = 8 * 1024;
/** The longest ID accepted; the vendor's IDs are about 50 characters. */
const MAX_TOKEN_PARAM_LENGTH = 256;
/** `sku_ids` of a try-on: 1 to 5. */
const MAX_SKU_IDS = 5;
const ALL_PARAMS: readonly AiutaTokenParam[] = ['uploaded_image_id', 'sku_id', 'sku_ids'];
const ALLOW = 'GET, POST';

/** A refusal with its status; its message names fields, never their values. */
class Refusal {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly message: string,
  ) {}
}

const invalid = (message: string) => new Refusal(400, 'invalid_request', message);

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

const refuse = (refusal: Refusal, headers?: Record<string, string>) =>
  answer(refusal.status, { error: refusal.error, message: refusal.message }, headers);

/** A field name fit to quote back: attacker-chosen, so short and printable only. */
function quoted(name: string): string {
  const safe = name.replace(/[^\w.-]/g, '?').slice(0, 40);
  return JSON.stringify(name.length > 40 ? `${safe}…` : safe);
}

function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  if (value === '') throw invalid(`${field} must not be empty`);
  if (value.length > MAX_TOKEN_PARAM_LENGTH) throw invalid(`${field} is longer than ${MAX_TOKEN_PARAM_LENGTH} characters`);
  if (/[\u0000-\u001f\u007f]/.test(value)) throw invalid(`${field} contains control characters`);
  return value;
}

/** Validates the raw fields (from a JSON body or a query) into the bound parameters. */
function paramsOf(
  fields: Readonly<Record<string, unknown>>,
  bind: ReadonlySet<string>,
  required: readonly AiutaTokenParam[],
): AiutaTokenParams {
  for (const name of Object.keys(fields)) {
    if (!bind.has(name)) throw invalid(`unknown parameter ${quoted(name)}; accepted: ${[...bind].join(', ')}`);
  }
  const params: { uploaded_image_id?: string; sku_id?: string; sku_ids?: string[] } = {};
  if (fields.uploaded_image_id !== undefined) params.uploaded_image_id = checkId(fields.uploaded_image_id, 'uploaded_image_id');
  if (fields.sku_id !== undefined) params.sku_id = checkId(fields.sku_id, 'sku_id');
  if (fields.sku_ids !== undefined) {
    const ids = fields.sku_ids;
    if (!Array.isArray(ids)) throw invalid('sku_ids must be an array of strings');
    if (ids.length < 1 || ids.length > MAX_SKU_IDS) throw invalid(`sku_ids takes 1 to ${MAX_SKU_IDS} IDs`);
    params.sku_ids = ids.map((id, i) => checkId(id, `sku_ids[${i}]`));
  }
  if (params.sku_id !== undefined && params.sku_ids !== undefined) throw invalid('give at most one of sku_id and sku_ids');
  for (const name of required) if (params[name] === undefined) throw invalid(`${name} is required`);
  return params;
}

/** GET: `?uploaded_image_id=…&sku_ids=a&sku_ids=b`; only `sku_ids` may repeat. */
function queryFields(url: URL): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    if (name === 'sku_ids') fields[name] = values;
    else if (values.length > 1) throw invalid(`${quoted(name)} is given more than once`);
    else fields[name] = values[0];
  }
  return fields;
}

/** Reads at most `limit` bytes of the body; more is a 413, and the rest is never read. */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new Refusal(413, 'payload_too_large', `the body is larger than ${limit} bytes`);
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw invalid('the body could not be read');
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new Refusal(413, 'payload_too_large', `the body is larger than ${limit} bytes`);
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** POST: a JSON object, `Content-Type: application/json`; an empty body is no parameters. */
async function bodyFields(request: Request): Promise<Record<string, unknown>> {
  const bytes = await readBody(request, MAX_TOKEN_REQUEST_BYTES);
  if (bytes.byteLength === 0) return {};
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new Refusal(415, 'unsupported_media_type', 'send the parameters as JSON with Content-Type: application/json');
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid('the body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('the body must be a JSON object');
  return value as Record<string, unknown>;
}

/**
 * The customer's backend endpoint that hands the Aiuta SDKs their JWT: it answers the app's
 * token request with `{ "type": "jwt", "token": "…" }`, as the vendor's reference endpoint does,
 * once your `authorize` has approved the caller. The token is HS256, `iss` = your issuer, 60 s by
 * default, and carries the request's `uploaded_image_id`, `sku_id` or `sku_ids` as claims.
 *
 * Accepts POST with a JSON body (the vendor's demo: `{"uploaded_image_id":"…"}`; Android sends the
 * try-on body) and GET with the same fields as query parameters (`sku_ids` repeated). Answers
 * 400 for bad input (any other field, an ID that is empty, longer than 256 characters or holds a
 * control character, `sku_ids` outside 1 to 5), 401/403 when `authorize` refuses, 405 (with `Allow`)
 * for other methods, 413 for bodies over 8 KiB (8,192 bytes, unread past that), 415 for a body that is
 * not JSON, 500 for anything unexpected. Every
 * answer is JSON with `Cache-Control: no-store`; it never throws, and nothing it sends names the
 * secret or echoes a value it was sent.
 *
 * Configuration errors throw here, at start-up, not on the first request.
 *
 * @throws InvalidCredentialsError for an empty `secret` or `issuer`.
 * @throws InvalidRequestError for an `expiresInSeconds` that is not a positive integer, an
 *   `authorize` that is not a function, or a `bind`/`required` list naming an unknown or unbound parameter.
 *
 * @example
 * ```ts
 * import { createAiutaTokenHandler } from '@signet/auth';
 * import { sessionOf } from './session.js'; // your own session lookup
 *
 * const handler = createAiutaTokenHandler({
 *   secret: process.env.AIUTA_JWT_SECRET ?? '',
 *   issuer: process.env.AIUTA_JWT_ISS ?? '',
 *   authorize: async (request, params) => {
 *     const session = await sessionOf(request);
 *     if (session === undefined) return 'unauthenticated'; // 401
 *     return session.mayTryOn(params); // false: 403
 *   },
 *   onError: (error) => console.error('aiuta token', error),
 * });
 *
 * // Next.js app/aiuta-token/route.ts; under node:http, `toNodeListener(handler)` from `@signet/auth/node`.
 * export { handler as GET, handler as POST };
 * ```
 */
export function createAiutaTokenHandler(options: AiutaTokenHandlerOptions): AiutaTokenHandler {
  const { secret, issuer, authorize, onError, now } = options;
  if (typeof secret !== 'string' || secret === '')
    throw new InvalidCredentialsError('Aiuta JWT secret must be a non-empty string', 'secret');
  if (typeof issuer !== 'string' || issuer === '')
    throw new InvalidCredentialsError('Aiuta JWT issuer must be a non-empty string', 'issuer');
  const expiresInSeconds = options.expiresInSeconds ?? 60;
  if (!Number.isSafeInteger(expiresInSeconds) || expiresInSeconds <= 0) {
    throw new InvalidRequestError('expiresInSeconds', 'must be a positive integer');
  }
  if (typeof authorize !== 'function') throw new InvalidRequestError('authorize', 'must be a function');
  const bindList = options.bind ?? ALL_PARAMS;
  const required = options.required ?? ['uploaded_image_id'];
  for (const name of bindList)
    if (!ALL_PARAMS.includes(name)) throw new InvalidRequestError('bind', `${quoted(name)} is not one of ${ALL_PARAMS.join(', ')}`);
  for (const name of required) if (!bindList.includes(name)) throw new InvalidRequestError('required', `${quoted(name)} is not bound`);
  const bind: ReadonlySet<string> = new Set(bindList);

  const handle = async (request: Request): Promise<Response> => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'POST') {
      return refuse(new Refusal(405, 'method_not_allowed', `use ${ALLOW}`), { allow: ALLOW });
    }
    const fields = method === 'GET' ? queryFields(new URL(request.url)) : await bodyFields(request);
    const params = paramsOf(fields, bind, required);
    const decision = await authorize(request, params);
    if (decision === 'unauthenticated') return refuse(new Refusal(401, 'unauthenticated', 'sign in first'));
    if (decision !== true) return refuse(new Refusal(403, 'forbidden', 'not allowed to try this on'));
    const token = await issueAiutaJwt({ secret, issuer, claims: { ...params }, expiresInSeconds, ...(now && { now }) });
    return answer(200, { type: 'jwt', token });
  };

  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      if (error instanceof Refusal) return refuse(error);
      try {
        onError?.(error);
      } catch {
        // The reporter's own failure must not turn into a thrown handler.
      }
      return answer(500, { error: 'internal_error', message: 'the token could not be issued' });
    }
  };
}
