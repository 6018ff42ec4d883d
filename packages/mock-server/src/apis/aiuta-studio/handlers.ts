// One handler per operation of specs/aiuta-studio.yaml, each over the instance's state.
import type { Handlers } from '../../core/api.js';
import { storeUpload, type Upload } from '../aiuta-shared/uploads.js';
import type { operations } from './operations.gen.js';
import { describeOperation, storedProduct } from './operations.js';
import { describePresets, PRESET_IDS } from './presets.js';
import { flatLayProblems, given, imageTypeProblems, onFigureProblems } from './rules.js';
import { detail, invalid, type Job, type OnFigureEcho, type Schemas, type StudioOperationRequest, type StudioState } from './state.js';

const describeUpload = (state: StudioState, id: string, upload: Upload): Schemas['AiutaImage'] => ({
  id,
  owner_type: 'user',
  url: state.fileUrl(id),
  expires_at: upload.expiresAt,
});

const imageNotFound = () => detail(404, 'Image not found');

/** The fields of a generation request every operation shows again, with the service's defaults. */
const common = (body: Schemas['GenerateFlatLayImagesRequest'] | Schemas['GenerateOnFigureImagesRequest']) => ({
  operation_priority: body.operation_priority ?? 'offline',
  number_of_generations: body.number_of_generations ?? 1,
  ...(body.background_settings !== undefined && { background_settings: body.background_settings }),
  output_image_size: body.output_image_size ?? null,
  output_image_paddings: body.output_image_paddings ?? null,
});

/** Keeps a new operation and answers its ID; the simulation decides how it ends. */
function start(state: StudioState, kind: StudioOperationRequest['kind'], job: Job) {
  const id = `${job.kind === 'flat_lay' ? 'flatlay' : 'onfigure'}_op-${crypto.randomUUID()}`;
  const { product_info, image_types, operation_priority = 'offline' } = job.echo;
  const outcome = state.simulation.outcome?.({ kind, product_info, image_types, operation_priority }) ?? 'SUCCESS';
  state.operations.set(id, { ...job, id, createdAt: state.now(), outcome });
  return { operation_id: id };
}

export const handlers: Handlers<operations, StudioState> = {
  async createUploadedImage({ body, reply }, state) {
    const stored = await storeUpload(body.image_data, state);
    return 'problem' in stored ? invalid([stored.problem]) : reply(200, describeUpload(state, stored.id, stored.upload));
  },
  getUploadedImage({ params, reply }, state) {
    const upload = state.uploads.get(params.image_id);
    return upload ? reply(200, describeUpload(state, params.image_id, upload)) : imageNotFound();
  },
  deleteUploadedImage: ({ params }, state) => (state.uploads.delete(params.image_id) ? { status: 204 } : imageNotFound()),
  deleteGeneratedImage: ({ params }, state) => (state.generated.delete(params.image_id) ? { status: 204 } : imageNotFound()),

  createFlatLayOperation({ body, reply }, state) {
    const problems = flatLayProblems(body);
    if (problems.length > 0) return invalid(problems);
    const product = storedProduct(state, body.product_info);
    if (product === undefined) return reply(400, { detail: 'Uploaded image was not found' });
    const echo = { product_info: product, ...common(body), image_types: body.image_types };
    return reply(200, start(state, 'flat_lay', { kind: 'flat_lay', echo }));
  },
  getFlatLayOperation({ params, reply }, state) {
    // The vendor's schema answers an unknown operation 200 with a null body.
    const op = state.operations.get(params.operation_id);
    return reply(200, op?.kind === 'flat_lay' ? describeOperation(state, op, op.echo) : null);
  },

  listOnFigureModelPresets: ({ reply }, state) => reply(200, describePresets(state)),
  createOnFigureOperation({ body, reply }, state) {
    const problems = onFigureProblems(body);
    if (problems.length > 0) return invalid(problems);
    const presetId = body.on_figure_model_preset_id;
    if (given(presetId) && !PRESET_IDS.has(presetId)) return reply(400, { detail: 'On-figure model preset was not found' });
    const product = storedProduct(state, body.product_info);
    if (product === undefined) return reply(400, { detail: 'Uploaded image was not found' });
    const echo: OnFigureEcho = {
      product_info: product,
      ...common(body),
      image_types: body.image_types,
      on_figure_model_preset_id: presetId ?? null,
      on_figure_model_settings: body.on_figure_model_settings ?? null,
    };
    return reply(200, start(state, 'on_figure', { kind: 'on_figure', echo }));
  },
  regenerateOnFigureOperation({ body, reply }, state) {
    const problems = imageTypeProblems(body.image_types);
    if (problems.length > 0) return invalid(problems);
    const original = state.operations.get(body.original_operation_id);
    if (original?.kind !== 'on_figure') return reply(400, { detail: 'Original operation was not found' });
    // The original's product, settings and model; its own image types and, when given, count.
    const echo: OnFigureEcho = {
      ...original.echo,
      image_types: body.image_types,
      number_of_generations: body.number_of_generations ?? original.echo.number_of_generations ?? 1,
    };
    return reply(200, start(state, 'regenerate', { kind: 'on_figure', echo }));
  },
  getOnFigureOperation({ params, reply }, state) {
    const op = state.operations.get(params.operation_id);
    return reply(200, op?.kind === 'on_figure' ? describeOperation(state, op, op.echo) : null);
  },
};
