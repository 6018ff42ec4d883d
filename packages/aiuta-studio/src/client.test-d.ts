import { describe, expectTypeOf, it } from 'vitest';
import type {
  AiutaImage,
  AiutaStudioClient,
  AiutaStudioOperations,
  FlatLayOperation,
  OnFigureModelPreset,
  OnFigureOperation,
  OperationStatus,
} from './index.js';
import { type errors, OperationNotFoundError } from './index.js';

declare const client: AiutaStudioClient;
const product = { image_urls: ['https://shop.example/dress.jpg'] };
const standing = { viewpoint: 'front', pose: 'standing' } as const;

describe('AiutaStudioClient types', () => {
  it('types the flat-lay request and operation', () => {
    expectTypeOf(
      client.flatLayOperations.create({ product_info: product, image_types: [{ flat_lay_type: 'detail', viewpoint: 'back' }] }),
    ).resolves.toEqualTypeOf<{ operation_id: string }>();
    // @ts-expect-error image_types is required
    client.flatLayOperations.create({ product_info: product });
    // @ts-expect-error no such flat-lay type
    client.flatLayOperations.create({ product_info: product, image_types: [{ flat_lay_type: 'folded', viewpoint: 'front' }] });
    // @ts-expect-error no such priority
    client.flatLayOperations.create({ product_info: product, image_types: [], operation_priority: 'urgent' });
    expectTypeOf(client.flatLayOperations.get('op')).resolves.toEqualTypeOf<FlatLayOperation>();
    expectTypeOf(client.flatLayOperations.waitFor('op')).resolves.toEqualTypeOf<FlatLayOperation>();
    expectTypeOf<FlatLayOperation['generation_result']>().toEqualTypeOf<
      | {
          image_type: { flat_lay_type: 'flat' | 'ghost_mannequin' | 'detail'; viewpoint: 'front' | 'back' };
          generated_images: AiutaImage[];
        }[]
      | null
      | undefined
    >();
  });

  it('types the on-figure request: exactly one of a preset and model settings', () => {
    expectTypeOf(
      client.onFigureOperations.create({ product_info: product, image_types: [standing], on_figure_model_preset_id: 'p' }),
    ).resolves.toEqualTypeOf<{ operation_id: string }>();
    client.onFigureOperations.create({
      product_info: product,
      image_types: [standing],
      on_figure_model_settings: { gender: 'female', height: 'tall' },
    });
    const both = { on_figure_model_preset_id: 'p', on_figure_model_settings: { gender: 'male' } } as const;
    // @ts-expect-error not both
    client.onFigureOperations.create({ product_info: product, image_types: [standing], ...both });
    // @ts-expect-error one of the two is required
    client.onFigureOperations.create({ product_info: product, image_types: [standing] });
    // @ts-expect-error gender is required in settings
    client.onFigureOperations.create({ product_info: product, image_types: [standing], on_figure_model_settings: { height: 'tall' } });
    const flying = { viewpoint: 'front', pose: 'flying' } as const;
    // @ts-expect-error no such pose
    client.onFigureOperations.create({ product_info: product, image_types: [flying], on_figure_model_preset_id: 'p' });
    expectTypeOf(client.onFigureOperations.waitFor('op')).resolves.toEqualTypeOf<OnFigureOperation>();
    expectTypeOf(client.onFigureModelPresets.list()).resolves.toEqualTypeOf<OnFigureModelPreset[]>();
  });

  it('types regeneration by the original ID', () => {
    expectTypeOf(client.onFigureOperations.regenerate('op', { image_types: [standing], number_of_generations: 2 })).resolves.toEqualTypeOf<{
      operation_id: string;
    }>();
    // @ts-expect-error the original's ID is the first argument, not a field
    client.onFigureOperations.regenerate({ original_operation_id: 'op', image_types: [standing] });
    // @ts-expect-error image_types is required
    client.onFigureOperations.regenerate('op', {});
  });

  it('types uploads, statuses, errors and the raw client', () => {
    expectTypeOf(
      client.uploadedImages.create(new Uint8Array(), { filename: 'dress.jpg', retry: true }),
    ).resolves.toEqualTypeOf<AiutaImage>();
    // @ts-expect-error a number is not an image
    client.uploadedImages.create(42);
    expectTypeOf(client.generatedImages.delete('gen')).resolves.toEqualTypeOf<void>();
    expectTypeOf<OperationStatus>().toEqualTypeOf<'CREATED' | 'IN_PROGRESS' | 'PAUSED' | 'SUCCESS' | 'FAILED' | 'CANCELLED' | 'ABORTED'>();
    expectTypeOf(new OperationNotFoundError('op', new Response())).toExtend<InstanceType<typeof errors.NotFoundError>>();
    expectTypeOf<AiutaStudioOperations['getOnFigureOperation']['parameters']['path']>().toEqualTypeOf<{ operation_id: string }>();
    // @ts-expect-error operation_id is required
    client.raw.GET('/on_figure_operations/{operation_id}', { params: { path: {} } });
    // @ts-expect-error the spec has no such path
    client.raw.GET('/sku_items');
  });
});
