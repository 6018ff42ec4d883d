// The client against `@signet/mock-server`: the vendor's workflow end to end, over the mock's state.
import { createMockFetch, MOCK_CREDENTIALS } from '@signet/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { FLAT_FRONT, PNG, PRODUCT, STANDING_FRONT } from './client.test-support.js';
import { createAiutaStudioClient, errors, OperationNotFoundError } from './index.js';

const QUICK = { intervalMs: () => 5, timeoutMs: 5000 };
const mocks: { close(): void }[] = [];
afterEach(() => {
  for (const mock of mocks.splice(0)) mock.close();
});

function studioAgainstMock() {
  const mock = createMockFetch({ studio: { queuedMs: 5, runningMs: 10 } });
  mocks.push(mock);
  return { mock, studio: createAiutaStudioClient({ apiKey: MOCK_CREDENTIALS.aiuta.apiKey, fetch: mock.fetch }) };
}

describe('against the mock server', () => {
  it('uploads, generates flat lays, then on-figure images from a preset, regenerates them, and cleans up', async () => {
    const { studio, mock } = studioAgainstMock();
    const photo = await studio.uploadedImages.create(PNG);
    expect(await studio.uploadedImages.get(photo.id)).toEqual(photo);

    const flat = await studio.flatLayOperations.create({ product_info: { uploaded_image_ids: [photo.id] }, image_types: [FLAT_FRONT] });
    const flatDone = await studio.flatLayOperations.waitFor(flat.operation_id, QUICK);
    expect(flatDone).toMatchObject({ status: 'SUCCESS', product_info: { image_urls: [photo.url] } });

    const [preset] = await studio.onFigureModelPresets.list();
    const first = await studio.onFigureOperations.create({
      product_info: PRODUCT,
      image_types: [STANDING_FRONT],
      on_figure_model_preset_id: preset?.preset_id ?? '',
      number_of_generations: 2,
    });
    const done = await studio.onFigureOperations.waitFor(first.operation_id, QUICK);
    expect(done.generation_result?.[0]?.generated_images).toHaveLength(2);

    const again = await studio.onFigureOperations.regenerate(done.id, { image_types: [{ viewpoint: 'back', pose: 'walking' }] });
    const regenerated = await studio.onFigureOperations.waitFor(again.operation_id, QUICK);
    expect(regenerated).toMatchObject({
      status: 'SUCCESS',
      on_figure_model_preset_id: preset?.preset_id,
      number_of_generations: 2,
      image_types: [{ viewpoint: 'back', pose: 'walking' }],
    });

    const generated = regenerated.generation_result?.[0]?.generated_images[0]?.id ?? '';
    await studio.generatedImages.delete(generated);
    await expect(studio.generatedImages.delete(generated)).rejects.toBeInstanceOf(errors.NotFoundError);
    await studio.uploadedImages.delete(photo.id);
    await expect(studio.uploadedImages.get(photo.id)).rejects.toBeInstanceOf(errors.NotFoundError);
    expect(mock.requestCounts['aiuta-studio']).toBeGreaterThan(10);
  });

  it('surfaces what the mock refuses as the errors of the status', async () => {
    const { studio, mock } = studioAgainstMock();
    await expect(studio.flatLayOperations.get('flatlay_op-nope')).rejects.toBeInstanceOf(OperationNotFoundError);
    await expect(studio.onFigureOperations.regenerate('nope', { image_types: [STANDING_FRONT] })).rejects.toBeInstanceOf(
      errors.BadRequestError,
    );
    const badPose = {
      product_info: PRODUCT,
      image_types: [{ viewpoint: 'front', pose: 'flying' }],
      on_figure_model_preset_id: 'x',
    } as never;
    const refused = await studio.onFigureOperations.create(badPose).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(errors.UnprocessableEntityError);
    expect((refused as InstanceType<typeof errors.ApiError>).body).toMatchObject({ detail: [{ loc: ['body', 'image_types', 0, 'pose'] }] });
    const wrongKey = createAiutaStudioClient({ apiKey: 'not-the-key', fetch: mock.fetch });
    await expect(wrongKey.onFigureModelPresets.list()).rejects.toBeInstanceOf(errors.AuthenticationError);
  });
});
