import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  InvalidCredentialsError,
  InvalidTimestampError,
  SignatureMismatchError,
  SignatureMissingError,
  TimestampOutOfWindowError,
} from '../errors.js';
import { signVidau, verifyVidauSignature, vidauHeaders, vidauStringToSign } from './sign.js';

const credentials = { clientId: 'client-1', authKey: 'secret-auth-key' };
const body = '{"params":{"avatar_id":7},"webhook_url":"https://example.com/hook"}';
const timestamp = 1723515690000;

/** The vendor's algorithm written out independently: Base64(HMAC-SHA256(authKey, clientId + body + timestamp)). */
const independent = (key: string, message: string) =>
  createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(message, 'utf8')).digest('base64');

describe('signVidau', () => {
  it('signs clientId + body + timestamp with the auth key', async () => {
    expect(vidauStringToSign({ clientId: 'client-1', body, timestamp })).toBe(`client-1${body}1723515690000`);
    expect(await signVidau({ ...credentials, body, timestamp })).toBe(independent('secret-auth-key', `client-1${body}1723515690000`));
  });

  it.each([
    [1723515690, /looks like seconds/],
    [1723515690000.5, /integer number of milliseconds/],
    [-1, /integer number of milliseconds/],
    [Number.NaN, /integer number of milliseconds/],
  ])('refuses timestamp %d', async (bad, message) => {
    await expect(signVidau({ ...credentials, body, timestamp: bad })).rejects.toThrowError(InvalidTimestampError);
    await expect(signVidau({ ...credentials, body, timestamp: bad })).rejects.toThrowError(message);
  });

  it.each([
    [{ clientId: '', authKey: 'k' }, 'clientId'],
    [{ clientId: 'c', authKey: '' }, 'authKey'],
    [{ clientId: 'c\r\nx-evil: 1', authKey: 'k' }, 'clientId'],
    [{ clientId: 'c', authKey: 'k\ud800' }, 'authKey'],
  ])('refuses malformed credentials %#, naming the field', async (bad, field) => {
    await expect(signVidau({ ...bad, body, timestamp })).rejects.toThrowError(new RegExp(`VidAU ${field}`));
    await expect(signVidau({ ...bad, body, timestamp })).rejects.toBeInstanceOf(InvalidCredentialsError);
  });
});

describe('vidauHeaders', () => {
  it('sends the client id, timestamp and signature, and the auth key only when asked', async () => {
    const headers = await vidauHeaders({ ...credentials, body, timestamp });
    expect(headers).toEqual({
      'x-client-id': 'client-1',
      timestamp: '1723515690000',
      Authorization: independent('secret-auth-key', `client-1${body}1723515690000`),
    });
    expect((await vidauHeaders({ ...credentials, body, timestamp }, { includeAuthKey: true }))['x-auth-key']).toBe('secret-auth-key');
  });
});

describe('verifyVidauSignature', () => {
  const signature = independent('secret-auth-key', `client-1${body}1723515690000`);
  const verify = (overrides: Partial<Parameters<typeof verifyVidauSignature>[0]>, now = timestamp) =>
    verifyVidauSignature({ ...credentials, body, timestamp: String(timestamp), signature, ...overrides }, { now: () => now });

  it('accepts a genuine request, also when the body arrives unsorted or spaced (the server canonicalizes)', async () => {
    await expect(verify({})).resolves.toBeUndefined();
    await expect(verify({ body: '{ "webhook_url":"https://example.com/hook", "params":{"avatar_id":7} }' })).resolves.toBeUndefined();
  });

  it('rejects a different body, key, client id or timestamp', async () => {
    await expect(verify({ body: body.replace('7', '8') })).rejects.toThrowError(SignatureMismatchError);
    await expect(verify({ authKey: 'other-key' })).rejects.toThrowError(SignatureMismatchError);
    await expect(verify({ clientId: 'client-2' })).rejects.toThrowError(SignatureMismatchError);
    await expect(verify({ timestamp: String(timestamp + 1) })).rejects.toThrowError(SignatureMismatchError);
  });

  it('rejects replays outside the window in both directions, and accepts its edges', async () => {
    const window = 5 * 60 * 1000;
    await expect(verify({}, timestamp + window)).resolves.toBeUndefined();
    await expect(verify({}, timestamp - window)).resolves.toBeUndefined();
    await expect(verify({}, timestamp + window + 1)).rejects.toThrowError(TimestampOutOfWindowError);
    await expect(verify({}, timestamp - window - 1)).rejects.toThrowError(/in the future/);
    await expect(
      verifyVidauSignature(
        { ...credentials, body, timestamp: String(timestamp), signature },
        { now: () => timestamp + 1001, toleranceMs: 1000 },
      ),
    ).rejects.toMatchObject({ code: 'ERR_TIMESTAMP_OUT_OF_WINDOW', skewMs: -1001, toleranceMs: 1000 });
  });

  it('says what is missing or malformed', async () => {
    await expect(verify({ signature: undefined })).rejects.toThrowError(SignatureMissingError);
    await expect(verify({ timestamp: null })).rejects.toThrowError(SignatureMissingError);
    await expect(verify({ timestamp: '1723515690' + '.0' })).rejects.toThrowError(InvalidTimestampError);
    await expect(verify({ signature: 'not base64!' })).rejects.toThrowError(SignatureMismatchError);
  });
});
