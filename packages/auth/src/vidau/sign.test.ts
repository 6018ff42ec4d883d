import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  InvalidCredentialsError,
  InvalidTimestampError,
  InvalidWindowError,
  ReplayedRequestError,
  SignatureMismatchError,
  SignatureMissingError,
  TimestampOutOfWindowError,
} from '../errors.js';
import * as nodeEntry from '../index.node.js';
import * as nodeOnly from '../node.js';
import { signVidauSync } from '../node.js';
import { python } from '../python.js';
import { createReplayGuard } from './replay-guard.js';
import { assertVidauCredentials, signVidau, verifyVidauSignature, vidauHeaders, vidauStringToSign } from './sign.js';

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
    ['an ASCII body', body],
    ['a body with non-ASCII text', '{"text":"caf\u00e9 \u4f60\u597d \ud83d\ude00"}'],
    ['a long ASCII body', `{"text":"${'a'.repeat(100_000)}"}`],
  ])('signs %s alike on the synchronous path and the Web Crypto path', async (_name, text) => {
    const expected = independent('secret-auth-key', `client-1${text}1723515690000`);
    expect(signVidauSync({ ...credentials, body: text, timestamp })).toBe(expected);
    expect(await signVidau({ ...credentials, body: text, timestamp })).toBe(expected);
  });

  it('signs a lone surrogate as the "?" Java encodes it to, where UTF-8 text would carry U+FFFD', async () => {
    const text = '{"text":"a\ud800b"}';
    const expected = independent('secret-auth-key', 'client-1{"text":"a?b"}1723515690000');
    expect(signVidauSync({ ...credentials, body: text, timestamp })).toBe(expected);
    expect(await signVidau({ ...credentials, body: text, timestamp })).toBe(expected);
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
    [{ clientId: 'LEAK1\r\nx-evil: 1', authKey: 'k' }, 'clientId'],
    [{ clientId: 'c', authKey: 'LEAK2\ud800' }, 'authKey'],
    [{ clientId: 'LEAK3\u0000', authKey: 'k' }, 'clientId'],
    [{ clientId: 'c', authKey: 'LEAK4\tk' }, 'authKey'],
    [{ clientId: 'c', authKey: 'LEAK5\u007f' }, 'authKey'],
    [{ clientId: 'LEAK6\u0100', authKey: 'k' }, 'clientId'],
    [{ clientId: 'c', authKey: 'LEAK7密钥' }, 'authKey'],
    [{ clientId: '   ', authKey: 'k' }, 'clientId'],
    [{ clientId: 'c', authKey: '\u00a0' }, 'authKey'],
    [{ clientId: ' LEAK8', authKey: 'k' }, 'clientId'],
    [{ clientId: 'c', authKey: 'LEAK9 ' }, 'authKey'],
    [{ clientId: 7, authKey: 'k' } as unknown as { clientId: string; authKey: string }, 'clientId'],
  ])('refuses malformed credentials %#, naming the field and never the value', async (bad, field) => {
    const error = await signVidau({ ...bad, body, timestamp }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error).toMatchObject({ code: 'ERR_INVALID_CREDENTIALS', field });
    expect((error as Error).message).toMatch(new RegExp(`^VidAU ${field} `));
    expect((error as Error).message).not.toContain('LEAK');
    expect(() => assertVidauCredentials(bad)).toThrowError(InvalidCredentialsError);
  });

  it('accepts Latin-1 credentials, which a header carries byte for byte', async () => {
    expect(() => assertVidauCredentials({ clientId: 'clïent-ß', authKey: 'kéy Ø±\u0080' })).not.toThrow();
    expect(await signVidau({ clientId: 'clïent', authKey: 'kéy', body, timestamp })).toBe(independent('kéy', `clïent${body}1723515690000`));
  });

  it('is exported from the package root, for a client to call when it is built', async () => {
    const root = await import('../index.js');
    expect(root.assertVidauCredentials).toBe(assertVidauCredentials);
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

/** `verifyVidauSignatureSync` as a promise, so that the cases below hold it to the same answers as the others. */
const settledOf =
  (verifySync: typeof nodeOnly.verifyVidauSignatureSync): typeof verifyVidauSignature =>
  async (input, options) =>
    verifySync(input, options);

/** The module anew (nothing remembered from earlier calls, such as the last verification key), through the entry point the path is exported from. */
async function freshModule(path: string): Promise<{ verifyVidauSignature: typeof verifyVidauSignature }> {
  vi.resetModules();
  if (path === 'node:crypto, synchronous')
    return { verifyVidauSignature: settledOf((await import('../node.js')).verifyVidauSignatureSync) };
  return path === 'node:crypto' ? import('../index.node.js') : import('./sign.js');
}

/**
 * The portable verifier (Web Crypto's `subtle.verify`), the Node build's (node:crypto, `timingSafeEqual`)
 * and the synchronous one of `@signet/auth/node` must agree on everything.
 */
const verifiers = [
  ['Web Crypto', verifyVidauSignature],
  ['node:crypto', nodeEntry.verifyVidauSignature],
  ['node:crypto, synchronous', settledOf(nodeOnly.verifyVidauSignatureSync)],
] as const;

describe.each(verifiers)('verifyVidauSignature (%s)', (_path, verifyVidauSignature) => {
  const signature = independent('secret-auth-key', `client-1${body}1723515690000`);
  const verify = (overrides: Partial<Parameters<typeof verifyVidauSignature>[0]>, now = timestamp) =>
    verifyVidauSignature({ ...credentials, body, timestamp: String(timestamp), signature, ...overrides }, { now: () => now });

  it('accepts a genuine request, also when the body arrives unsorted or spaced (the server canonicalizes)', async () => {
    await expect(verify({})).resolves.toBeUndefined();
    await expect(verify({ body: '{ "webhook_url":"https://example.com/hook", "params":{"avatar_id":7} }' })).resolves.toBeUndefined();
  });

  it('canonicalizes the received body like the python reference when told, and like fastjson2 otherwise', async () => {
    // Written out by hand: python keeps the null member and escapes the é; fastjson2 drops the null and keeps é raw.
    const received = '{"b":null,"a":"\u00e9"}';
    const pythonSigned = independent('secret-auth-key', 'client-1{"a":"\\u00e9","b":null}1723515690000');
    const javaSigned = independent('secret-auth-key', 'client-1{"a":"\u00e9"}1723515690000');
    await expect(verify({ body: received, signature: pythonSigned })).rejects.toThrowError(SignatureMismatchError);
    await expect(verify({ body: received, signature: javaSigned })).resolves.toBeUndefined();
    const asPython = { ...credentials, body: received, timestamp: String(timestamp), signature: pythonSigned };
    await expect(verifyVidauSignature(asPython, { dialect: python, now: () => timestamp })).resolves.toBeUndefined();
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

  it('refuses a tag that is not strict Base64 or not 32 bytes, however close to the genuine one', async () => {
    for (const bad of [
      signature.slice(0, -1), // padding dropped: lenient decoders accept it
      `${signature}\n`,
      ` ${signature}`,
      signature.replace(/\+/g, '-').replace(/\//g, '_'), // base64url
      Buffer.from(Buffer.from(signature, 'base64').subarray(0, 31)).toString('base64'),
      Buffer.concat([Buffer.from(signature, 'base64'), Buffer.from([0])]).toString('base64'),
      'AAAA',
    ]) {
      if (bad === signature) continue;
      await expect(verify({ signature: bad })).rejects.toThrowError(SignatureMismatchError);
    }
  });

  it('refuses empty credentials on a first call as on any other', async () => {
    const { verifyVidauSignature: fresh } = await freshModule(_path);
    const first = fresh({ clientId: '', authKey: '', body, timestamp: String(timestamp), signature }, { now: () => timestamp });
    // A fresh module has its own error classes: match the code, not the class.
    await expect(first).rejects.toMatchObject({ code: 'ERR_INVALID_CREDENTIALS', field: 'clientId' });
  });

  it('checks the credentials on every call, whatever it accepted before', async () => {
    await expect(verify({})).resolves.toBeUndefined();
    await expect(verify({ authKey: 'secret-auth-key\n' })).rejects.toThrowError(InvalidCredentialsError);
    await expect(verify({ clientId: ' client-1' })).rejects.toThrowError(InvalidCredentialsError);
    await expect(verify({})).resolves.toBeUndefined();
    await expect(verify({ clientId: '' })).rejects.toMatchObject({ code: 'ERR_INVALID_CREDENTIALS', field: 'clientId' });
  });

  it('turns a non-object input into a rejection, never a synchronous throw', async () => {
    let pending: Promise<void> | undefined;
    expect(() => {
      pending = verifyVidauSignature(null as never, { now: () => timestamp });
    }).not.toThrow();
    await expect(pending).rejects.toThrowError(InvalidCredentialsError);
  });
});

describe('verifyVidauSignatureSync', () => {
  const signature = independent('secret-auth-key', `client-1${body}1723515690000`);
  const genuine = { ...credentials, body, timestamp: String(timestamp), signature };

  it('answers before it returns: undefined for a genuine request, a thrown typed error for any other', () => {
    expect(nodeOnly.verifyVidauSignatureSync(genuine, { now: () => timestamp })).toBeUndefined();
    expect(() => nodeOnly.verifyVidauSignatureSync({ ...genuine, body: body.replace('7', '8') }, { now: () => timestamp })).toThrowError(
      SignatureMismatchError,
    );
    expect(() => nodeOnly.verifyVidauSignatureSync({ ...genuine, signature: null }, { now: () => timestamp })).toThrowError(
      SignatureMissingError,
    );
    expect(() => nodeOnly.verifyVidauSignatureSync(genuine, { now: () => timestamp + 5 * 60 * 1000 + 1 })).toThrowError(
      TimestampOutOfWindowError,
    );
  });

  it('has the replay guard admit a genuine request before it returns', () => {
    const replayGuard = createReplayGuard();
    nodeOnly.verifyVidauSignatureSync(genuine, { replayGuard, now: () => timestamp });
    expect(replayGuard.size).toBe(1);
    expect(() => nodeOnly.verifyVidauSignatureSync(genuine, { replayGuard, now: () => timestamp })).toThrowError(ReplayedRequestError);
  });
});

describe('the JVM default charset (charset option)', () => {
  // What the vendor's SignatureUtil signs on such a JVM, worked out by hand: '?' for each character the charset cannot hold.
  const input = { clientId: 'clïent', authKey: 'kéy', body: '{"t":"é😀\u0080"}', timestamp };
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const byHand = {
    'UTF-8': createHmac('sha256', Buffer.from('kéy', 'utf8'))
      .update(Buffer.from(`clïent{"t":"é😀\u0080"}1723515690000`, 'utf8'))
      .digest('base64'),
    'US-ASCII': createHmac('sha256', latin1('k?y')).update(latin1('cl?ent{"t":"???"}1723515690000')).digest('base64'),
    'ISO-8859-1': createHmac('sha256', latin1('kéy')).update(latin1('clïent{"t":"é?\u0080"}1723515690000')).digest('base64'),
  } as const;

  it.each(Object.entries(byHand))('signs the bytes a %s JVM signs, on every path', async (charset, expected) => {
    const options = { charset: charset as keyof typeof byHand };
    expect(await signVidau(input, options)).toBe(expected);
    expect(signVidauSync(input, options)).toBe(expected);
    expect(await nodeEntry.signVidau(input, options)).toBe(expected);
    expect((await vidauHeaders(input, options)).Authorization).toBe(expected);
    const received = { ...input, timestamp: String(timestamp), signature: expected };
    for (const [, verify] of verifiers) await expect(verify(received, { ...options, now: () => timestamp })).resolves.toBeUndefined();
  });

  it('a signature made under one charset does not verify under another when the request is not ASCII', async () => {
    const received = { ...input, timestamp: String(timestamp), signature: byHand['US-ASCII'] };
    for (const [, verify] of verifiers) {
      await expect(verify(received, { now: () => timestamp })).rejects.toThrowError(SignatureMismatchError);
      await expect(verify(received, { charset: 'ISO-8859-1', now: () => timestamp })).rejects.toThrowError(SignatureMismatchError);
      await expect(verify(received, { charset: 'latin1' as 'UTF-8', now: () => timestamp })).rejects.toMatchObject({
        code: 'ERR_INVALID_REQUEST',
        field: 'charset',
      });
    }
  });

  it('hands the HMAC the encoded bytes, so a custom hmac signs exactly them', async () => {
    const seen: string[] = [];
    await signVidau(input, {
      charset: 'US-ASCII',
      hmac: (key, message) => {
        seen.push(Buffer.from(key).toString('latin1'), Buffer.from(message).toString('latin1'));
        return 'sig';
      },
    });
    expect(seen).toEqual(['k?y', 'cl?ent{"t":"???"}1723515690000']);
  });

  it('refuses an unknown charset before signing', async () => {
    await expect(signVidau(input, { charset: 'latin1' as 'UTF-8' })).rejects.toMatchObject({
      code: 'ERR_INVALID_REQUEST',
      field: 'charset',
    });
  });
});

describe.each(verifiers)('verifyVidauSignature fails closed (%s)', (_path, verifyVidauSignature) => {
  const signature = independent('secret-auth-key', `client-1${body}1723515690000`);
  const genuine = { ...credentials, body, timestamp: String(timestamp), signature };

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '300000' as unknown as number])(
    'refuses every request, genuine or not, when toleranceMs is %s',
    async (toleranceMs) => {
      await expect(verifyVidauSignature(genuine, { toleranceMs, now: () => timestamp })).rejects.toMatchObject({
        code: 'ERR_INVALID_WINDOW',
        option: 'toleranceMs',
      });
      await expect(verifyVidauSignature(genuine, { toleranceMs, now: () => timestamp })).rejects.toBeInstanceOf(InvalidWindowError);
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, undefined, '1723515690000'])(
    'refuses every request when the clock returns %s',
    async (time) => {
      await expect(verifyVidauSignature(genuine, { now: () => time as number })).rejects.toMatchObject({
        code: 'ERR_INVALID_WINDOW',
        option: 'now',
      });
    },
  );

  it('accepts a zero window only at the exact millisecond', async () => {
    await expect(verifyVidauSignature(genuine, { toleranceMs: 0, now: () => timestamp })).resolves.toBeUndefined();
    await expect(verifyVidauSignature(genuine, { toleranceMs: 0, now: () => timestamp + 1 })).rejects.toThrowError(
      TimestampOutOfWindowError,
    );
  });
});
