// The Studio mock's images, presets and auth, and the requests it refuses: the rules the spec states
// in prose (FastAPI's 422), references to nothing (400 / 404 `{detail}`), and a missing key (401).
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, startMockServer } from '../../index.js';
import { createMswHandlers } from '../../msw.js';
import { FLAT_FRONT, imageForm, PNG, PRODUCT, STANDING_FRONT, type StudioMock, studioMock } from './studio.test-support.js';

const mocks: StudioMock[] = [];
afterEach(() => {
  for (const { mock } of mocks.splice(0)) mock.close();
});
const open = () => {
  const studio = studioMock();
  mocks.push(studio);
  return studio;
};

describe('uploaded images', () => {
  it('are stored, read, served and deleted; an unknown or deleted one is a 404 {detail}', async () => {
    const { send, file } = open();
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]);
    const { status, body: image } = await send('POST', '/uploaded_images', imageForm(jpeg, 'image/jpeg'));
    expect(status).toBe(200);
    expect(image).toMatchObject({ id: expect.stringMatching(/^user_image-/), owner_type: 'user', expires_at: '2026-07-10T01:00:00.000Z' });
    expect(await send('GET', `/uploaded_images/${image.id}`)).toMatchObject({ status: 200, body: image });
    expect((await file(image.url)).bytes).toEqual(jpeg);
    expect((await send('DELETE', `/uploaded_images/${image.id}`)).status).toBe(204);
    for (const [method, path] of [
      ['GET', `/uploaded_images/${image.id}`],
      ['DELETE', `/uploaded_images/${image.id}`],
      ['GET', '/uploaded_images/nope'],
      ['DELETE', '/generated_images/nope'],
    ] as const) {
      expect(await send(method, path)).toMatchObject({ status: 404, body: { detail: 'Image not found' } });
    }
    expect((await file(image.url)).status).toBe(404);
  });

  it('take a file in image_data, as FastAPI does: a string there is a 422', async () => {
    const { send } = open();
    const form = new FormData();
    form.append('image_data', 'not a file');
    expect(await send('POST', '/uploaded_images', form)).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 'image_data'] }] },
    });
  });
});

describe('on-figure model presets', () => {
  it('are listed with a sample image the mock serves, and start an operation by ID', async () => {
    const { send, file } = open();
    const { status, body: presets } = await send('GET', '/on_figure_model_presets');
    expect(status).toBe(200);
    expect(presets.length).toBeGreaterThanOrEqual(3);
    for (const preset of presets) {
      expect(preset.settings.gender).toMatch(/^(male|female)$/);
      expect((await file(preset.sample_image)).bytes.slice(0, 4)).toEqual(PNG.slice(0, 4));
    }
    const started = await send('POST', '/on_figure_operations', {
      product_info: PRODUCT,
      image_types: [STANDING_FRONT],
      on_figure_model_preset_id: presets[1].preset_id,
    });
    expect(started.status).toBe(200);
    const operation = (await send('GET', `/on_figure_operations/${started.body.operation_id}`)).body;
    expect(operation).toMatchObject({ on_figure_model_preset_id: presets[1].preset_id, on_figure_model_settings: null });
  });
});

