// Handlers of the images, SKU items, recommendations and try-on model lists, each over the instance's state.
import type { Handlers, MockRequest } from '../../core/api.js';
import { ifNoneMatchMatches } from '../../core/http.js';
import { MAX_PAGE_BYTES, withinBytes } from '../../core/store.js';
import { storeUpload, type Upload } from '../aiuta-shared/uploads.js';
import { applyCapabilities, capabilitiesOf, describeItem, outfitsFor, productInfoProblem, storeProductImages } from './catalogue.js';
import type { operations } from './operations.gen.js';
import { queryOf } from './query.js';
import {
  apiError,
  badRequest,
  detail,
  invalid,
  MODEL_IDS,
  MODELS,
  type Schemas,
  type SkuRecord,
  skuNotFound,
  type UnifiedState,
} from './state.js';

type Table<K extends keyof operations> = Pick<Handlers<operations, UnifiedState>, K>;

const PREDEFINED_ETAG = 'W/"unified-predefined-models-1"';
const TRY_ON_MODELS_ETAG = 'W/"unified-try-on-models-1"';

const describeUpload = (state: UnifiedState, id: string, upload: Upload): Schemas['AiutaImage'] => ({
  id,
  owner_type: 'user',
  url: state.fileUrl(id),
  expires_at: upload.expiresAt,
});

const describeModel = (state: UnifiedState, model: (typeof MODELS)[number]): Schemas['TryOnModel'] => ({
  id: model.id,
  owner_type: 'aiuta',
  url: state.fileUrl(model.id),
  expires_at: null,
  tags: { ...model.tags },
});

const notModified = (request: MockRequest, etag: string) => ifNoneMatchMatches(request.headers.get('if-none-match'), etag);

export const imageHandlers: Table<'createUploadedImage' | 'getUploadedImage' | 'deleteUploadedImage' | 'deleteGeneratedImage'> = {
  async createUploadedImage({ body, reply }, state) {
    const stored = await storeUpload(body.image_data, state);
    return 'problem' in stored ? invalid([stored.problem]) : reply(200, describeUpload(state, stored.id, stored.upload));
  },
  getUploadedImage({ params, reply }, state) {
    const upload = state.uploads.get(params.image_id);
    return upload ? reply(200, describeUpload(state, params.image_id, upload)) : detail(404, 'Image not found');
  },
  deleteUploadedImage({ params }, state) {
    // "Images with the aiuta owner (such as try-on model images) cannot" be deleted.
    if (MODEL_IDS.has(params.image_id)) return detail(403, "Images with the 'aiuta' owner cannot be deleted");
    return state.uploads.delete(params.image_id) ? { status: 204 } : detail(404, 'Image not found');
  },
  deleteGeneratedImage: ({ params }, state) => (state.generated.delete(params.image_id) ? { status: 204 } : detail(404, 'Image not found')),
};

export const skuHandlers: Table<
  'listSkuItems' | 'createSkuItem' | 'getSkuItem' | 'deleteSkuItem' | 'updateSkuItemCapabilities' | 'updateSkuItemMerchandising'
