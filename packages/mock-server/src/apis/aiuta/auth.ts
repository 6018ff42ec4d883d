import { JwtInvalidError, verifyAiutaJwt } from '@signet/auth';
import type { AuthInput, MockRequest, MockResponse } from '../../core/api.js';
import { json } from '../../core/http.js';
import { bearerToken, type JwtClaims } from '../aiuta-shared/jwt.js';
import type { AiutaState } from './state.js';

/** FastAPI's `HTTPException` shape, which every Digital Try-On error takes. */
export const detail = (status: number, message: string): MockResponse => json(status, { detail: message });

/** Synchronous unless a bearer token has to be verified (for an operation that takes one). */
export function authenticate(
  { request, security }: AuthInput,
  state: AiutaState,
): MockResponse | undefined | Promise<MockResponse | undefined> {
  const bearer = bearerToken(request.headers);
  if (bearer === undefined || !security.some((alternative) => alternative.includes('bearerAuth'))) {
    return decide(state, request, security, bearer, undefined, undefined);
  }
  const { jwtSecret: secret, jwtIssuer: issuer } = state.credentials;
  return verifyAiutaJwt(bearer, { secret, issuer, now: state.now }).then(
    (claims) => decide(state, request, security, bearer, claims, undefined),
    (problem: unknown) =>
      decide(state, request, security, bearer, undefined, problem instanceof JwtInvalidError ? problem.reason : 'invalid token'),
  );
}

/** The verdict once the token (if any) is checked: `claims` when it verified, `jwtProblem` when it did not. */
function decide(
  state: AiutaState,
  request: MockRequest,
  security: AuthInput['security'],
  bearer: string | undefined,
  claims: JwtClaims | undefined,
  jwtProblem: string | undefined,
): MockResponse | undefined {
  const { apiKey, subscriptionId } = state.credentials;
  const header = (name: string) => request.headers.get(name) ?? undefined;
  const satisfied = (scheme: string): boolean => {
    if (scheme === 'apiKey') return header('x-api-key') === apiKey;
    if (scheme === 'userId') return header('x-user-id') === subscriptionId;
    return scheme === 'bearerAuth' && claims !== undefined;
  };
  for (const alternative of security) {
    if (alternative.every(satisfied)) {
      if (alternative.includes('bearerAuth') && claims !== undefined) state.tokenClaims.set(request, claims);
      return undefined;
    }
  }
  if (jwtProblem !== undefined) return detail(401, `Invalid token: ${jwtProblem}`);
  const knownUser = header('x-user-id') === subscriptionId;
  if (knownUser && header('x-api-key') === undefined && bearer === undefined && !security.some((a) => a.includes('userId'))) {
    return detail(403, 'x-user-id is not accepted for this operation; use the API key or a JWT');
  }
  return detail(401, 'API key or token is missing or invalid');
}
