import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { InvalidRequestError } from './errors.js';
import { numberOption } from './option.js';
import { poll } from './poll.js';

describe('numberOption', () => {
  it('gives the fallback for undefined, and the value inside the bounds', () => {
    expect(numberOption('limit', undefined, 7)).toBe(7);
    expect(numberOption('limit', 0, 7)).toBe(0);
    expect(numberOption('limit', 5, 7, { min: 1, max: 5 })).toBe(5);
    expect(numberOption('seconds', 0.5, 7, { fractional: true })).toBe(0.5);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 1.5, '5', null, 5n, {}, Number.MAX_SAFE_INTEGER + 2])(
    'refuses %s with an InvalidRequestError naming the option, not its value',
    (value) => {
      let failure: unknown;
      try {
        numberOption('maxBodyBytes', value, 1);
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(InvalidRequestError);
      expect(failure).toMatchObject({
        code: 'ERR_INVALID_REQUEST',
        field: 'maxBodyBytes',
        message: 'maxBodyBytes: must be a whole number of at least 0',
      });
    },
  );

  it('names the bounds it checks', () => {
    expect(() => numberOption('port', 70_000, 0, { max: 65_535 })).toThrowError('port: must be a whole number from 0 to 65535');
    expect(() => numberOption('ratio', 2, 0, { max: 1, fractional: true })).toThrowError('ratio: must be a number from 0 to 1');
    expect(() => numberOption('limit', 0, 1, { min: 1 })).toThrowError('limit: must be a whole number of at least 1');
  });
});

describe('every numeric option of the client, its calls and poll', () => {
  const BAD = [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, '3'] as const;
  const fetch = async () => Response.json({ ok: true });
  const client = (options: object) => createApiClient<never>({ baseUrl: 'https://api.test', fetch, ...options });

  it.each(['maxRetries', 'timeoutMs', 'maxResponseBytes'].flatMap((name) => BAD.map((value) => [name, String(value), value] as const)))(
    'createApiClient refuses %s %s when it is made',
    (name, _shown, value) => {
      expect(() => client({ [name]: value })).toThrowError(expect.objectContaining({ code: 'ERR_INVALID_REQUEST', field: name }));
    },
  );

  it.each(['maxRetries', 'timeoutMs'].flatMap((name) => BAD.map((value) => [name, String(value), value] as const)))(
    'a call refuses %s %s before sending',
    async (name, _shown, value) => {
      const api = client({});
      const call = api.call({ [name]: value }, (init) => api.raw.GET('/x' as never, init as never));
      await expect(call).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field: name });
    },
  );

  it.each(BAD.map((value) => [String(value), value] as const))(
    'poll refuses timeoutMs %s at once, not waiting for ever',
    async (_shown, value) => {
      let reads = 0;
      const polling = poll(
        async () => ++reads,
        () => false,
        { timeoutMs: value as number, sleep: async () => undefined },
      );
      await expect(polling).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'timeoutMs' });
      expect(reads).toBe(0);
    },
  );

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])(
    'poll refuses a delay of %s from intervalMs, not reading back to back',
    async (delay) => {
      let reads = 0;
      const polling = poll(
        async () => ++reads,
        () => false,
        { intervalMs: () => delay, sleep: async () => undefined },
      );
      await expect(polling).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'intervalMs' });
      expect(reads).toBe(1);
    },
  );
});
