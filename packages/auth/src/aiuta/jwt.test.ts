import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { SignetError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { JwtInvalidError } from '../errors.js';
import { issueAiutaJwt, verifyAiutaJwt } from './jwt.js';

const secret = 'jwt-secret-from-the-subscription-page';
const issuer = 'aiuta-subscription-issuer';
const now = () => 1_795_392_000_000;
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('issueAiutaJwt', () => {
  it('issues an HS256 JWT with the caller claims, then iss, iat and exp, as the vendor component does', async () => {
    const token = await issueAiutaJwt({
      secret,
      issuer,
      claims: { uploaded_image_id: 'img-1', iss: 'spoofed', exp: 1 },
      expiresInSeconds: 60,
      now,
    });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decode(payload)).toEqual({ uploaded_image_id: 'img-1', iss: issuer, iat: 1_795_392_000, exp: 1_795_392_060 });
    // Checked with node:crypto, independently of jose.
    expect(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
  });

  it('refuses an empty secret or issuer and a non-positive lifetime', async () => {
    await expect(issueAiutaJwt({ secret: '', issuer, expiresInSeconds: 60 })).rejects.toThrowError(/secret must be/);
    await expect(issueAiutaJwt({ secret, issuer: '', expiresInSeconds: 60 })).rejects.toThrowError(/issuer must be/);
    await expect(issueAiutaJwt({ secret, issuer, expiresInSeconds: 0 })).rejects.toMatchObject({
      code: 'ERR_INVALID_REQUEST',
      field: 'expiresInSeconds',
    });
  });

  it('refuses claims JSON cannot encode with a typed error that keeps the cause and not the secret', async () => {
    const failure = await issueAiutaJwt({ secret, issuer, claims: { n: 1n }, expiresInSeconds: 60 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignetError);
    expect(failure).toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'claims' });
    expect((failure as Error).cause).toBeInstanceOf(TypeError);
    expect(inspect(failure, { depth: 10 })).not.toContain(secret);
  });
});

describe('verifyAiutaJwt', () => {
  const issue = (overrides: Partial<Parameters<typeof issueAiutaJwt>[0]> = {}) =>
    issueAiutaJwt({ secret, issuer, claims: { sku_id: 'sku-1' }, expiresInSeconds: 60, now, ...overrides });

  it('returns the payload of a genuine, unexpired token', async () => {
    await expect(verifyAiutaJwt(await issue(), { secret, issuer, now })).resolves.toMatchObject({ sku_id: 'sku-1', iss: issuer });
  });

  it.each([
    ['ERR_JWT_EXPIRED', { now: () => now() + 61_000 }],
    ['ERR_JWS_SIGNATURE_VERIFICATION_FAILED', { secret: 'another-secret' }],
    ['ERR_JWT_CLAIM_VALIDATION_FAILED', { issuer: 'another-issuer' }],
  ])('rejects with %s', async (reason, options) => {
    const token = await issue();
    const failure = await verifyAiutaJwt(token, { secret, issuer, now, ...options }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ERR_JWT_INVALID', reason });
    // jose's own error is kept as the cause, as jose users expect.
    expect((failure as Error).cause).toMatchObject({ code: reason });
  });

  it('rejects a token any of whose segments is not canonical base64url (padding, unused bits set)', async () => {
    const [header, payload, signature] = (await issue()).split('.') as [string, string, string];
    // 32 bytes of HS256 signature: 43 digits, the last with 2 unused low bits, which are zero.
    const flipped = `${signature.slice(0, -1)}${String.fromCharCode(signature.charCodeAt(42) + 1)}`;
    const variants = [
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}.${flipped}`,
      `${header}=.${payload}.${signature}`,
      `${header}.${payload}=.${signature}`,
      `${header}.${payload}.${signature}==`,
    ];
    // Each still decodes to the genuine bytes under a lenient decoder.
    expect(Buffer.from(flipped, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    for (const token of variants) {
      const failure = await verifyAiutaJwt(token, { secret, issuer, now }).catch((error: unknown) => error);
      expect(failure, token).toBeInstanceOf(JwtInvalidError);
    }
  });

  it.each([
    ['10 minutes', 600],
    ['one year', 365 * 24 * 3600],
  ])('rejects a token issued %s in the future', async (_when, seconds) => {
    const token = await issue({ now: () => now() + seconds * 1000 });
    await expect(verifyAiutaJwt(token, { secret, issuer, now })).rejects.toMatchObject({
      code: 'ERR_JWT_INVALID',
      reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
    });
  });

  it('accepts an iat up to 60 seconds ahead (clock skew), or clockToleranceSeconds when larger', async () => {
    await expect(verifyAiutaJwt(await issue({ now: () => now() + 60_000 }), { secret, issuer, now })).resolves.toBeDefined();
    await expect(verifyAiutaJwt(await issue({ now: () => now() + 61_000 }), { secret, issuer, now })).rejects.toBeInstanceOf(
      JwtInvalidError,
    );
    const later = await issue({ now: () => now() + 120_000 });
    await expect(verifyAiutaJwt(later, { secret, issuer, now, clockToleranceSeconds: 120 })).resolves.toBeDefined();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, '5'])('refuses clockToleranceSeconds %s', async (clockToleranceSeconds) => {
    const token = await issue();
    await expect(
      verifyAiutaJwt(token, { secret, issuer, now, clockToleranceSeconds: clockToleranceSeconds as number }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'clockToleranceSeconds' });
  });

  it('rejects unsigned (alg none) tokens', async () => {
    const [, payload] = (await issue()).split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    await expect(verifyAiutaJwt(unsigned, { secret, issuer, now })).rejects.toBeInstanceOf(JwtInvalidError);
  });
});
