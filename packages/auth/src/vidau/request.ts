import type { Middleware } from 'openapi-fetch';
import { canonicalJson } from '../canonical/canonical-json.js';
import { assertVidauCharset } from './charset.js';
import { assertVidauCredentials, type VidauCredentials, type VidauHeaderOptions, vidauHeaders } from './sign.js';

/** Credentials and options of {@link signVidauRequest} and {@link vidauAuth}. */
export interface VidauRequestSigningOptions extends VidauCredentials, VidauHeaderOptions {
  /** Milliseconds since the epoch; read once per signing, so every retry gets a fresh timestamp. */
  readonly now?: () => number;
}

/**
 * Returns a new request whose body is the canonical form of `request`'s JSON
 * body and whose headers sign that body as the server reads it; `request`'s body is read.
 * Call it again for each retry: the timestamp is taken anew. Redirects are not
 * followed, so the signed headers are never replayed to another origin.
 *
 * @throws InvalidCredentialsError for an empty `clientId` or `authKey`, or one a header cannot carry.
 * @throws JsonSyntaxError when the body is not JSON.
 * @throws CanonicalJsonError when the server's canonicalizer would not reproduce the body; `reason`
 *   and `path` say why and where.
 * @throws InvalidRequestError for a `dialect` other than `'java'` and `python`.
 *
 * @example
 * ```ts
 * import { signVidauRequest } from '@signet/auth';
 *
 * const credentials = { clientId: process.env.VIDAU_CLIENT_ID ?? '', authKey: process.env.VIDAU_AUTH_KEY ?? '' };
 * const request = new Request('https://vidau-app.superads.cn/openapi/v1.0/task/info', {
 *   method: 'POST',
 *   body: JSON.stringify({ task_id: 'task-123' }),
 * });
 * const response = await fetch(await signVidauRequest(request, credentials));
 * ```
 */
export async function signVidauRequest(request: Request, options: VidauRequestSigningOptions): Promise<Request> {
  assertVidauCredentials(options);
  assertVidauCharset(options.charset ?? 'UTF-8');
  const text = request.body === null ? '' : await request.text();
  const body = text === '' ? '' : canonicalJson(text, { dialect: options.dialect ?? 'java' });
  const timestamp = (options.now ?? Date.now)();
  const signed = await vidauHeaders({ clientId: options.clientId, authKey: options.authKey, body, timestamp }, options);
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(signed)) headers.set(name, value);
  if (body !== '') headers.set('content-type', 'application/json');
  return new Request(request.url, {
    method: request.method,
    headers,
    redirect: 'manual',
    signal: request.signal,
    ...(body === '' ? {} : { body }),
  });
}

/** openapi-fetch middleware that signs every request with {@link signVidauRequest}. */
export function vidauAuth(options: VidauRequestSigningOptions): Middleware {
  assertVidauCredentials(options);
  assertVidauCharset(options.charset ?? 'UTF-8');
  return {
    onRequest: ({ request }) => signVidauRequest(request, options),
  };
}
