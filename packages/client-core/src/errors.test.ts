import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  SignetError,
  UnprocessableEntityError,
} from './errors.js';

describe('ApiError.from', () => {
  it.each([
    [401, AuthenticationError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [503, InternalServerError],
    [418, ApiError],
  ])('maps %i to %o', (status, Subclass) => {
    const error = ApiError.from({ status, headers: new Headers(), body: undefined });
    expect(error).toBeInstanceOf(Subclass);
    expect(error).toBeInstanceOf(SignetError);
    expect(error).toMatchObject({ code: 'ERR_API', status });
  });

  it("reads the vendor's reason and request id", () => {
    const fastApi = ApiError.from({
      status: 422,
      headers: new Headers({ 'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/1;o=1' }),
      body: { detail: [{ loc: ['body', 'uploaded_image_id'], msg: 'Field required', type: 'missing' }] },
    });
    expect(fastApi.message).toBe('422 body.uploaded_image_id: Field required');
    expect(fastApi.requestId).toBe('105445aa7843bc8bf206b12000100000');
    const plain = ApiError.from({
      status: 400,
      headers: new Headers({ 'x-request-id': 'req-1' }),
      body: { detail: 'Input image was not found' },
    });
    expect(plain.message).toBe('400 Input image was not found');
    expect(plain.requestId).toBe('req-1');
    expect(ApiError.from({ status: 403, headers: new Headers(), body: '' }).message).toBe('403 Forbidden');
  });
});

describe('SignetError', () => {
  it('is the base of the client errors, each with its code on the class and the instance', () => {
    const error = new InvalidRequestError('field', 'bad', { cause: new Error('why') });
    expect(error).toBeInstanceOf(SignetError);
    expect(error.name).toBe('InvalidRequestError');
    expect(error.code).toBe(InvalidRequestError.code);
    expect(error.cause).toEqual(new Error('why'));
  });
});
