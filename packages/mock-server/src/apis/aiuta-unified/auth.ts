// The Unified API's auth: x-api-key, x-user-id and a Bearer JWT, as the spec's security lists them
// per operation; refusals are 401 and 403 with FastAPI's `{detail}`, as in the Digital Try-On API.
import { verifyAiutaJwt } from '@signet/auth';
import type { AuthInput, MockRequest, MockResponse } from '../../core/api.js';
import { bearerToken, type JwtClaims } from '../aiuta-shared/jwt.js';
import { detail, type UnifiedState } from './state.js';

/** Synchronous unless there is a bearer token to verify. */
export function authenticate(
  { request, security }: AuthInput,
  state: UnifiedState,
): MockResponse | undefined | Promise<MockResponse | undefined> {
  const bearer = bearerToken(request.headers);
  if (bearer === undefined) return decide(state, request, security, undefined);
  const { jwtSecret: secret, jwtIssuer: issuer } = state.credentials;
  return verifyAiutaJwt(bearer, { secret, issuer, now: state.now }).then(
    (claims) => decide(state, request, security, claims),
    // An invalid or expired token: 401 below, unless another credential lets the request in.
    () => decide(state, request, security, undefined),
  );
}

/** The verdict, given the claims of a bearer token that verified. */
function decide(
  state: UnifiedState,
  request: MockRequest,
  security: AuthInput['security'],
  claims: JwtClaims | undefined,
): MockResponse | undefined {
  const { credentials } = state;
  const header = (name: string) => request.headers.get(name) ?? undefined;
  const apiKey = header('x-api-key');
  const userId = header('x-user-id');
  const authorization = header('authorization');
  const valid: Readonly<Record<string, boolean>> = {
    apiKey: apiKey === credentials.apiKey,
    // The Android SDK in API-key mode sends the key itself as x-user-id (next to x-api-key).
    userId: userId === credentials.subscriptionId || (userId !== undefined && userId === credentials.apiKey),
    bearerAuth: claims !== undefined,
  };
  for (const alternative of security) {
    if (alternative.every((scheme) => valid[scheme] === true)) {
      if (alternative.includes('bearerAuth') && claims !== undefined) state.tokenClaims.set(request, claims);
      return undefined;
    }
  }
  const wrong =
    (apiKey !== undefined && !valid.apiKey) ||
    (userId !== undefined && !valid.userId) ||
    (authorization !== undefined && claims === undefined);
  // A genuine credential this operation does not take (x-user-id or a JWT where only the key will do) is a 403.
  if (!wrong && (valid.userId || valid.bearerAuth))
    return detail(403, 'This credential is not accepted for this operation; use the API key');
  return detail(401, 'API key or token is missing or invalid');
}
