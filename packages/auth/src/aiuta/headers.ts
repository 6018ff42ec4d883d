import type { Middleware } from 'openapi-fetch';
import { InvalidCredentialsError } from '../errors.js';

/** Header values must be printable; undici's own error would echo the value, a secret here. */
export function assertHeaderSafe(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new InvalidCredentialsError(`${what} must be a non-empty string`);
  if (!/^[\u0021-\u007e]+$/.test(value)) {
    throw new InvalidCredentialsError(`${what} contains whitespace or characters that cannot be sent in a header`);
  }
}

/**
 * Server-side Aiuta authentication: the static key in `X-API-Key`. Keep it on your servers; an
 * app authenticates with `bearerAuth` or `userIdAuth` instead.
 *
 * @throws InvalidCredentialsError for an empty key or one a header cannot carry (whitespace, control characters).
 */
export function apiKeyAuth(apiKey: string): Middleware {
  assertHeaderSafe(apiKey, 'Aiuta API key');
  return headerAuth('X-API-Key', apiKey);
}

/**
 * `x-user-id` with the subscription ID: accepted instead of a secret for the
 * "trivial" calls (upload, operation status, predefined models), not to start
 * a try-on.
 *
 * @throws InvalidCredentialsError for an empty ID or one a header cannot carry.
 */
export function userIdAuth(subscriptionId: string): Middleware {
  assertHeaderSafe(subscriptionId, 'Aiuta subscription ID');
  return headerAuth('x-user-id', subscriptionId);
}

/** Middleware that sets one header on every request, over any of the same name a call sets. */
function headerAuth(name: string, value: string): Middleware {
  return {
    onRequest: ({ request }) => {
      // Nothing returned: openapi-fetch keeps the request it handed over, changed in place.
      request.headers.set(name, value);
    },
  };
}
