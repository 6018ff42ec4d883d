// Every answer the Studio module gives, checked against specs/aiuta-studio.yaml with the core's Ajv.
import { describe, expect, it } from 'vitest';
import { specConformance } from '../../spec-conformance.test-support.js';
import { spec } from './spec.gen.js';
import { FLAT_FRONT, imageForm, PRODUCT, STANDING_FRONT, studioMock, WALKING_SIDE } from './studio.test-support.js';

const operationIds = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).flatMap((operation) => (operation as { operationId?: string }).operationId ?? []),
);

describe('the Studio API mock answers as its spec says', () => {
  it('for every operation, in every state and outcome, and in refusal', async () => {
    let checked: ReturnType<typeof specConformance> | undefined;
    const outcomes = ['SUCCESS', 'FAILED', 'CANCELLED', 'ABORTED'] as const;
    let made = 0;
    const { send, advance, mock } = studioMock(
      { studio: { queuedMs: 10, runningMs: 10, pausedMs: 10, outcome: () => outcomes[made++ % outcomes.length] ?? 'SUCCESS' } },
      (fetch) => {
        checked = specConformance(spec, fetch);
        return checked.fetch;
      },
    );
    try {
      const image = (await send('POST', '/uploaded_images', imageForm())).body;
      await send('GET', `/uploaded_images/${image.id}`);
      const presets = (await send('GET', '/on_figure_model_presets')).body;
      const settings = { gender: 'male', ethnicity: 'latino', skin_tone: null, has_tattoo: true };
      const created = [
        await send('POST', '/on_figure_operations', {
          product_info: { uploaded_image_ids: [image.id], id: null },
          image_types: [STANDING_FRONT],
          on_figure_model_settings: settings,
          output_image_paddings: { top: 1, bottom: 2, left: 3, right: 4 },
        }),
        await send('POST', '/flat_lay_operations', {
          product_info: PRODUCT,
          image_types: [FLAT_FRONT],
          background_settings: { background_type: 'transparent' },
        }),
        await send('POST', '/on_figure_operations', {
          product_info: PRODUCT,
          image_types: [STANDING_FRONT],
          on_figure_model_preset_id: presets[0].preset_id,
        }),
        await send('POST', '/flat_lay_operations', { product_info: PRODUCT, image_types: [FLAT_FRONT], operation_priority: 'online' }),
      ].map(({ body }) => body.operation_id as string);
      const read = (id: string) => send('GET', `/${id.startsWith('flatlay') ? 'flat_lay' : 'on_figure'}_operations/${id}`);
      const statuses = new Set<string>();
      for (let step = 0; step < 4; step++) {
        for (const id of created) statuses.add((await read(id)).body.status);
        advance(10);
      }
      expect([...statuses].sort()).toEqual(['ABORTED', 'CANCELLED', 'CREATED', 'FAILED', 'IN_PROGRESS', 'PAUSED', 'SUCCESS']);
      const again = await send('POST', '/on_figure_operations/regenerate', {
        original_operation_id: created[0],
        image_types: [WALKING_SIDE],
      });
      advance(30);
      const generated = (await read(again.body.operation_id)).body.generation_result?.[0]?.generated_images[0]?.id ?? 'none';
      await send('DELETE', `/generated_images/${generated}`);
      await send('DELETE', `/uploaded_images/${image.id}`);

      // Refusals: every kind the module gives.
      await send('GET', `/uploaded_images/${image.id}`);
      await send('DELETE', `/uploaded_images/${image.id}`);
      await send('DELETE', `/generated_images/${generated}`);
      await send('GET', '/flat_lay_operations/nope');
      await send('GET', '/on_figure_operations/nope');
      await send('GET', '/on_figure_model_presets', undefined, {});
      await send('POST', '/uploaded_images', new FormData());
      await send('POST', '/flat_lay_operations', { product_info: { uploaded_image_ids: ['nope'] }, image_types: [FLAT_FRONT] });
      await send('POST', '/flat_lay_operations', { product_info: PRODUCT, image_types: [] });
      await send('POST', '/on_figure_operations', {
        product_info: PRODUCT,
        image_types: [STANDING_FRONT],
        on_figure_model_preset_id: 'nobody',
      });
      await send('POST', '/on_figure_operations', { product_info: PRODUCT, image_types: [STANDING_FRONT] });
      await send('POST', '/on_figure_operations/regenerate', { original_operation_id: 'nope', image_types: [WALKING_SIDE] });
      await send('POST', '/on_figure_operations/regenerate', { original_operation_id: created[1], image_types: [{ pose: 'flying' }] });

      expect(checked?.problems).toEqual([]);
      const answered = Object.fromEntries([...(checked?.statuses ?? [])].map(([id, seen]) => [id, [...seen].sort()]));
      for (const id of operationIds) expect([id, answered[id]?.some((status) => status >= 200 && status < 300)]).toEqual([id, true]);
      expect(new Set(Object.values(answered).flat())).toEqual(new Set([200, 204, 400, 401, 404, 422]));
    } finally {
      mock.close();
    }
  });
});