> = {
  listSkuItems({ request, reply }, state) {
    const query = queryOf(request, [
      { name: 'offset', fallback: 0, min: 0 },
      { name: 'limit', fallback: 10, min: 1, max: 500 },
    ]);
    if (!Array.isArray(query)) return query;
    const [offset = 0, limit = 10] = query;
    const items = state.catalogue.values();
    // A page also ends before it passes MAX_PAGE_BYTES: next_offset says where the next one starts.
    const page = withinBytes(
      items.slice(offset, offset + limit).map((item) => describeItem(state, item)),
      MAX_PAGE_BYTES,
    );
    const end = offset + page.length;
    return reply(200, {
      items: page,
      total: items.length,
      next_offset: end < items.length ? end : null,
    });
  },
  createSkuItem({ body, reply }, state) {
    if (body.sku_id === '') return badRequest('sku_id must not be empty');
    const problem = productInfoProblem(state, body.product_info, 'product_info');
    if (problem) return problem;
    if (state.catalogue.has(body.sku_id)) {
      return apiError(409, 'A SKU item with this sku_id already exists', 'SKU_ITEM_ALREADY_EXISTS', { sku_id: body.sku_id });
    }
    const at = state.now();
    const internalId = crypto.randomUUID();
    const { names, productInfo } = storeProductImages(state, body.product_info, internalId);
    const item: SkuRecord = {
      internalId,
      skuId: body.sku_id,
      createdAt: at,
      productInfo,
      imageNames: names,
      metadata: body.metadata,
      capabilities: capabilitiesOf(undefined),
      flagSince: { try_on: at, outfit_recommendations: at, size_and_fit: at },
      variantSince: new Map(),
      merchandising: { availability: body.merchandising?.availability ?? 'in_stock' },
    };
    applyCapabilities(state, item, capabilitiesOf(body.capabilities));
    state.catalogue.set(item.skuId, item);
    return reply(201, describeItem(state, item));
  },
  getSkuItem({ params, reply }, state) {
    const item = state.catalogue.get(params.sku_id);
    return item ? reply(200, describeItem(state, item)) : skuNotFound(params.sku_id);
  },
  deleteSkuItem({ params }, state) {
    const item = state.catalogue.get(params.sku_id);
    if (item === undefined) return skuNotFound(params.sku_id);
    for (const name of item.imageNames) state.productImages.delete(name);
    state.catalogue.delete(params.sku_id);
    return { status: 204 };
  },
  updateSkuItemCapabilities({ params, body, reply }, state) {
    const item = state.catalogue.get(params.sku_id);
    if (item === undefined) return skuNotFound(params.sku_id);
    applyCapabilities(state, item, capabilitiesOf(body));
    state.catalogue.resize(params.sku_id);
    return reply(200, describeItem(state, item));
  },
  updateSkuItemMerchandising({ params, body, reply }, state) {
    const item = state.catalogue.get(params.sku_id);
    if (item === undefined) return skuNotFound(params.sku_id);
    item.merchandising = { availability: body.availability ?? 'in_stock' };
    return reply(200, describeItem(state, item));
  },
};

export const listingHandlers: Table<'getOutfitRecommendations' | 'listPredefinedTryOnModels' | 'listTryOnModels'> = {
  getOutfitRecommendations({ request, params, reply }, state) {
    const query = queryOf(request, [{ name: 'count', fallback: 3, min: 0, exclusive: true, max: 5 }]);
    if (!Array.isArray(query)) return query;
    const [count = 3] = query;
    const item = state.catalogue.get(params.sku_id);
    if (item === undefined) return skuNotFound(params.sku_id);
    const readiness = describeItem(state, item).capabilities_readiness.outfit_recommendations;
    if (readiness.status !== 'ready') {
      return apiError(409, 'Outfit recommendations are not available for this SKU item', 'CAPABILITY_NOT_READY', {
        capability: 'outfit_recommendations',
        status: readiness.status,
      });
    }
    const userId = request.url.searchParams.get('user_id') ?? undefined;
    return reply(200, outfitsFor(state, item, count, userId === '' ? undefined : userId));
  },
  listPredefinedTryOnModels({ request, reply }, state) {
    if (notModified(request, PREDEFINED_ETAG)) return { status: 304, headers: { etag: PREDEFINED_ETAG } };
    const categories = (['woman', 'man'] as const).map((category) => ({
      category,
      models: MODELS.filter((m) => m.category === category).map((model) => describeModel(state, model)),
    }));
    return reply(200, categories, { etag: PREDEFINED_ETAG });
  },
  listTryOnModels({ request, reply }, state) {
    if (notModified(request, TRY_ON_MODELS_ETAG)) return { status: 304, headers: { etag: TRY_ON_MODELS_ETAG } };
    return reply(
      200,
      MODELS.map((model) => describeModel(state, model)),
      { etag: TRY_ON_MODELS_ETAG },
    );
  },
};
