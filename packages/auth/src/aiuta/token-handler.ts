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
   * list, or any other field, is refused with 400 rather than silently left out of the token
   * (see `unknownParams`).
   */
  readonly bind?: readonly AiutaTokenParam[];
  /** The parameters that must be given; default `['uploaded_image_id']`, which every try-on carries. */
  readonly required?: readonly AiutaTokenParam[];
  /**
   * What to do with a field that is not a bound parameter: `'refuse'` (the default) answers 400,
   * so nothing the app sends is silently left unbound; `'ignore'` leaves it out of the token and
   * of `authorize`'s `params`, for an SDK release that sends a field this one does not know.
   */
  readonly unknownParams?: 'refuse' | 'ignore';
  /**
   * Origins (`https://shop.example`, no path) whose pages may call the endpoint from the browser
   * when it is served from another origin: their preflights are answered 204, and every answer to
   * them carries `Access-Control-Allow-Origin` and `Access-Control-Allow-Credentials: true`, so
   * the session cookie `authorize` reads goes along. Default none: a preflight is answered 405.
   * There is no wildcard: a token must not be readable by any page the user happens to visit.
   */
  readonly allowedOrigins?: readonly string[];
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
/** A header list a preflight may ask for: tokens separated by commas (RFC 9110 §5.6.1). */
const HEADER_LIST = /^[\w!#$%&'*+.^`|~-]+(?:[ \t]*,[ \t]*[\w!#$%&'*+.^`|~-]+)*$/;

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

/**
 * `sku_ids` as each SDK hands it over: an array (Android's try-on body, the Web SDK's own calls), or
 * one comma-joined string (iOS, even for one SKU: `"a,b"`). Both bind the same list.
 */
function skuIdsOf(value: unknown): string[] {
  const ids = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(ids)) throw invalid('sku_ids must be an array of strings or one comma-separated string');
  if (ids.length < 1 || ids.length > MAX_SKU_IDS) throw invalid(`sku_ids takes 1 to ${MAX_SKU_IDS} IDs`);
  return ids.map((id, i) => checkId(id, `sku_ids[${i}]`));
}

/** How `paramsOf` treats the fields: which it binds, which must be there, and what becomes of the rest. */
interface ParamRules {
  readonly bind: ReadonlySet<string>;
  readonly required: readonly AiutaTokenParam[];
  readonly ignoreUnknown: boolean;
}

/** Validates the raw fields (from a JSON body or a query) into the bound parameters. */
function paramsOf(fields: Readonly<Record<string, unknown>>, { bind, required, ignoreUnknown }: ParamRules): AiutaTokenParams {
  if (!ignoreUnknown) {
    for (const name of Object.keys(fields)) {
      if (!bind.has(name)) throw invalid(`unknown parameter ${quoted(name)}; accepted: ${[...bind].join(', ')}`);
    }
  }
  const given = (name: AiutaTokenParam) => bind.has(name) && Object.hasOwn(fields, name) && fields[name] !== undefined;
  const params: { uploaded_image_id?: string; sku_id?: string; sku_ids?: string[] } = {};
  if (given('uploaded_image_id')) params.uploaded_image_id = checkId(fields.uploaded_image_id, 'uploaded_image_id');
  if (given('sku_id')) params.sku_id = checkId(fields.sku_id, 'sku_id');
  if (given('sku_ids')) params.sku_ids = skuIdsOf(fields.sku_ids);
  if (params.sku_id !== undefined && params.sku_ids !== undefined) throw invalid('give at most one of sku_id and sku_ids');
  for (const name of required) if (params[name] === undefined) throw invalid(`${name} is required`);
  return params;
}

/** GET: `?uploaded_image_id=…&sku_ids=a,b` (iOS's map as a query) or `sku_ids` repeated; only `sku_ids` may repeat. */
function queryFields(url: URL): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    if (name === 'sku_ids') fields[name] = values.join(',');
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

const parsedOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * POST: a JSON object, `Content-Type: application/json`; an empty body is no parameters. The object
 * may also come as one JSON string holding it: Android hands the app its try-on body serialized, and
 * an app that sends that string as JSON sends `"{\"sku_ids\":[…],…}"`.
 */
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
  if (typeof value === 'string') value = parsedOrUndefined(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('the body must be a JSON object');
  return value as Record<string, unknown>;
}

/** The exact origins of `allowedOrigins`, checked at start-up; undefined when CORS is off. */
function originsOf(list: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) throw new InvalidRequestError('allowedOrigins', 'must be an array of origins');
  return new Set(
    list.map((origin, i) => {
      const parsed = typeof origin === 'string' && URL.canParse(origin) ? new URL(origin) : undefined;
      if (parsed?.origin !== origin || origin === 'null') {
        throw new InvalidRequestError(
          `allowedOrigins[${i}]`,
          'must be an origin such as https://shop.example: scheme, host and port, lower case',
        );
      }
      return origin;
    }),
  );
}

