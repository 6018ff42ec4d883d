// Every numeric option of the mock, in each way of running it, is checked when it starts: NaN,
// ±Infinity, a negative or fractional value, or a string is an InvalidRequestError naming the
// option, never an unlimited body, an unbounded store or a fault that never runs out.
import { InvalidRequestError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { createMockFetch, type MockOptions, startMockServer } from './index.js';
import { createMswHandlers } from './msw.js';

const BAD = [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, '10'] as const;

/** Each option, by the name the error gives it, with the options that set it to `value`. */
const OPTIONS: readonly [string, (value: never) => MockOptions][] = [
  ['maxBodyBytes', (value) => ({ maxBodyBytes: value })],
  ['limits.bytes', (value) => ({ limits: { bytes: value } })],
  ['limits.records', (value) => ({ limits: { records: value } })],
  ['limits.files', (value) => ({ limits: { files: value } })],
  ['limits.fileBytes', (value) => ({ limits: { fileBytes: value } })],
  ['limits.webhooks', (value) => ({ limits: { webhooks: value } })],
  ['tryOn.queuedMs', (value) => ({ tryOn: { queuedMs: value } })],
  ['tryOn.runningMs', (value) => ({ tryOn: { runningMs: value } })],
  ['flatLay.queuedMs', (value) => ({ flatLay: { queuedMs: value } })],
  ['flatLay.runningMs', (value) => ({ flatLay: { runningMs: value } })],
  ['skuReadiness.preparingMs', (value) => ({ skuReadiness: { preparingMs: value } })],
  ['video.renderMs', (value) => ({ video: { renderMs: value } })],
  ['toleranceMs', (value) => ({ toleranceMs: value })],
  ['times', (value) => ({ faults: [{ api: 'vidau', status: 503, times: value }] })],
];

// A fault's `times: Infinity` is its documented "unlimited" (hits paced by `rate`), so only that one is let through.
const CASES = OPTIONS.flatMap(([name, options]) =>
  BAD.filter((value) => !(name === 'times' && value === Number.POSITIVE_INFINITY)).map(
    (value) => [name, String(value), options(value as never)] as const,
  ),
);

function failureOf(start: () => unknown): unknown {
  try {
    (start() as { close?: () => void }).close?.();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the mock refuses a bad numeric option when it starts', () => {
  it.each(CASES)('%s: %s, in process and as MSW handlers', (name, _shown, options) => {
    for (const start of [() => createMockFetch(options), () => createMswHandlers(options)]) {
      const failure = failureOf(start);
      expect(failure).toBeInstanceOf(InvalidRequestError);
      expect(failure).toMatchObject({ field: name });
    }
  });

  it.each([...CASES, ...BAD.map((value) => ['port', String(value), { port: value as number }] as const)])(
    '%s: %s, on node:http',
    async (name, _shown, options) => {
      await expect(startMockServer(options)).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field: name });
    },
  );

  it.each([Number.NaN, 0, 1000, '503'])('refuses an injected fault with status %s', (status) => {
    const mock = createMockFetch();
    expect(() => mock.injectFault({ api: 'vidau', status: status as number })).toThrowError(InvalidRequestError);
    mock.close();
  });
});
