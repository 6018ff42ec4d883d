import { bearerAuth, issueAiutaJwt, verifyAiutaJwt } from '@signet/auth';
import { describe, expect, it } from 'vitest';
import { flatLay, imageType, server, tryOn, withKey } from '../client.test-support.js';
import { apiErrorBody, createAiutaUnifiedClient, errors, TryOnOperationNotFoundError } from '../index.js';

const { AbortedError, ApiResponseError, BadRequestError, NotFoundError, PollTimeoutError } = errors;

describe('tryOnOperations', () => {
  const secret = 'jwt-secret';
  const app = (io: ReturnType<typeof server>) =>
    createAiutaUnifiedClient({
      auth: bearerAuth({
        getToken: () => issueAiutaJwt({ secret, issuer: 'iss-1', claims: { uploaded_image_id: 'user_image-1' }, expiresInSeconds: 60 }),
      }),
      fetch: io.fetch,
    });

  it('starts a try-on with a bearer JWT and a JSON body', async () => {
    const io = server([Response.json({ operation_id: 'op-1' })]);
    expect(await app(io).tryOnOperations.create({ uploaded_image_id: 'user_image-1', sku_id: 'sku-1' })).toEqual({ operation_id: 'op-1' });
    const token = io.sent[0]?.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    await expect(verifyAiutaJwt(token, { secret, issuer: 'iss-1' })).resolves.toMatchObject({ uploaded_image_id: 'user_image-1' });
    expect(io.sent[0]?.body).toBe('{"uploaded_image_id":"user_image-1","sku_id":"sku-1"}');
  });

  it('turns the null body of an unknown operation into TryOnOperationNotFoundError, a NotFoundError', async () => {
    const io = server([Response.json(null)]);
    const error = await withKey(io)
      .tryOnOperations.get('op-gone')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TryOnOperationNotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ operationId: 'op-gone', status: 200, code: 'ERR_API' });
    expect((error as Error).message).toBe('try-on operation op-gone not found (the API answered 200 with a null body)');
  });

  it('reports an empty 200 as ApiResponseError', async () => {
    const io = server([new Response('', { status: 200 })]);
    await expect(withKey(io).tryOnOperations.get('op-1')).rejects.toBeInstanceOf(ApiResponseError);
  });

  it.each(['SUCCESS', 'FAILED', 'CANCELLED', 'ABORTED', 'SOME_NEW_STATUS'])(
    'waits through CREATED, IN_PROGRESS and PAUSED to %s',
    async (last) => {
      const statuses = ['CREATED', 'IN_PROGRESS', 'PAUSED', last];
      let reads = 0;
      const io = server([], () => Response.json(tryOn(statuses[reads++] ?? 'SUCCESS')));
      const seen: string[] = [];
      const final = await withKey(io).tryOnOperations.waitFor('op-1', { intervalMs: () => 0, onProgress: (op) => seen.push(op.status) });
      expect(final.status).toBe(last);
      expect(seen).toEqual(statuses);
      expect(io.lines).toEqual(Array(4).fill('GET /v1/sku_try_on_operations/op-1'));
    },
  );

  it('stops waiting on the signal, on the deadline, and on an operation the API does not know', async () => {
    const running = () => server([], () => Response.json(tryOn('IN_PROGRESS')));
    const controller = new AbortController();
    const aborted = withKey(running()).tryOnOperations.waitFor('op-1', {
      signal: controller.signal,
      intervalMs: () => 0,
      onProgress: () => controller.abort(),
    });
    await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    let clock = 0;
    const late = withKey(running()).tryOnOperations.waitFor('op-1', {
      timeoutMs: 1000,
      intervalMs: () => 600,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    await expect(late).rejects.toSatisfy((e) => e instanceof PollTimeoutError && (e.last as { status: string }).status === 'IN_PROGRESS');
    const gone = server([Response.json(tryOn('CREATED'))], () => Response.json(null));
    await expect(withKey(gone).tryOnOperations.waitFor('op-1', { intervalMs: () => 0 })).rejects.toBeInstanceOf(
      TryOnOperationNotFoundError,
    );
  });

  it("reports the service's 400 detail as BadRequestError", async () => {
    const io = server([Response.json({ detail: 'Input image was not found' }, { status: 400 })]);
    await expect(withKey(io).tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: ['a'] })).rejects.toSatisfy(
      (error) =>
        error instanceof BadRequestError &&
        error.message === 'POST /v1/sku_try_on_operations: 400 Input image was not found' &&
        apiErrorBody(error) === undefined,
    );
  });
});

describe('flatLayOperations', () => {
  it.each(['SUCCESS', 'FAILED', 'CANCELLED', 'ABORTED', 'SOME_NEW_STATUS'])('waits through the running states to %s', async (last) => {
    const statuses = ['CREATED', 'IN_PROGRESS', 'PAUSED', last];
    let reads = 0;
    const io = server([], () => Response.json(flatLay(statuses[reads++] ?? 'SUCCESS')));
    const seen: string[] = [];
    const final = await withKey(io).flatLayOperations.waitFor('flatlay_op-1', {
      intervalMs: () => 0,
      onProgress: (op) => seen.push(op.status),
    });
    expect(final.status).toBe(last);
    expect(seen).toEqual(statuses);
  });

  it('starts a flat-lay from inline product info', async () => {
    const io = server([Response.json({ operation_id: 'flatlay_op-1' }, { status: 201 })]);
    const request = {
      product_info: { uploaded_image_ids: ['user_image-1'], title: 'Dress' },
      image_type: imageType,
      background_settings: { background_type: 'reference_color' as const, reference_color: '#80ff00' },
    };
    expect(await withKey(io).flatLayOperations.create(request)).toEqual({ operation_id: 'flatlay_op-1' });
    expect(JSON.parse(io.sent[0]?.body ?? '')).toEqual(request);
  });
});
