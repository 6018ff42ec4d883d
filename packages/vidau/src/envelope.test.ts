import { ApiError, AuthenticationError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { unwrapEnvelope } from './envelope.js';

const ok = new Response(null, { status: 200, headers: { 'x-request-id': 'req-1' } });

describe('unwrapEnvelope', () => {
  it('passes a bare object through', () => {
    const task = { task_id: 't-1', task_status: 0, code: 'not-an-envelope', data: 1 };
    expect(unwrapEnvelope(task, ok)).toBe(task);
  });

  it('returns the data of a successful envelope, code as number or string', () => {
    expect(unwrapEnvelope({ code: 0, msg: 'ok', data: { task_id: 't-1' } }, ok)).toEqual({ task_id: 't-1' });
    expect(unwrapEnvelope({ code: '200', data: { status: '1' } }, ok)).toEqual({ status: '1' });
  });

  it('turns a failure code into the ApiError of that status, keeping the envelope', () => {
    const failure = (() => {
      try {
        return unwrapEnvelope({ code: 401, msg: 'sign error', data: null }, ok);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ status: 401, reason: 'sign error', requestId: 'req-1' });
  });

  it('keeps the HTTP status for a business code that is not one', () => {
    expect(() => unwrapEnvelope({ code: 10001, msg: 'avatar not found', data: null }, ok)).toThrowError(ApiError);
    try {
      unwrapEnvelope({ code: 10001, msg: 'avatar not found', data: null }, ok);
    } catch (error) {
      expect(error).toMatchObject({ status: 200, body: { code: 10001 } });
    }
  });
});
