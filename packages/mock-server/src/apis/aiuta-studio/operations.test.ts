// Studio operations in the mock: how they progress and end, what they show of their request, the
// images they make, and regeneration from an earlier on-figure operation.
import { afterEach, describe, expect, it } from 'vitest';
import type { MockOptions } from '../../index.js';
import {
  FLAT_BACK,
  FLAT_FRONT,
  imageForm,
  PNG,
  PRODUCT,
  STANDING_FRONT,
  type StudioMock,
  studioMock,
  WALKING_SIDE,
} from './studio.test-support.js';

const mocks: StudioMock[] = [];
afterEach(() => {
  for (const { mock } of mocks.splice(0)) mock.close();
});
const open = (options: MockOptions = {}) => {
  const studio = studioMock(options);
  mocks.push(studio);
  return studio;
};

describe('an operation over time', () => {
  it('goes CREATED, IN_PROGRESS, PAUSED, then SUCCESS on the configured timings, with its images per type in the request order', async () => {
    const { send, advance, file } = open({ studio: { queuedMs: 100, runningMs: 200, pausedMs: 300 } });
    const { body: created, status } = await send('POST', '/flat_lay_operations', {
      product_info: PRODUCT,
      image_types: [FLAT_FRONT, FLAT_BACK],
      number_of_generations: 2,
    });
    expect(status).toBe(200);
    expect(created.operation_id).toMatch(/^flatlay_op-[0-9a-f-]{36}$/);
    const read = async () => (await send('GET', `/flat_lay_operations/${created.operation_id}`)).body;
    const seen = [(await read()).status];
    for (const step of [99, 1, 199, 1, 299, 1]) {
      advance(step);
      seen.push((await read()).status);
    }
    expect(seen).toEqual(['CREATED', 'CREATED', 'IN_PROGRESS', 'IN_PROGRESS', 'PAUSED', 'PAUSED', 'SUCCESS']);
    const done = await read();
    expect(done.error).toBeNull();
    expect(done.generation_result.map((item: { image_type: unknown }) => item.image_type)).toEqual([FLAT_FRONT, FLAT_BACK]);
    const images = done.generation_result.flatMap((item: { generated_images: { id: string; url: string }[] }) => item.generated_images);
    expect(images).toHaveLength(4);
    expect(new Set(images.map((image: { id: string }) => image.id)).size).toBe(4);
    for (const image of images) {
      expect(image).toMatchObject({ id: expect.stringMatching(/^gen_image-/), owner_type: 'user' });
      expect((await file(image.url)).status).toBe(200);
    }
    // The same images on every later read; a deleted one is gone from the result and from /files.
    expect(await read()).toEqual(done);
    expect((await send('DELETE', `/generated_images/${images[0].id}`)).status).toBe(204);
    expect((await file(images[0].url)).status).toBe(404);
    expect((await read()).generation_result[0].generated_images.map((image: { id: string }) => image.id)).toEqual([images[1].id]);
    expect((await send('DELETE', `/generated_images/${images[0].id}`)).body).toEqual({ detail: 'Image not found' });
  });

  it('ends as the simulation says, with the message in error, and tells the simulation what it is deciding on', async () => {
    const told: unknown[] = [];
    const outcomes = ['FAILED', 'CANCELLED', 'ABORTED'] as const;
    const { send, advance } = open({
      studio: {
        queuedMs: 0,
        runningMs: 10,
        outcome: (operation) => {
          told.push(operation);
          return outcomes[told.length - 1] ?? 'SUCCESS';
        },
      },
    });
    const ids: string[] = [];
    for (const priority of ['online', 'offline', undefined]) {
      const body = { product_info: PRODUCT, image_types: [STANDING_FRONT], on_figure_model_preset_id: 'man_young_asian' };
      ids.push(
        (await send('POST', '/on_figure_operations', { ...body, ...(priority && { operation_priority: priority }) })).body.operation_id,
      );
    }
    expect((await send('GET', `/on_figure_operations/${ids[0]}`)).body).toMatchObject({ status: 'IN_PROGRESS', error: null });
    advance(10);
    const ended = await Promise.all(ids.map(async (id) => (await send('GET', `/on_figure_operations/${id}`)).body));
    expect(ended.map(({ status, error, generation_result }) => [status, typeof error, generation_result])).toEqual([
      ['FAILED', 'string', null],
      ['CANCELLED', 'string', null],
      ['ABORTED', 'string', null],
    ]);
    expect(told[0]).toMatchObject({ kind: 'on_figure', operation_priority: 'online', image_types: [STANDING_FRONT] });
    expect(told.map((operation) => (operation as { operation_priority: string }).operation_priority)).toEqual([
      'online',
      'offline',
      'offline',
    ]);
  });
});

