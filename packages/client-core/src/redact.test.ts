import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiConnectionError, InvalidRequestError } from './errors.js';
import { requestConstructionError, scrub, secretsOf } from './redact.js';
import { createTransport } from './transport.js';
import { SECRET, scripted } from './transport.test-support.js';

describe('no secret in any error', () => {
  const withSecret = () =>
    new Request(`https://api.test/jobs?token=${SECRET}-query`, { method: 'POST', body: '{}', headers: { 'x-api-key': SECRET } });

  it('maps an invalid header value to InvalidRequestError naming no value, with no cause', async () => {
    const io = scripted([new Response('{}')]);
    const transport = createTransport({
      fetch: io.fetch,
      sign: () => ({ headers: { authorization: `${SECRET}\nX-Injected: 1` } }),
    });
    const failure = await transport.send(withSecret(), { retry: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidRequestError);
    expect(failure).toMatchObject({ field: 'headers' });
    expect((failure as Error).cause).toBeUndefined();
    expect(inspect(failure, { depth: 10 })).not.toContain(SECRET);
    expect(io.seen).toHaveLength(0);
  });

  it("keeps a network failure's cause, with every header value and the query redacted", async () => {
    const inner = Object.assign(new Error(`socket to api.test sent x-api-key: ${SECRET}; GET /jobs?token=${SECRET}-query`), {
      code: 'ECONNRESET',
      headers: { 'x-api-key': SECRET },
    });
    const io = scripted([new TypeError('fetch failed', { cause: new AggregateError([inner], `all attempts failed (${SECRET})`) })]);
    const failure = await createTransport({ fetch: io.fetch })
      .send(withSecret(), { retry: false })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiConnectionError);
    expect((failure as Error).message).toBe('no HTTP response from api.test');
    const shown = inspect(failure, { depth: 10 });
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain('ECONNRESET');
    expect(((failure as Error).cause as Error).name).toBe('TypeError');
  });

  it('requestConstructionError recognises what undici throws for a bad header or URL, and nothing else', () => {
    const thrown = (build: () => unknown) => {
      try {
        build();
      } catch (error) {
        return error;
      }
      throw new Error('nothing thrown');
    };
    const badValue = thrown(() => new Headers().set('x-api-key', `${SECRET}\r\nX-Injected: 1`));
    const wideValue = thrown(() => new Request('https://api.test', { headers: { 'x-api-key': `${SECRET}€` } }));
    const badName = thrown(() => new Headers({ 'x api key': SECRET }));
    const credentials = thrown(() => new Request(`https://user:${SECRET}@api.test/`));
    for (const error of [badValue, wideValue, badName]) {
      expect(requestConstructionError(error)).toMatchObject({ field: 'headers' });
      expect(requestConstructionError(error)?.cause).toBeUndefined();
    }
    expect(requestConstructionError(credentials)).toMatchObject({ field: 'url' });
    for (const error of [badValue, wideValue, badName, credentials]) expect(inspect(requestConstructionError(error))).not.toContain(SECRET);
    expect(requestConstructionError(new TypeError('fetch failed'))).toBeUndefined();
    expect(requestConstructionError(new Error('invalid header value'))).toBeUndefined();
  });
});

describe('scrub', () => {
  it('copies name, message, stack, system fields and causes, with every secret redacted and nothing else', () => {
    const secrets = secretsOf([
      {
        url: new URL(`https://user:${SECRET}@api.test/?token=${SECRET}-q`),
        headers: new Headers({ authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }),
      },
    ]);
    const inner = Object.assign(new Error(`inner ${SECRET}`), {
      code: `E_${SECRET}`,
      errno: -104,
      request: { headers: { authorization: SECRET } },
    });
    const copy = scrub(new TypeError(`outer ${SECRET}-q`, { cause: inner }), secrets);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('outer [redacted]');
    expect(copy.cause).toMatchObject({ message: 'inner [redacted]', code: 'E_[redacted]', errno: -104 });
    expect(Object.keys(copy.cause as object)).not.toContain('request');
    expect(inspect(copy, { depth: 10 })).not.toContain(SECRET);
    expect(secrets).not.toContain('application/json');
  });

  it('stands in for a thrown value that is not an Error, naming only its type', () => {
    expect(scrub(SECRET, [SECRET]).message).toBe('a non-Error value was thrown (string)');
  });
});
