import { describe, expect, it } from 'vitest';
import { FLAT_FRONT, flatLay, onFigure, PRODUCT, STANDING_FRONT, server, withKey } from '../client.test-support.js';
import { errors, OperationNotFoundError } from '../index.js';

const { AbortedError, ApiResponseError, NotFoundError, PollTimeoutError } = errors;

describe.each([
  ['flatLayOperations', flatLay, 'flat_lay'],
  ['onFigureOperations', onFigure, 'on_figure'],
] as const)('%s', (resource, state, path) => {
  const read = (io: ReturnType<typeof server>) => withKey(io)[resource];

  it.each(['SUCCESS', 'FAILED', 'CANCELLED', 'ABORTED', 'SOME_NEW_STATUS'])(
    'waits through CREATED, IN_PROGRESS and PAUSED to %s',
    async (last) => {
      const statuses = ['CREATED', 'IN_PROGRESS', 'PAUSED', last];
      let reads = 0;
      const io = server([], () => Response.json(state(statuses[reads++] ?? 'SUCCESS')));
      const seen: string[] = [];
      const final = await read(io).waitFor('op-1', { intervalMs: () => 0, onProgress: (op) => seen.push(op.status) });
      expect(final.status).toBe(last);
      expect(seen).toEqual(statuses);
      expect(io.lines).toEqual(Array(4).fill(`GET /studio/v1/${path}_operations/op-1`));
    },
  );

  it('turns the null body of an unknown operation into OperationNotFoundError, a NotFoundError', async () => {
    const error = await read(server([Response.json(null)]))
      .get('op-gone')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationNotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ operationId: 'op-gone', status: 200 });
    expect((error as Error).message).toBe('operation op-gone not found (the API answered 200 with a null body)');
    await expect(read(server([new Response('', { status: 200 })])).get('op-1')).rejects.toBeInstanceOf(ApiResponseError);
  });

  it('stops waiting on the signal, on the deadline, and on an operation the API does not know', async () => {
    const running = () => server([], () => Response.json(state('IN_PROGRESS')));
    const controller = new AbortController();
    const aborted = read(running()).waitFor('op-1', {
      signal: controller.signal,
      intervalMs: () => 0,
      onProgress: () => controller.abort(),
    });
    await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    let clock = 0;
    const late = read(running()).waitFor('op-1', {
      timeoutMs: 1000,
      intervalMs: () => 600,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    await expect(late).rejects.toSatisfy((e) => e instanceof PollTimeoutError && (e.last as { status: string }).status === 'IN_PROGRESS');
    const gone = server([Response.json(state('CREATED'))], () => Response.json(null));
    await expect(read(gone).waitFor('op-1', { intervalMs: () => 0 })).rejects.toBeInstanceOf(OperationNotFoundError);
  });
});

describe('starting and regenerating', () => {
  it('starts a flat-lay and an on-figure operation with the body as given', async () => {
    const io = server([], () => Response.json({ operation_id: 'op-1' }));
    const flat = {
      product_info: { uploaded_image_ids: ['user_image-1'], title: 'Dress' },
      image_types: [FLAT_FRONT, { flat_lay_type: 'detail', viewpoint: 'back' }] as const,
      background_settings: { background_type: 'reference_color', reference_color: '#80ff00' } as const,
      output_image_size: { width: 1000, height: 1500 },
    };
    await withKey(io).flatLayOperations.create({ ...flat, image_types: [...flat.image_types] });
    const figure = {
      product_info: PRODUCT,
      image_types: [STANDING_FRONT],
      on_figure_model_settings: { gender: 'female', age_group: 'teen' },
    } as const;
    await withKey(io).onFigureOperations.create({ ...figure, image_types: [...figure.image_types] });
    expect(io.sent.map((request) => JSON.parse(request.body))).toEqual([flat, figure]);
  });

  it('regenerates from an earlier operation, by ID, with the original’s count unless given', async () => {
    const io = server([], () => Response.json({ operation_id: 'onfigure_op-2' }));
    const studio = withKey(io);
    expect(await studio.onFigureOperations.regenerate('onfigure_op-1', { image_types: [STANDING_FRONT] })).toEqual({
      operation_id: 'onfigure_op-2',
    });
    expect(JSON.parse(io.sent[0]?.body ?? '')).toEqual({ image_types: [STANDING_FRONT], original_operation_id: 'onfigure_op-1' });
    // The ID given as the argument wins over one slipped into the request.
    const sneaky = { image_types: [STANDING_FRONT], original_operation_id: 'other' } as never;
    await studio.onFigureOperations.regenerate('onfigure_op-1', sneaky);
    expect(JSON.parse(io.sent[1]?.body ?? '').original_operation_id).toBe('onfigure_op-1');
  });

  it('lists the model presets', async () => {
    const presets = [{ preset_id: 'p-1', sample_image: 'https://x.example/p.png', settings: { gender: 'male' } }];
    expect(await withKey(server([Response.json(presets)])).onFigureModelPresets.list()).toEqual(presets);
  });
});