describe('what an operation shows of its request', () => {
  it('its images as the mock’s own URLs, never the upload IDs, and the service’s defaults for what was omitted', async () => {
    const { send, file, mock } = open({ studio: { queuedMs: 0, runningMs: 0 } });
    const upload = (await send('POST', '/uploaded_images', imageForm())).body;
    const { operation_id } = (
      await send('POST', '/flat_lay_operations', {
        product_info: { uploaded_image_ids: [upload.id], category: 'Apparel & Accessories > Clothing > Dresses', id: 'sku-1' },
        image_types: [FLAT_FRONT],
      })
    ).body;
    const operation = (await send('GET', `/flat_lay_operations/${operation_id}`)).body;
    expect(operation).toMatchObject({
      product_info: { image_urls: [upload.url], category: 'Apparel & Accessories > Clothing > Dresses', id: 'sku-1' },
      operation_priority: 'offline',
      number_of_generations: 1,
      output_image_size: null,
      output_image_paddings: null,
      image_types: [FLAT_FRONT],
    });
    expect(operation.product_info).not.toHaveProperty('uploaded_image_ids');
    expect(operation).not.toHaveProperty('background_settings');
    expect((await file(operation.product_info.image_urls[0])).bytes).toEqual(PNG);

    const fromUrls = (await send('POST', '/flat_lay_operations', { product_info: PRODUCT, image_types: [FLAT_FRONT] })).body;
    const shown = (await send('GET', `/flat_lay_operations/${fromUrls.operation_id}`)).body.product_info;
    expect(shown.image_urls).toHaveLength(1);
    expect(shown.image_urls[0].startsWith(`${mock.url}/files/aiuta-studio/product_image-`)).toBe(true);
    expect((await file(shown.image_urls[0])).status).toBe(200);
    expect(shown.title).toBe('Linen dress');
  });

  it('answers 200 null for an ID it does not know, and for an ID of the other kind', async () => {
    const { send } = open();
    const flat = (await send('POST', '/flat_lay_operations', { product_info: PRODUCT, image_types: [FLAT_FRONT] })).body.operation_id;
    for (const path of ['/flat_lay_operations/nope', `/on_figure_operations/${flat}`, '/on_figure_operations/nope']) {
      expect(await send('GET', path)).toMatchObject({ status: 200, text: 'null' });
    }
  });
});

describe('regeneration', () => {
  it('keeps the original’s product, settings and model, with its own image types and count (or the original’s)', async () => {
    const { send } = open({ studio: { queuedMs: 0, runningMs: 0 } });
    const settings = { gender: 'female', age_group: 'senior_adult', hair_color: 'gray', is_pregnant: null };
    const original = (
      await send('POST', '/on_figure_operations', {
        product_info: PRODUCT,
        image_types: [STANDING_FRONT],
        on_figure_model_settings: settings,
        number_of_generations: 3,
        operation_priority: 'online',
        background_settings: { background_type: 'reference_color', reference_color: '#80ff00' },
        output_image_size: { width: 800, height: 1200 },
      })
    ).body.operation_id;
    const first = (await send('GET', `/on_figure_operations/${original}`)).body;
    const again = await send('POST', '/on_figure_operations/regenerate', { original_operation_id: original, image_types: [WALKING_SIDE] });
    expect(again.status).toBe(200);
    expect(again.body.operation_id).not.toBe(original);
    const regenerated = (await send('GET', `/on_figure_operations/${again.body.operation_id}`)).body;
    const { id: _a, image_types: _b, generation_result: resultA, ...kept } = first;
    const { id: _c, image_types, generation_result, ...copied } = regenerated;
    expect(copied).toEqual(kept);
    expect(copied).toMatchObject({ on_figure_model_settings: settings, number_of_generations: 3, product_info: first.product_info });
    expect(image_types).toEqual([WALKING_SIDE]);
    expect(generation_result.map((item: { generated_images: unknown[] }) => item.generated_images.length)).toEqual([3]);
    expect(resultA[0].generated_images).toHaveLength(3);

    // From a regeneration, with another count.
    const third = await send('POST', '/on_figure_operations/regenerate', {
      original_operation_id: again.body.operation_id,
      image_types: [STANDING_FRONT, WALKING_SIDE],
      number_of_generations: 1,
    });
    const latest = (await send('GET', `/on_figure_operations/${third.body.operation_id}`)).body;
    expect(latest).toMatchObject({
      on_figure_model_settings: settings,
      number_of_generations: 1,
      image_types: [STANDING_FRONT, WALKING_SIDE],
    });
    expect(latest.generation_result).toHaveLength(2);
  });

  it('tells the simulation it is a regeneration, and refuses an original that is not a known on-figure operation', async () => {
    const kinds: string[] = [];
    const outcome = ({ kind }: { kind: string }) => {
      kinds.push(kind);
      return 'SUCCESS' as const;
    };
    const { send } = open({ studio: { outcome } });
    const onFigure = { product_info: PRODUCT, image_types: [STANDING_FRONT], on_figure_model_preset_id: 'woman_young_european' };
    const original = (await send('POST', '/on_figure_operations', onFigure)).body.operation_id;
    const flat = (await send('POST', '/flat_lay_operations', { product_info: PRODUCT, image_types: [FLAT_FRONT] })).body.operation_id;
    expect(
      (await send('POST', '/on_figure_operations/regenerate', { original_operation_id: original, image_types: [WALKING_SIDE] })).status,
    ).toBe(200);
    expect(kinds).toEqual(['on_figure', 'flat_lay', 'regenerate']);
    for (const id of ['nope', flat]) {
      expect(
        await send('POST', '/on_figure_operations/regenerate', { original_operation_id: id, image_types: [WALKING_SIDE] }),
      ).toMatchObject({
        status: 400,
        body: { detail: 'Original operation was not found' },
      });
    }
    const twice = await send('POST', '/on_figure_operations/regenerate', {
      original_operation_id: original,
      image_types: [WALKING_SIDE, WALKING_SIDE],
    });
    expect(twice).toMatchObject({ status: 422, body: { detail: [{ loc: ['body', 'image_types'], type: 'value_error' }] } });
  });
});
