import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { ExchangeLog, type LoggedRequest, matches } from './request-log.js';

const SECRET = 'the-mock-secret-key';

function exchange(n: number, init: { headers?: Record<string, string>; body?: string; target?: string } = {}): Exchange {
  const made = new Exchange(
    'toy',
    n % 2 === 0 ? 'getNote' : 'addNote',
    n % 2 === 0 ? 'GET' : 'POST',
    `/api/notes/${n}`,
    init.target ?? `http://mock.test/api/notes/${n}`,
    new Headers(init.headers),
    1_000 + n,
  );
  if (init.body !== undefined) {
    made.raw = new TextEncoder().encode(init.body);
    made.bodySize = made.raw.byteLength;
  }
  made.status = 200;
  return made;
}

const logWith = (max: number, maxBytes = 1 << 20) => new ExchangeLog(max, maxBytes, [SECRET]);

describe('the request log', () => {
  it('keeps the newest requests up to its size, oldest first', () => {
    const log = logWith(3);
    for (let n = 1; n <= 5; n++) log.add(exchange(n));
    expect(log.list().map((r) => r.path)).toEqual(['/api/notes/3', '/api/notes/4', '/api/notes/5']);
    log.clear();
    expect(log.list()).toEqual([]);
    log.add(exchange(6));
    expect(log.list().map((r) => r.time)).toEqual([1_006]);
    const none = logWith(0);
    none.add(exchange(1));
    expect(none.list()).toEqual([]);
  });

  it('drops the oldest requests once their bodies pass the byte budget', () => {
    const log = logWith(100, 10);
    for (let n = 1; n <= 4; n++) {
      const made = exchange(n, { body: '{"a":1}' }); // 7 bytes each
      log.add(made);
      log.settle(made);
    }
    expect(log.list().map((r) => r.path)).toEqual(['/api/notes/4']);
  });

  it('counts no body for a request whose slot a newer one took while it was still being answered', () => {
    const log = logWith(2, 10);
    const slow = exchange(1, { body: '{"a":1}' });
    log.add(slow);
    for (let n = 2; n <= 3; n++) log.add(exchange(n));
    log.settle(slow); // 7 bytes, but no longer in the log
    const next = exchange(4, { body: '{"b":2}' });
    log.add(next);
    log.settle(next);
    expect(log.list().map((r) => r.path)).toEqual(['/api/notes/3', '/api/notes/4']);
  });

  it('redacts credentials by header name, by query name and by value, and decodes bodies it never parsed', () => {
    const log = logWith(10);
    log.add(
      exchange(1, {
        headers: {
          Authorization: 'Bearer abc.def.ghi',
          'x-api-key': 'k',
          'X-Auth-Key': 'k',
          cookie: 'session=1',
          'x-client-id': 'client',
          'x-user-id': SECRET,
          'x-forwarded-for': `proxy ${SECRET}`,
          'content-type': 'application/json',
          timestamp: '1700000000000',
        },
        body: '{"text":"hi"}',
        target: 'http://mock.test/api/notes/1?api_key=abc&page=2',
      }),
    );
    log.add(exchange(2, { body: 'plain text' }));
    const [first, second] = log.list() as [LoggedRequest, LoggedRequest];
    expect(first.headers).toEqual({
      authorization: '[redacted]',
      'x-api-key': '[redacted]',
      'x-auth-key': '[redacted]',
      cookie: '[redacted]',
      'x-client-id': '[redacted]',
      'x-user-id': '[redacted]',
      'x-forwarded-for': '[redacted]',
      'content-type': 'application/json',
      timestamp: '1700000000000',
    });
    expect(first.query).toEqual({ api_key: '[redacted]', page: '2' });
    expect(first.body).toEqual({ text: 'hi' });
    expect(second.body).toBe('plain text');
  });

  it('shows the body the handler got, files as name, type and size', () => {
    const log = logWith(10);
    const made = exchange(1);
    made.parsed = { body: { image_data: new File([new Uint8Array(5)], 'a.png', { type: 'image/png' }), note: 'x' } };
    log.add(made);
    expect(log.list()[0]?.body).toEqual({ image_data: { name: 'a.png', type: 'image/png', size: 5 }, note: 'x' });
  });

  it('matches by field, path pattern, header, a subset of the body and a predicate', () => {
    const request: LoggedRequest = {
      api: 'toy',
      operationId: 'addNote',
      method: 'POST',
      path: '/api/notes',
      query: {},
      time: 1,
      headers: { 'content-type': 'application/json' },
      body: { text: 'hello', tags: ['a', 'b'], meta: { n: 1 } },
      auth: 'passed',
      status: 201,
      answeredBy: undefined,
    };
    expect(matches({ api: 'toy', operationId: 'addNote', method: 'post', status: 201, auth: 'passed' }, request)).toBe(true);
    expect(matches({ path: /^\/api\// }, request)).toBe(true);
    expect(matches({ headers: { 'Content-Type': /json/ } }, request)).toBe(true);
    expect(matches({ body: { text: /^hel/, meta: {} } }, request)).toBe(true);
    expect(matches({ body: { tags: ['a'] } }, request)).toBe(false);
    expect(matches({ body: { text: 'other' } }, request)).toBe(false);
    expect(matches({ headers: { accept: 'x' } }, request)).toBe(false);
    expect(matches({ auth: 'refused' }, request)).toBe(false);
    expect(matches({ where: (r) => r.status === 500 }, request)).toBe(false);
  });

  it('expect returns the matches, or throws an error that lists what was received', () => {
    const log = logWith(20);
    for (let n = 1; n <= 12; n++) log.add(exchange(n));
    expect(log.expect({ operationId: 'addNote' }, 6)).toHaveLength(6);
    expect(log.expect({ operationId: 'getNote' }, { min: 1, max: 6 })).toHaveLength(6);
    expect(log.expect({ path: '/api/notes/3' })).toHaveLength(1);
    expect(() => log.expect({ operationId: 'addNote' }, 1)).toThrowError(
      /^expected 1 request matching \{"operationId":"addNote"\}, received 6:\n {2}POST \/api\/notes\/1 → 200 \(toy addNote\)/,
    );
    const none = (() => {
      try {
        log.expect({ operationId: 'deleteNote', where: () => true });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(none?.name).toBe('AssertionError');
    expect(none?.message).toMatch(
      /^expected at least 1 requests? matching \{"operationId":"deleteNote","where":"\(predicate\)"\}, received none; the last 10 of 12 logged:/,
    );
    expect(none?.message.split('\n')).toHaveLength(11);
    expect(log.expect({ operationId: 'deleteNote' }, 0)).toEqual([]);
  });
});
