import type { Handlers } from '../../core/api.js';
import { ifNoneMatchMatches, json } from '../../core/http.js';
import { unboundClaim, unboundDetail } from '../aiuta-shared/jwt.js';
import { skuChoiceProblem } from '../aiuta-shared/try-on.js';
import { storeUpload, type Upload } from '../aiuta-shared/uploads.js';
import { detail } from './auth.js';
import type { operations } from './operations.gen.js';
import { type AiutaState, MODEL_IDS, MODELS, operationState, sourceOf } from './state.js';

const MODELS_ETAG = 'W/"predefined-models-1"';

const describeUpload = (state: AiutaState, id: string, upload: Upload) => ({
  id,
  owner_type: 'user' as const,
  url: state.fileUrl(id),
  expires_at: upload.expiresAt,
});

/** Every operation of `specs/aiuta.yaml`, each over the instance's state. */
export const handlers: Handlers<operations, AiutaState> = {
  async uploadImage({ body, reply }, state) {
    const stored = await storeUpload(body.image_data, state);
    return 'problem' in stored ? json(422, { detail: [stored.problem] }) : reply(200, describeUpload(state, stored.id, stored.upload));
  },

  getUploadedImage({ params, reply }, state) {
    const upload = state.uploads.get(params.image_id);
    return upload ? reply(200, describeUpload(state, params.image_id, upload)) : detail(404, 'Image not found');
  },

  deleteUploadedImage({ params }, state) {
    if (MODEL_IDS.has(params.image_id)) return detail(403, "Images with the 'aiuta' owner cannot be deleted");
    return state.uploads.delete(params.image_id) ? { status: 204 } : detail(404, 'Image not found');
  },

  deleteGeneratedImage: ({ params }, state) => (state.generated.delete(params.image_id) ? { status: 204 } : detail(404, 'Image not found')),

  startTryOn({ request, body, reply }, state) {
    // A token the customer's backend bound to an image or SKUs is good for those only.
    const claims = state.tokenClaims.get(request);
    const unbound = claims === undefined ? undefined : unboundClaim(claims, body);
    if (unbound !== undefined) return reply(401, unboundDetail(unbound));
    const skuChoice = skuChoiceProblem(body);
    if (skuChoice !== undefined) return json(422, { detail: [skuChoice] });
    if (sourceOf(state, body.uploaded_image_id) === undefined) return reply(400, { detail: 'Input image was not found' });
    const id = `sku_op-${crypto.randomUUID()}`;
    const outcome = state.tryOn.outcome?.(body) ?? 'SUCCESS';
    state.operations.set(id, { id, createdAt: state.now(), outcome, sourceId: body.uploaded_image_id });
    return reply(200, { operation_id: id, details: null, errors: [] });
  },

  getOperation({ params, reply }, state) {
    const operation = state.operations.get(params.operation_id);
    return operation ? reply(200, operationState(state, operation)) : detail(404, 'Operation not found');
  },

  listPredefinedModels({ request, reply }, state) {
    if (ifNoneMatchMatches(request.headers.get('if-none-match'), MODELS_ETAG)) return { status: 304, headers: { etag: MODELS_ETAG } };
    const categories = MODELS.map(({ category, ids }) => ({
      category,
      models: ids.map((id) => ({ id, owner_type: 'aiuta' as const, url: state.fileUrl(id), metadata: null })),
    }));
    return reply(200, categories, { etag: MODELS_ETAG });
  },
};
