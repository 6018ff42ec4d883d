import { numberOption } from '@signet/client-core';
import { decodeJwt } from 'jose';
import type { Middleware } from 'openapi-fetch';
import { TokenProviderError } from '../errors.js';

/**
 * Where {@link bearerAuth} gets its JWT and when it renews it. The token comes from your backend
 * (see `createAiutaTokenHandler`), never from a secret shipped in the app.
 */
export interface BearerAuthOptions {
  /**
   * Fetches a fresh JWT, typically from the customer's backend, for the request whose parsed
   * JSON `body` it is given (undefined when there is none): Aiuta binds a token to the request's
   * parameters, so send them on, e.g. `{ uploaded_image_id: body.uploaded_image_id }`, as the
   * vendor's Web SDK does. Called lazily, once for all concurrent requests with the same body,
   * again for a request with another body, shortly before `exp`, and after a 401.
   */
  readonly getToken: (context: { readonly body: unknown }) => Promise<string>;
  /** Renew this many whole seconds before `exp`, so a token never expires in flight. Default 30. */
  readonly refreshBeforeExpirySeconds?: number;
  /** Clock in milliseconds since the epoch, compared with the token's `exp`; injectable for tests. */
  readonly now?: () => number;
}

/** Tokens kept for this many distinct request bodies; older ones are fetched anew when needed. */
const CACHED_BODIES = 16;

interface CachedToken {
  readonly token: string;
  /** Milliseconds since the epoch after which the token is renewed; Infinity without `exp`. */
  readonly renewAt: number;
}

/**
 * Aiuta `Authorization: Bearer <jwt>`. A token is cached per request body (Aiuta binds it to the
 * request's parameters) until shortly before its `exp`; a 401 drops it and the request is sent
 * once more with a new one.
 *
 * Requests reject with TokenProviderError when `getToken` throws or returns something that is
 * not a compact JWT; its `cause` is what `getToken` threw.
 *
 * @throws InvalidRequestError for a `refreshBeforeExpirySeconds` that is not a whole number of at least 0.
 */
export function bearerAuth(options: BearerAuthOptions): Middleware {
  const now = options.now ?? Date.now;
  const marginMs = numberOption('refreshBeforeExpirySeconds', options.refreshBeforeExpirySeconds, 30) * 1000;
  // Keyed by the request body's text: a token bound to one image and SKUs fits only requests for them.
  const cached = new Map<string, CachedToken>();
  const pending = new Map<string, Promise<CachedToken>>();
  const replayable = new Map<string, Request>();

  const fetchToken = async (bodyText: string): Promise<CachedToken> => {
    let body: unknown;
    try {
      body = bodyText === '' ? undefined : JSON.parse(bodyText);
    } catch {
      body = undefined;
    }
    let token: unknown;
    try {
      token = await options.getToken({ body });
    } catch (error) {
      throw new TokenProviderError('the bearer token provider failed', { cause: error });
    }
    if (typeof token !== 'string' || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) {
      throw new TokenProviderError('the bearer token provider did not return a compact JWT');
    }
    let exp: number | undefined;
    try {
      exp = decodeJwt(token).exp;
    } catch {
      throw new TokenProviderError('the bearer token provider returned a JWT whose payload cannot be read');
    }
    return { token, renewAt: typeof exp === 'number' ? exp * 1000 - marginMs : Number.POSITIVE_INFINITY };
  };

  const currentToken = async (bodyText: string): Promise<string> => {
    const known = cached.get(bodyText);
    if (known !== undefined && now() < known.renewAt) return known.token;
    let inFlight = pending.get(bodyText);
    if (inFlight === undefined) {
      inFlight = fetchToken(bodyText).finally(() => pending.delete(bodyText));
      pending.set(bodyText, inFlight);
    }
    const fresh = await inFlight;
    cached.delete(bodyText);
    cached.set(bodyText, fresh);
    if (cached.size > CACHED_BODIES) cached.delete(cached.keys().next().value as string);
    return fresh.token;
  };

  const authorize = async (request: Request) => {
    const bodyText = request.body === null ? '' : await request.clone().text();
    request.headers.set('Authorization', `Bearer ${await currentToken(bodyText)}`);
    return { request, bodyText };
  };

  return {
    onRequest: async ({ request, id }) => {
      const { request: authorized } = await authorize(request);
      replayable.set(id, authorized.clone());
      return authorized;
    },
    onResponse: async ({ response, id, options: clientOptions }) => {
      const original = replayable.get(id);
      replayable.delete(id);
      if (response.status !== 401 || original === undefined) return response;
      await response.body?.cancel();
      const bodyText = original.body === null ? '' : await original.clone().text();
      cached.delete(bodyText);
      return clientOptions.fetch((await authorize(original)).request);
    },
    onError: ({ id }) => {
      replayable.delete(id);
    },
  };
}
