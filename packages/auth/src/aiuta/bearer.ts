import { decodeJwt } from 'jose';
import type { Middleware } from 'openapi-fetch';
import { TokenProviderError } from '../errors.js';

/**
 * Where {@link bearerAuth} gets its JWT and when it renews it. The token comes from your backend
 * (see `createAiutaTokenHandler`), never from a secret shipped in the app.
 */
export interface BearerAuthOptions {
  /**
   * Fetches a fresh JWT, typically from the customer's backend. Called lazily,
   * once for all concurrent requests, again shortly before `exp`, and again
   * after a 401.
   *
   * The token is reused for every request until it nears `exp`. One bound to an image and SKUs
   * (as `createAiutaTokenHandler` issues by default) therefore fits one try-on: a try-on of
   * another image is answered 403 (PermissionDeniedError), which does not renew it.
   */
  readonly getToken: () => Promise<string>;
  /** Renew this many seconds before `exp`, so a token never expires in flight. Default 30. */
  readonly refreshBeforeExpirySeconds?: number;
  /** Clock in milliseconds since the epoch, compared with the token's `exp`; injectable for tests. */
  readonly now?: () => number;
}

interface CachedToken {
  readonly token: string;
  /** Milliseconds since the epoch after which the token is renewed; Infinity without `exp`. */
  readonly renewAt: number;
}

/**
 * Aiuta `Authorization: Bearer <jwt>`. The token is cached until shortly before
 * its `exp`; a 401 drops it and the request is sent once more with a new one.
 *
 * Requests reject with TokenProviderError when `getToken` throws or returns something that is
 * not a compact JWT; its `cause` is what `getToken` threw.
 */
export function bearerAuth(options: BearerAuthOptions): Middleware {
  const now = options.now ?? Date.now;
  const marginMs = (options.refreshBeforeExpirySeconds ?? 30) * 1000;
  let cached: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;
  const replayable = new Map<string, Request>();

  const fetchToken = async (): Promise<CachedToken> => {
    let token: unknown;
    try {
      token = await options.getToken();
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

  const currentToken = async (): Promise<string> => {
    if (cached !== undefined && now() < cached.renewAt) return cached.token;
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    cached = await pending;
    return cached.token;
  };

  const authorize = async (request: Request) => {
    request.headers.set('Authorization', `Bearer ${await currentToken()}`);
    return request;
  };

  return {
    onRequest: async ({ request, id }) => {
      const authorized = await authorize(request);
      replayable.set(id, authorized.clone());
      return authorized;
    },
    onResponse: async ({ response, id, options: clientOptions }) => {
      const original = replayable.get(id);
      replayable.delete(id);
      if (response.status !== 401 || original === undefined) return response;
      cached = undefined;
      await response.body?.cancel();
      return clientOptions.fetch(await authorize(original));
    },
    onError: ({ id }) => {
      replayable.delete(id);
    },
  };
}
