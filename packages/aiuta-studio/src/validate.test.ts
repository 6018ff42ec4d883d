import { describe, expect, it } from 'vitest';
import { FLAT_FRONT, PRODUCT, STANDING_FRONT, server, withKey } from './client.test-support.js';
import { errors } from './index.js';

const urls = (count: number) => Array.from({ length: count }, (_, i) => `https://shop.example/${i}.jpg`);
const flat = { product_info: PRODUCT, image_types: [FLAT_FRONT] };
const figure = { product_info: PRODUCT, image_types: [STANDING_FRONT], on_figure_model_preset_id: 'p-1' };

describe('checked before sending', () => {
  // Each: what is sent, and the field the InvalidRequestError names.
  const cases: [string, (c: ReturnType<typeof withKey>) => Promise<unknown>, string][] = [
    [
      'both image lists',
      (c) => c.flatLayOperations.create({ ...flat, product_info: { image_urls: urls(1), uploaded_image_ids: ['u'] } }),
      'product_info',
    ],
    ['21 image URLs', (c) => c.flatLayOperations.create({ ...flat, product_info: { image_urls: urls(21) } }), 'product_info.image_urls'],
    [
      'no uploaded IDs',
      (c) => c.flatLayOperations.create({ ...flat, product_info: { uploaded_image_ids: [] } }),
      'product_info.uploaded_image_ids',
    ],
    [
      'an empty uploaded ID',
      (c) => c.flatLayOperations.create({ ...flat, product_info: { uploaded_image_ids: ['u', ''] } }),
      'product_info.uploaded_image_ids[1]',
    ],
    ['no product', (c) => c.flatLayOperations.create({ ...flat, product_info: null as never }), 'product_info'],
    ['no image types', (c) => c.flatLayOperations.create({ ...flat, image_types: [] }), 'image_types'],
    ['7 flat-lay types', (c) => c.flatLayOperations.create({ ...flat, image_types: Array(7).fill(FLAT_FRONT) }), 'image_types'],
    [
      'a repeated type, keys in another order',
      (c) => c.flatLayOperations.create({ ...flat, image_types: [FLAT_FRONT, { viewpoint: 'front', flat_lay_type: 'flat' }] }),
      'image_types[1]',
    ],
    ['5 generations', (c) => c.flatLayOperations.create({ ...flat, number_of_generations: 5 }), 'number_of_generations'],
    ['1.5 generations', (c) => c.onFigureOperations.create({ ...figure, number_of_generations: 1.5 }), 'number_of_generations'],
    [
      'a reference color that is not hex',
      (c) => c.flatLayOperations.create({ ...flat, background_settings: { background_type: 'reference_color', reference_color: 'green' } }),
      'background_settings.reference_color',
    ],
    [
      'a reference color with a transparent background',
      (c) =>
        c.onFigureOperations.create({ ...figure, background_settings: { background_type: 'transparent', reference_color: '#80ff00' } }),
      'background_settings.reference_color',
    ],
    [
      'both a preset and settings',
      (c) => c.onFigureOperations.create({ ...figure, on_figure_model_settings: { gender: 'male' } } as never),
      'on_figure_model_preset_id',
    ],
    [
      'neither a preset nor settings',
      (c) => c.onFigureOperations.create({ ...figure, on_figure_model_preset_id: null } as never),
      'on_figure_model_preset_id',
    ],
    ['an empty preset ID', (c) => c.onFigureOperations.create({ ...figure, on_figure_model_preset_id: '' }), 'on_figure_model_preset_id'],
    ['36 on-figure types', (c) => c.onFigureOperations.create({ ...figure, image_types: Array(36).fill(STANDING_FRONT) }), 'image_types'],
    ['no original operation', (c) => c.onFigureOperations.regenerate('', { image_types: [STANDING_FRONT] }), 'original_operation_id'],
    [
      'a regeneration repeating a type',
      (c) => c.onFigureOperations.regenerate('op-1', { image_types: [STANDING_FRONT, STANDING_FRONT] }),
      'image_types[1]',
    ],
    ['an empty operation ID in the path', (c) => c.onFigureOperations.get(''), 'path.operation_id'],
  ];

  it.each(cases)('%s: InvalidRequestError on the field, nothing sent', async (_what, run, field) => {
    const io = server();
    const error = await run(withKey(io)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.InvalidRequestError);
    expect(error).toMatchObject({ field });
    expect(io.sent).toHaveLength(0);
  });

  it('lets through what the rules allow: no images yet, a hex color with or without #, null where the schema allows it', async () => {
    const io = server([], () => Response.json({ operation_id: 'op-1' }));
    const studio = withKey(io);
    await studio.flatLayOperations.create({
      ...flat,
      product_info: { title: 'Dress' },
      background_settings: { background_type: 'reference_color', reference_color: '80FF00' },
    });
    await studio.onFigureOperations.create({
      ...figure,
      number_of_generations: 4,
      output_image_size: null,
      background_settings: { background_type: 'arbitrary', reference_color: null },
    });
    await studio.onFigureOperations.regenerate('op-1', { image_types: [STANDING_FRONT], number_of_generations: null });
    expect(io.sent).toHaveLength(3);
  });
});