describe('refusals', () => {
  const onFigure = { product_info: PRODUCT, image_types: [STANDING_FRONT], on_figure_model_preset_id: 'woman_young_european' };
  const flatLay = { product_info: PRODUCT, image_types: [FLAT_FRONT] };

  it('the rules in prose are Pydantic 422s at the field', async () => {
    const { send } = open();
    const urls = (count: number) => Array.from({ length: count }, (_, i) => `https://shop.example/${i}.jpg`);
    const cases: [string, object, (string | number)[], string][] = [
      [
        '/flat_lay_operations',
        { ...flatLay, product_info: { image_urls: urls(1), uploaded_image_ids: ['a'] } },
        ['body', 'product_info'],
        'value_error',
      ],
      ['/flat_lay_operations', { ...flatLay, product_info: { image_urls: urls(21) } }, ['body', 'product_info', 'image_urls'], 'too_long'],
      [
        '/flat_lay_operations',
        { ...flatLay, product_info: { uploaded_image_ids: [] } },
        ['body', 'product_info', 'uploaded_image_ids'],
        'too_short',
      ],
      ['/flat_lay_operations', { ...flatLay, image_types: [FLAT_FRONT, { ...FLAT_FRONT }] }, ['body', 'image_types'], 'value_error'],
      [
        '/flat_lay_operations',
        { ...flatLay, background_settings: { background_type: 'reference_color' } },
        ['body', 'background_settings'],
        'value_error',
      ],
      [
        '/flat_lay_operations',
        { ...flatLay, background_settings: { background_type: 'reference_color', reference_color: 'green' } },
        ['body', 'background_settings'],
        'value_error',
      ],
      [
        '/on_figure_operations',
        { ...onFigure, background_settings: { background_type: 'transparent', reference_color: '#80ff00' } },
        ['body', 'background_settings'],
        'value_error',
      ],
      ['/on_figure_operations', { ...onFigure, on_figure_model_settings: { gender: 'male' } }, ['body'], 'value_error'],
      ['/on_figure_operations', { ...onFigure, on_figure_model_preset_id: null }, ['body'], 'value_error'],
    ];
    for (const [path, body, loc, type] of cases) {
      const answer = await send('POST', path, body);
      expect([path, answer.status, answer.body.detail]).toEqual([path, 422, [expect.objectContaining({ loc, type })]]);
    }
    // And what the schema itself refuses, in the same shape.
    expect(await send('POST', '/flat_lay_operations', { ...flatLay, number_of_generations: 5 })).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 'number_of_generations'] }] },
    });
  });

  it('what the body names must exist: a 400 {detail}', async () => {
    const { send } = open();
    const missingUpload = { ...flatLay, product_info: { uploaded_image_ids: ['user_image-nope'] } };
    expect(await send('POST', '/flat_lay_operations', missingUpload)).toEqual({
      status: 400,
      body: { detail: 'Uploaded image was not found' },
      text: '{"detail":"Uploaded image was not found"}',
    });
    expect(await send('POST', '/on_figure_operations', { ...onFigure, on_figure_model_preset_id: 'nobody' })).toMatchObject({
      status: 400,
      body: { detail: 'On-figure model preset was not found' },
    });
  });

  it('no API key, a wrong one, or another Aiuta credential is the gateway’s empty 401', async () => {
    const { send } = open();
    const { apiKey, subscriptionId } = MOCK_CREDENTIALS.aiuta;
    for (const headers of [{}, { 'x-api-key': `${apiKey}x` }, { 'x-user-id': subscriptionId }, { authorization: `Bearer ${apiKey}` }]) {
      expect(await send('GET', '/on_figure_model_presets', undefined, headers)).toEqual({ status: 401, body: undefined, text: '' });
    }
    expect((await send('GET', '/on_figure_model_presets', undefined, { 'X-API-Key': apiKey })).status).toBe(200);
  });
});

describe('served every way the mock runs', () => {
  const presets = (base: string) => fetch(`${base}/on_figure_model_presets`, { headers: { 'x-api-key': MOCK_CREDENTIALS.aiuta.apiKey } });

  it("over node:http, at baseUrls['aiuta-studio']", async () => {
    const mock = await startMockServer();
    try {
      expect(mock.baseUrls['aiuta-studio']).toBe(`${mock.url}/studio/v1`);
      expect((await presets(mock.baseUrls['aiuta-studio'])).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('through MSW, intercepting https://api.aiuta.com/studio/v1 itself', async () => {
    const mock = createMswHandlers();
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const answer = await presets('https://api.aiuta.com/studio/v1');
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as unknown[]).length).toBeGreaterThan(0);
    } finally {
      server.close();
      mock.close();
    }
  });
});
