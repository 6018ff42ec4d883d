// Handlers of the flat-lay and try-on operations, each over the instance's state.
import type { Handlers, MockResponse } from '../../core/api.js';
import { unboundClaim, unboundDetail } from '../aiuta-shared/jwt.js';
import { skuChoiceProblem } from '../aiuta-shared/try-on.js';
import { describeItem, flagStatus, productInfoProblem, variantKey } from './catalogue.js';
import { flatLayState, tryOnState } from './jobs.js';
import type { operations } from './operations.gen.js';
import {
  apiError,
  badRequest,
  type FlatLayRecord,
  given,
  hasItems,
  invalid,
  type Schemas,
  skuNotFound,
  sourceOf,
  type UnifiedState,
} from './state.js';

type Table<K extends keyof operations> = Pick<Handlers<operations, UnifiedState>, K>;
type FlatLayBody = Schemas['GenerateFlatLayImageRequest'];

/** The rules of a flat-lay request the spec states in prose, and the product info it echoes; a refusal when one fails. */
function flatLaySource(state: UnifiedState, body: FlatLayBody): MockResponse | { readonly productInfo: Schemas['SkuProductInfo'] | null } {
  if (given(body.product_info) === given(body.sku_id)) return badRequest('Give exactly one of product_info and sku_id');
  if (body.qa_mode === 'human' && (body.operation_priority ?? 'online') !== 'offline') {
    return badRequest("qa_mode 'human' requires operation_priority 'offline'");
  }
  const background = body.background_settings;
  if (background?.background_type === 'reference_color' && !/^#?[0-9a-f]{6}$/i.test(background.reference_color ?? '')) {
    return badRequest('background_settings.reference_color must be an RGB hex code such as #80ff00');
  }
  if (background?.background_type === 'reference_image' && !state.uploads.has(background.reference_image_id ?? '')) {
    return apiError(400, 'Uploaded image not found', 'UPLOADED_IMAGE_NOT_FOUND', { field: 'background_settings.reference_image_id' });
  }
  if (given(body.product_info)) {
    const problem = productInfoProblem(state, body.product_info, 'product_info');
    if (problem) return problem;
    const { uploaded_image_ids: ids, ...rest } = body.product_info;
    return { productInfo: { ...rest, image_urls: hasItems(ids) ? (ids ?? []).map((id) => state.fileUrl(id)) : (rest.image_urls ?? []) } };
  }
  const skuId = body.sku_id ?? '';
  const item = state.catalogue.get(skuId);
  if (item === undefined) return skuNotFound(skuId);
  const wanted = variantKey('off', body.image_type);
  const entry = describeItem(state, item).capabilities_readiness.off_figure_product_images?.find(
    (e) => variantKey('off', e.image_type) === wanted,
  );
  if (entry?.readiness.status !== 'ready') {
    return apiError(409, 'Flat-lay generation is not available for this SKU item', 'CAPABILITY_NOT_READY', {
      capability: 'off_figure_product_images',
      status: entry?.readiness.status ?? 'absent',
    });
  }
  return { productInfo: null };
}

/**
 * Why a try-on cannot use its SKUs, or undefined when it can: each must be in the catalogue with its
 * try-on capability `ready` ("Operations need the corresponding readiness ready"; the API answers 400
 * for SKU errors).
 */
function skuProblem(state: UnifiedState, skuIds: readonly string[]): string | undefined {
  for (const skuId of skuIds) {
    const item = state.catalogue.get(skuId);
    if (item === undefined) return `SKU item ${skuId} was not found`;
    const status = flagStatus(state, item, 'try_on');
    if (status !== 'ready') return `SKU item ${skuId} is not ready for try-on (try_on: ${status})`;
  }
  return undefined;
}

export const jobHandlers: Table<'createFlatLayOperation' | 'getFlatLayOperation' | 'createSkuTryOnOperation' | 'getSkuTryOnOperation'> = {
  createFlatLayOperation({ body, reply }, state) {
    const source = flatLaySource(state, body);
    if (!('productInfo' in source)) return source;
    const id = `flatlay_op-${crypto.randomUUID()}`;
    const echo: FlatLayRecord['echo'] = {
      product_info: source.productInfo,
      sku_id: body.sku_id ?? null,
      operation_priority: body.operation_priority ?? 'online',
      qa_mode: body.qa_mode ?? 'auto',
      ...(body.background_settings !== undefined && { background_settings: body.background_settings }),
      output_image_size: body.output_image_size ?? null,
      output_image_paddings: body.output_image_paddings ?? null,
      image_type: body.image_type,
    };
    state.flatLays.set(id, { id, createdAt: state.now(), outcome: state.flatLay.outcome?.(body) ?? 'SUCCESS', echo });
    return reply(201, { operation_id: id });
  },
  getFlatLayOperation({ params, reply }, state) {
    const op = state.flatLays.get(params.operation_id);
    return op ? reply(200, flatLayState(state, op)) : apiError(404, 'Operation not found', 'OPERATION_NOT_FOUND');
  },
  createSkuTryOnOperation({ request, body, reply }, state) {
    // A token the customer's backend bound to an image or SKUs is good for those only.
    const claims = state.tokenClaims.get(request);
    const unbound = claims === undefined ? undefined : unboundClaim(claims, body);
    if (unbound !== undefined) return reply(401, unboundDetail(unbound));
    const skuChoice = skuChoiceProblem(body);
    if (skuChoice !== undefined) return invalid([skuChoice]);
    if (sourceOf(state, body.uploaded_image_id) === undefined) return reply(400, { detail: 'Input image was not found' });
    const unusable = skuProblem(state, body.sku_ids ?? [body.sku_id ?? '']);
    if (unusable !== undefined) return reply(400, { detail: unusable });
    const id = `sku_try_on_op-${crypto.randomUUID()}`;
    const outcome = state.tryOn.outcome?.(body) ?? 'SUCCESS';
    state.tryOns.set(id, { id, createdAt: state.now(), outcome, sourceId: body.uploaded_image_id });
    return reply(200, { operation_id: id });
  },
  getSkuTryOnOperation({ params, reply }, state) {
    // The vendor's schema answers an unknown operation 200 with a null body.
    const op = state.tryOns.get(params.operation_id);
    return reply(200, op ? tryOnState(state, op) : null);
  },
};
