// Every numeric option of the auth helpers is checked when the helper is built (or called, for the
// one-shot functions): NaN, ±Infinity, a negative or fractional value, or a string is a typed error
// naming the option, never a silent "unlimited" or "never".
import { InvalidRequestError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { bearerAuth } from './aiuta/bearer.js';
import { issueAiutaJwt, verifyAiutaJwt } from './aiuta/jwt.js';
import { createAiutaTokenHandler } from './aiuta/token-handler.js';
import { InvalidWindowError } from './errors.js';
import { createReplayGuard } from './vidau/replay-guard.js';
import { verifyVidauSignature } from './vidau/sign.js';

const BAD = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 1.5, '60'] as const;
const jwt = { secret: 's3cret', issuer: 'iss' };
const token = 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJlLW9mLXRoaXJ0eS10d28tYnl0ZXMhISE';

/** Each option with the call that reads it; `value` stands for the option as given. */
const OPTIONS: readonly [string, (value: never) => unknown][] = [
  ['refreshBeforeExpirySeconds', (value) => bearerAuth({ getToken: async () => token, refreshBeforeExpirySeconds: value })],
  ['maxEntries', (value) => createReplayGuard({ maxEntries: value })],
  ['expiresInSeconds', (value) => issueAiutaJwt({ ...jwt, expiresInSeconds: value })],
  ['clockToleranceSeconds', (value) => verifyAiutaJwt(token, { ...jwt, clockToleranceSeconds: value })],
  ['expiresInSeconds', (value) => createAiutaTokenHandler({ ...jwt, authorize: () => true, expiresInSeconds: value })],
];

async function failureOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('numeric options of the auth helpers', () => {
  it.each(OPTIONS.flatMap(([name, call]) => BAD.map((value) => [name, String(value), call, value] as const)))(
    '%s: %s is refused with InvalidRequestError naming it',
    async (name, _shown, call, value) => {
      const failure = await failureOf(() => call(value as never));
      expect(failure).toBeInstanceOf(InvalidRequestError);
      expect(failure).toMatchObject({ code: 'ERR_INVALID_REQUEST', field: name });
    },
  );

  // A fraction of a millisecond is harmless in a window; everything else is refused.
  it.each(BAD.filter((value) => value !== 1.5).map((value) => [String(value), value] as const))(
    'toleranceMs %s refuses the replay guard and every verification (the window fails closed)',
    async (_shown, value) => {
      const bad = value as number;
      expect(() => createReplayGuard({ toleranceMs: bad })).toThrowError(InvalidWindowError);
      const input = { clientId: 'c', authKey: 'k', body: '', timestamp: String(Date.now()), signature: 'AAAA' };
      await expect(verifyVidauSignature(input, { toleranceMs: bad })).rejects.toBeInstanceOf(InvalidWindowError);
    },
  );
});
