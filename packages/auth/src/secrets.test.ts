import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bearerAuth } from './aiuta/bearer.js';
import { apiKeyAuth } from './aiuta/headers.js';
import { issueAiutaJwt, verifyAiutaJwt } from './aiuta/jwt.js';
import { signVidauRequest, vidauAuth } from './vidau/request.js';
import { signVidau, verifyVidauSignature } from './vidau/sign.js';

const AUTH_KEY = 'vidau-SECRET-auth-key-0001';
const API_KEY = 'aiuta-SECRET-api-key-0002';
const JWT_SECRET = 'aiuta-SECRET-jwt-secret-0003';
const SECRETS = [AUTH_KEY, API_KEY, JWT_SECRET];

async function caught(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to fail');
}

function expectNoSecret(value: unknown) {
  const rendered = [inspect(value, { depth: 10, showHidden: true }), String(value), JSON.stringify(value) ?? ''].join('\n');
  for (const secret of SECRETS) expect(rendered).not.toContain(secret);
}

describe('no secret ever appears in an error, its cause, or inspect output', () => {
  const timestamp = 1_723_515_690_000;

  it('VidAU signing and verification failures', async () => {
    const failures = await Promise.all([
      caught(() => signVidau({ clientId: 'c', authKey: AUTH_KEY, body: '{}', timestamp: 17 })),
      caught(() => signVidau({ clientId: '', authKey: AUTH_KEY, body: '{}', timestamp })),
      caught(() => signVidau({ clientId: 'c', authKey: `${AUTH_KEY}\n`, body: '{}', timestamp })),
      caught(() =>
        verifyVidauSignature(
          { clientId: 'c', authKey: AUTH_KEY, body: '{}', timestamp: String(timestamp), signature: 'AAAA' },
          { now: () => timestamp },
        ),
      ),
      caught(() => verifyVidauSignature({ clientId: 'c', authKey: AUTH_KEY, body: '{}', timestamp: '1', signature: 'AAAA' })),
      caught(() =>
        signVidauRequest(new Request('https://api.test', { method: 'POST', body: '{"a":6.8e-29}' }), { clientId: 'c', authKey: AUTH_KEY }),
      ),
    ]);
    for (const failure of failures) expectNoSecret(failure);
  });

  it('Aiuta key, token and JWT failures', async () => {
    const failures = await Promise.all([
      caught(() => apiKeyAuth(`${API_KEY} `)),
      caught(() => issueAiutaJwt({ secret: JWT_SECRET, issuer: '', expiresInSeconds: 60 })),
      caught(async () =>
        verifyAiutaJwt(await issueAiutaJwt({ secret: JWT_SECRET, issuer: 'i', expiresInSeconds: 60 }), {
          secret: `${JWT_SECRET}x`,
          issuer: 'i',
        }),
      ),
      caught(async () => {
        const middleware = bearerAuth({ getToken: async () => Promise.reject(new Error('no token')) });
        await middleware.onRequest?.({ request: new Request('https://api.test'), id: '1' } as never);
      }),
    ]);
    for (const failure of failures) expectNoSecret(failure);
  });

  it('middleware objects do not expose the credentials they hold', () => {
    expectNoSecret(vidauAuth({ clientId: 'c', authKey: AUTH_KEY }));
    expectNoSecret(apiKeyAuth(API_KEY));
  });
});
