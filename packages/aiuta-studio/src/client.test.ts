import { describe, expect, it } from 'vitest';
import { FLAT_FRONT, flatLay, PRODUCT, retryNow, STANDING_FRONT, server, withKey } from './client.test-support.js';
import { AIUTA_STUDIO_BASE_URL, type AiutaStudioOperations, createAiutaStudioClient, errors } from './index.js';

/** Every operation of the spec: one more there fails to compile here until it has a case below. */
const OPERATIONS: Record<keyof AiutaStudioOperations, true> = {
  createUploadedImage: true,
  getUploadedImage: true,
  deleteUploadedImage: true,
  deleteGeneratedImage: true,
  createFlatLayOperation: true,
  getFlatLayOperation: true,
  listOnFigureModelPresets: true,
  createOnFigureOperation: true,
  regenerateOnFigureOperation: true,
  getOnFigureOperation: true,
};

describe('every operation', () => {
  type Case = [keyof AiutaStudioOperations, (c: ReturnType<typeof withKey>) => Promise<unknown>, Response, string, unknown];
  const json = (value: unknown) => Response.json(value);
  const none = () => new Response(null, { status: 204 });
  const started = { operation_id: 'op-1' };
  const cases: Case[] = [
    [
      'createUploadedImage',
      (c) => c.uploadedImages.create(new Uint8Array([0xff, 0xd8, 0xff, 1])),
      json({}),
      'POST /studio/v1/uploaded_images',
      undefined,
    ],
    ['getUploadedImage', (c) => c.uploadedImages.get('user_image-1'), json({}), 'GET /studio/v1/uploaded_images/user_image-1', undefined],
    [
      'deleteUploadedImage',
      (c) => c.uploadedImages.delete('user_image-1'),
      none(),
      'DELETE /studio/v1/uploaded_images/user_image-1',
      undefined,
    ],
    ['deleteGeneratedImage', (c) => c.generatedImages.delete('gen/1'), none(), 'DELETE /studio/v1/generated_images/gen%2F1', undefined],
    [
      'createFlatLayOperation',
      (c) => c.flatLayOperations.create({ product_info: PRODUCT, image_types: [FLAT_FRONT] }),
      json(started),
      'POST /studio/v1/flat_lay_operations',
      { product_info: PRODUCT, image_types: [FLAT_FRONT] },
    ],
    [
      'getFlatLayOperation',
      (c) => c.flatLayOperations.get('flatlay_op-1'),
      json({}),
      'GET /studio/v1/flat_lay_operations/flatlay_op-1',
      undefined,
    ],
    ['listOnFigureModelPresets', (c) => c.onFigureModelPresets.list(), json([]), 'GET /studio/v1/on_figure_model_presets', undefined],
    [
      'createOnFigureOperation',
      (c) => c.onFigureOperations.create({ product_info: PRODUCT, image_types: [STANDING_FRONT], on_figure_model_preset_id: 'p-1' }),
      json(started),
      'POST /studio/v1/on_figure_operations',
      { product_info: PRODUCT, image_types: [STANDING_FRONT], on_figure_model_preset_id: 'p-1' },
    ],
    [
      'regenerateOnFigureOperation',
      (c) => c.onFigureOperations.regenerate('onfigure_op-1', { image_types: [STANDING_FRONT], number_of_generations: 2 }),
      json(started),
      'POST /studio/v1/on_figure_operations/regenerate',
      { image_types: [STANDING_FRONT], number_of_generations: 2, original_operation_id: 'onfigure_op-1' },
    ],
    [
      'getOnFigureOperation',
      (c) => c.onFigureOperations.get('onfigure_op-1'),
      json({}),
      'GET /studio/v1/on_figure_operations/onfigure_op-1',
      undefined,
    ],
  ];

  it.each(cases)('%s: sends its method, path, key and body, and resolves with the answer', async (_id, run, answer, line, body) => {
    const io = server([answer]);
    const expected = answer.status === 204 ? undefined : await answer.clone().json();
    expect(await run(withKey(io))).toEqual(expected);
    expect(io.lines).toEqual([line]);
    expect(io.sent[0]?.headers.get('x-api-key')).toBe('studio-key-1');
    if (body !== undefined) {
      expect(io.sent[0]?.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse(io.sent[0]?.body ?? '')).toEqual(body);
    }
  });

  it('covers every operation of the spec', () => {
    expect(cases.map(([id]) => id).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });
});

describe('the client', () => {
  it('sends to the production base URL unless told otherwise', async () => {
    expect(AIUTA_STUDIO_BASE_URL).toBe('https://api.aiuta.com/studio/v1');
    const io = server([Response.json([])]);
    await createAiutaStudioClient({ apiKey: 'k', fetch: io.fetch }).onFigureModelPresets.list();
    expect(io.sent[0]?.url.href).toBe('https://api.aiuta.com/studio/v1/on_figure_model_presets');
    const local = server([Response.json([])]);
    await createAiutaStudioClient({
      apiKey: 'k',
      fetch: local.fetch,
      baseUrl: 'http://127.0.0.1:4010/studio/v1',
    }).onFigureModelPresets.list();
    expect(local.sent[0]?.url.href).toBe('http://127.0.0.1:4010/studio/v1/on_figure_model_presets');
  });

  it('refuses an API key a header cannot carry, naming no value', () => {
    for (const apiKey of ['', 'key with spaces', 'key\n']) {
      expect(() => createAiutaStudioClient({ apiKey })).toThrowError(errors.InvalidCredentialsError);
    }
    expect(() => createAiutaStudioClient({ apiKey: 'secret key' })).not.toThrowError(/secret/);
  });

  it('retries reads and deletes, and a start only when asked', async () => {
    const read = server([retryNow(), retryNow()], () => Response.json([]));
    await withKey(read).onFigureModelPresets.list();
    expect(read.lines).toHaveLength(3);
    const remove = server([retryNow()], () => new Response(null, { status: 204 }));
    await withKey(remove).generatedImages.delete('gen_image-1');
    expect(remove.lines).toHaveLength(2);
    const request = { product_info: PRODUCT, image_types: [FLAT_FRONT] };
    const start = server([retryNow()], () => Response.json({ operation_id: 'op-1' }));
    await expect(withKey(start).flatLayOperations.create(request)).rejects.toBeInstanceOf(errors.InternalServerError);
    expect(start.lines).toHaveLength(1);
    const asked = server([retryNow()], () => Response.json({ operation_id: 'op-1' }));
    await expect(withKey(asked).flatLayOperations.create(request, { retry: true })).resolves.toEqual({ operation_id: 'op-1' });
    expect(asked.lines).toHaveLength(2);
  });

  it('rejects with the error of the status, carrying the FastAPI body', async () => {
    const detail = [{ loc: ['body', 'image_types', 0, 'pose'], msg: "Input should be 'standing'", type: 'enum' }];
    const cases: [Response, new (...args: never[]) => Error][] = [
      [Response.json({ detail }, { status: 422 }), errors.UnprocessableEntityError],
      [Response.json({ detail: 'Uploaded image was not found' }, { status: 400 }), errors.BadRequestError],
      [Response.json({ detail: 'Image not found' }, { status: 404 }), errors.NotFoundError],
      [new Response(null, { status: 401 }), errors.AuthenticationError],
      [new Response(null, { status: 429, headers: { 'retry-after': '0' } }), errors.RateLimitError],
    ];
    for (const [answer, type] of cases) {
      const error = await withKey(server([answer]))
        .flatLayOperations.create({ product_info: PRODUCT, image_types: [FLAT_FRONT] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(errors.ApiError);
    }
    const refused = await withKey(server([Response.json({ detail }, { status: 422 })]))
      .flatLayOperations.get('op')
      .catch((e: unknown) => e);
    expect((refused as InstanceType<typeof errors.ApiError>).body).toEqual({ detail });
  });

  it('passes the per-call options: a signal aborts the call', async () => {
    const controller = new AbortController();
    controller.abort();
    const io = server([], () => Response.json(flatLay('SUCCESS')));
    await expect(withKey(io).flatLayOperations.get('op', { signal: controller.signal })).rejects.toBeInstanceOf(errors.AbortedError);
  });
});
