// What the token handler's tests share: a handler whose `authorize` reads a cookie, requests as apps
// send them, and the checks of what it answers.
import { expect } from 'vitest';
import { verifyAiutaJwt } from './jwt.js';
import { type AiutaTokenHandlerOptions, type AiutaTokenParams, createAiutaTokenHandler } from './token-handler.js';

export const secret = 'aiuta-SECRET-jwt-secret-0003';
export const issuer = 'subscription-iss-1';
export const NOW = 1_795_392_000_000;
export const URL_ = 'https://shop.example/aiuta-token';

/** A handler whose `authorize` lets in requests with the `session=ok` cookie, and records what it saw. */
export function setup(overrides: Partial<AiutaTokenHandlerOptions> = {}) {
  const seen: AiutaTokenParams[] = [];
  const handler = createAiutaTokenHandler({
    secret,
    issuer,
    now: () => NOW,
    authorize: (request, params) => {
      seen.push(params);
      const cookie = request.headers.get('cookie') ?? '';
      if (!cookie.includes('session=')) return 'unauthenticated';
      return cookie.includes('session=ok');
    },
    ...overrides,
  });
  return { handler, seen };
}

export const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=ok', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? (body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(body),
  });

export async function claimsOf(response: Response) {
  expect(response.status).toBe(200);
  const body = (await response.json()) as { type: string; token: string };
  expect(body.type).toBe('jwt');
  expect(Object.keys(body)).toEqual(['type', 'token']);
  return verifyAiutaJwt(body.token, { secret, issuer, now: () => NOW });
}

export async function expectRefusal(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const text = await response.text();
  expect(text).not.toContain(secret);
  const body = JSON.parse(text) as { error: string; message: string };
  expect(body.error).toBe(error);
  expect(typeof body.message).toBe('string');
  return body.message;
}