/** The CORS headers for a request, when `origins` is set: the origin allowed back if it is listed. */
function corsHeaders(request: Request, origins: ReadonlySet<string>): Record<string, string> {
  const origin = request.headers.get('origin');
  if (origin === null || !origins.has(origin)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
}

/** A preflight from a listed origin: 204 with the methods and the headers it asked for; from any other, 403. */
function preflight(request: Request, cors: Record<string, string>): Response {
  if (cors['access-control-allow-origin'] === undefined) {
    return refuse(new Refusal(403, 'forbidden', 'this origin may not call the token endpoint'), cors);
  }
  const asked = request.headers.get('access-control-request-headers') ?? '';
  return new Response(null, {
    status: 204,
    headers: {
      ...cors,
      'access-control-allow-methods': ALLOW,
      ...(asked.length <= 512 && HEADER_LIST.test(asked) && { 'access-control-allow-headers': asked }),
      'access-control-max-age': '600',
      'cache-control': 'no-store',
    },
  });
}

/**
 * The customer's backend endpoint that hands the Aiuta SDKs their JWT: it answers the app's
 * token request with `{ "type": "jwt", "token": "…" }`, as the vendor's reference endpoint does,
 * once your `authorize` has approved the caller. The token is HS256, `iss` = your issuer, 60 s by
 * default, and carries the request's `uploaded_image_id`, `sku_id` or `sku_ids` as claims.
 *
 * It takes the parameters as each of the vendor's SDKs hands them to your app's `getJwt`, and
 * binds the same claims whatever the form: the Web SDK's `{ uploaded_image_id }`; iOS's map, whose
 * `sku_ids` is one comma-joined string (`"a,b"`, as JSON or as a query); Android's serialized try-on
 * body, sent as the JSON body itself or as one JSON string holding it. `sku_ids` is always bound
 * as an array. POST takes a JSON body, GET the same fields as query parameters (`sku_ids`
 * comma-joined or repeated). Answers 400 for bad input (a field that is not a bound parameter,
 * unless `unknownParams: 'ignore'`; an ID that is empty, longer than 256 characters or holds a
 * control character; `sku_ids` outside 1 to 5), 401/403 when `authorize` refuses, 405 (with
 * `Allow`) for other methods, 413 for bodies over 8 KiB (8,192 bytes, unread past that), 415 for
 * a body that is not JSON, 500 for anything unexpected. With `allowedOrigins`, a preflight from a
 * listed origin is answered 204 and one from any other 403. Every answer is JSON (but the 204)
 * with `Cache-Control: no-store`; it never throws, and nothing it sends names the secret or
 * echoes a value it was sent.
 *
 * Configuration errors throw here, at start-up, not on the first request.
 *
 * @throws InvalidCredentialsError for an empty `secret` or `issuer`.
 * @throws InvalidRequestError for an `expiresInSeconds` that is not a positive integer, an
 *   `authorize` that is not a function, a `bind`/`required` list naming an unknown or unbound
 *   parameter, an `unknownParams` other than `'refuse'` or `'ignore'`, or an entry of
 *   `allowedOrigins` that is not an origin.
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
 *   allowedOrigins: ['https://shop.example'], // only if the page is on another origin than this endpoint
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
  if (options.unknownParams !== undefined && options.unknownParams !== 'refuse' && options.unknownParams !== 'ignore') {
    throw new InvalidRequestError('unknownParams', "must be 'refuse' or 'ignore'");
  }
  const rules: ParamRules = { bind: new Set(bindList), required, ignoreUnknown: options.unknownParams === 'ignore' };
  const origins = originsOf(options.allowedOrigins);

  const handle = async (request: Request, cors: Record<string, string>): Promise<Response> => {
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS' && origins !== undefined && request.headers.has('access-control-request-method')) {
      return preflight(request, cors);
    }
    if (method !== 'GET' && method !== 'POST') {
      return refuse(new Refusal(405, 'method_not_allowed', `use ${ALLOW}`), { allow: ALLOW });
    }
    const fields = method === 'GET' ? queryFields(new URL(request.url)) : await bodyFields(request);
    const params = paramsOf(fields, rules);
    const decision = await authorize(request, params);
    if (decision === 'unauthenticated') return refuse(new Refusal(401, 'unauthenticated', 'sign in first'));
    if (decision !== true) return refuse(new Refusal(403, 'forbidden', 'not allowed to try this on'));
    const token = await issueAiutaJwt({ secret, issuer, claims: { ...params }, expiresInSeconds, ...(now && { now }) });
    return answer(200, { type: 'jwt', token });
  };

  const respond = async (request: Request, cors: Record<string, string>): Promise<Response> => {
    try {
      return await handle(request, cors);
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

  if (origins === undefined) return (request) => respond(request, {});
  return async (request) => {
    // Refusals carry the CORS headers too, so the page can read why it got no token.
    const cors = corsHeaders(request, origins);
    const response = await respond(request, cors);
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
    return response;
  };
}
