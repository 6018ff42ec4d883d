import { describe, expect, it } from 'vitest';
import {
  ApiConnectionError,
  ApiError,
  ApiRedirectError,
  ApiResponseTooLargeError,
  ApiTimeoutError,
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

describe('ApiError message', () => {
  it("names method, path, status and the server's own detail, never the query", () => {
    const vidau = ApiError.from({
      status: 400,
      headers: new Headers(),
      body: { code: 400, msg: 'params.avatar_id must be integer' },
      method: 'post',
      url: 'https://vidau.test/openapi/v1.0/avatar/video/create?sig=sk-secret-value#frag',
    });
    expect(vidau.message).toBe('POST /openapi/v1.0/avatar/video/create: 400 params.avatar_id must be integer');
    expect(vidau).toMatchObject({ method: 'POST', path: '/openapi/v1.0/avatar/video/create', reason: 'params.avatar_id must be integer' });
    const nested = ApiError.from({
      status: 500,
      headers: new Headers(),
      body: { error: { message: 'upstream down' } },
      method: 'GET',
      url: '/v1/x',
    });
    expect(nested.message).toBe('GET /v1/x: 500 upstream down');
    const withCredentials = ApiError.from({
      status: 401,
      headers: new Headers(),
      body: '',
      method: 'GET',
      url: 'https://user:pw@h.test/a?k=v',
    });
    expect(withCredentials.message).toBe('GET /a: 401 Unauthorized');
  });
});

describe('transport errors', () => {
  it('name the host, and a redirect error its target origin only', () => {
    expect(new ApiConnectionError('no HTTP response from api.test', { host: 'api.test' })).toMatchObject({
      code: 'ERR_API_CONNECTION',
      host: 'api.test',
    });
    expect(new ApiTimeoutError(300, { host: 'api.test' }).message).toBe('no complete response from api.test within 300 ms');
    expect(new ApiTimeoutError(300).message).toBe('no response within 300 ms');
    const redirect = new ApiRedirectError('cross-origin', 302, 'https://evil.test', 'from https://api.test to https://evil.test');
    expect(redirect).toMatchObject({ code: ApiRedirectError.code, reason: 'cross-origin', status: 302, targetOrigin: 'https://evil.test' });
    expect(redirect).toBeInstanceOf(SignetError);
    const tooLarge = new ApiResponseTooLargeError(1024, 200, 'api.test');
    expect(tooLarge).toMatchObject({ code: 'ERR_API_RESPONSE_TOO_LARGE', limit: 1024, status: 200 });
    expect(tooLarge.message).toContain('maxResponseBytes');
  });
});

describe('ApiError reason', () => {
  const reasonOf = (body: unknown, secrets?: string[]) => ApiError.from({ status: 400, headers: new Headers(), body, secrets });

  it("carries the server's detail with its list of problems, as VidAU and FastAPI send them", () => {
    const vidau = reasonOf({
      code: 400,
      msg: 'invalid request',
      details: [{ loc: ['params', 'text'], msg: 'too long' }, 'avatar_id missing'],
    });
    expect(vidau.reason).toBe('invalid request: params.text: too long; avatar_id missing');
    expect(vidau.message).toBe('400 invalid request: params.text: too long; avatar_id missing');
  });

  it('replaces control and format characters, so a body cannot forge log lines or reorder text', () => {
    const error = reasonOf({ detail: 'bad\r\n[signet] 200 OK\u001b[31m\u202eevil' });
    expect(error.reason).toBe('bad [signet] 200 OK [31m evil');
  });

  it('redacts a credential the server echoes back, longest first', () => {
    const error = reasonOf({ message: 'key sk-live-ABCDEF1234 is not valid (prefix sk-live)' }, ['sk-live', 'sk-live-ABCDEF1234']);
    expect(error.message).toBe('400 key [redacted] is not valid (prefix [redacted])');
  });

  it('is at most 300 characters, while the body stays whole', () => {
    const long = 'x'.repeat(5000);
    const error = reasonOf(long);
    expect(error.reason).toHaveLength(300);
    expect(error.reason?.endsWith('…')).toBe(true);
    expect(error.body).toBe(long);
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
