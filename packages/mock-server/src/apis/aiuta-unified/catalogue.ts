// The SKU catalogue: capability readiness, the rules on product images, and outfits.
import type { MockFile, MockResponse } from '../../core/api.js';
import { PLACEHOLDER_PNG } from '../assets.js';
import {
  apiError,
  badRequest,
  type Flag,
  given,
  hasItems,
  type Schemas,
  type SkuCapabilityName,
  type SkuRecord,
  type UnifiedState,
} from './state.js';

const FLAGS: readonly Flag[] = ['try_on', 'outfit_recommendations', 'size_and_fit'];
const MAX_PRODUCT_IMAGES = 20;

type Readiness = Schemas['SkuCapabilityReadiness'];

const iso = (ms: number) => new Date(ms).toISOString();

/** The key under which an image variant's readiness is kept. */
export const variantKey = (kind: 'off' | 'on', variant: object) => `${kind}:${JSON.stringify(Object.entries(variant).sort())}`;

function readinessOf(state: UnifiedState, item: SkuRecord, capability: SkuCapabilityName, enabled: boolean, since: number): Readiness {
  if (!enabled) return { updated_at: iso(since), status: 'absent', error_message: null };
  if (state.now() - since < state.preparingMs) return { updated_at: iso(since), status: 'preparing', error_message: null };
  const status = state.skuReadiness.outcome?.({ sku_id: item.skuId, capability }) ?? 'ready';
  return {
    updated_at: iso(since + state.preparingMs),
    status,
    error_message: status === 'failed' ? 'preparation failed (simulated)' : null,
  };
}

/** Where one of the item's flag capabilities is as of now: `ready` means usable. */
export const flagStatus = (state: UnifiedState, item: SkuRecord, flag: Flag): Schemas['SkuCapabilityReadinessStatus'] =>
  readinessOf(state, item, flag, item.capabilities[flag], item.flagSince[flag]).status;

/** The item as the API answers it, with every capability's readiness as of now. */
export function describeItem(state: UnifiedState, item: SkuRecord): Schemas['SkuItem'] {
  const { capabilities: caps, flagSince } = item;
  const flag = (name: Flag) => readinessOf(state, item, name, caps[name], flagSince[name]);
  const variant = (kind: 'off' | 'on', capability: SkuCapabilityName, image_type: object) =>
    readinessOf(state, item, capability, true, item.variantSince.get(variantKey(kind, image_type)) ?? item.createdAt);
  return {
    internal_id: item.internalId,
    sku_id: item.skuId,
    created_at: iso(item.createdAt),
    product_info: item.productInfo,
    capabilities: caps,
    capabilities_readiness: {
      try_on: flag('try_on'),
      outfit_recommendations: flag('outfit_recommendations'),
      size_and_fit: flag('size_and_fit'),
      off_figure_product_images: caps.off_figure_product_images.map((image_type) => ({
        image_type,
        readiness: variant('off', 'off_figure_product_images', image_type),
      })),
      on_figure_product_images: caps.on_figure_product_images.map((image_type) => ({
        image_type,
        readiness: variant('on', 'on_figure_product_images', image_type),
      })),
    },
    merchandising: item.merchandising,
    ...(item.metadata !== undefined && { metadata: item.metadata }),
  };
}

/** The full replacement a PATCH (or a create) asks for: omitted fields are off or empty. */
export const capabilitiesOf = (body: Schemas['SkuCapabilities'] | undefined): Required<Schemas['SkuCapabilities']> => ({
  try_on: body?.try_on ?? false,
  outfit_recommendations: body?.outfit_recommendations ?? false,
  size_and_fit: body?.size_and_fit ?? false,
  off_figure_product_images: body?.off_figure_product_images ?? [],
  on_figure_product_images: body?.on_figure_product_images ?? [],
});

/** Readiness restarts for what was switched or newly requested; the rest keeps its progress. */
export function applyCapabilities(state: UnifiedState, item: SkuRecord, next: Required<Schemas['SkuCapabilities']>): void {
  const at = state.now();
  for (const flag of FLAGS) if (item.capabilities[flag] !== next[flag]) item.flagSince[flag] = at;
  const variants = new Map<string, number>();
  const keep = (key: string) => variants.set(key, item.variantSince.get(key) ?? at);
  for (const variant of next.off_figure_product_images) keep(variantKey('off', variant));
  for (const variant of next.on_figure_product_images) keep(variantKey('on', variant));
  item.variantSince = variants;
  item.capabilities = next;
}

/** The product images' rules the spec states in prose; undefined when they hold. */
export function productInfoProblem(state: UnifiedState, info: Schemas['SkuProductInfo'], field: string): MockResponse | undefined {
  // An empty list gives no images, so it does not count as the other source.
  if (hasItems(info.image_urls) && hasItems(info.uploaded_image_ids)) {
    return badRequest(`Give at most one of ${field}.image_urls and ${field}.uploaded_image_ids`);
  }
  if (given(info.image_urls) && info.image_urls.length > MAX_PRODUCT_IMAGES) {
    return badRequest(`${field}.image_urls takes up to ${MAX_PRODUCT_IMAGES} URLs`);
  }
  if (given(info.uploaded_image_ids)) {
    const ids = info.uploaded_image_ids;
    if (ids.length > MAX_PRODUCT_IMAGES) return badRequest(`${field}.uploaded_image_ids takes up to ${MAX_PRODUCT_IMAGES} IDs`);
    const missing = ids.findIndex((id) => !state.uploads.has(id));
    if (missing >= 0) {
      return apiError(400, 'Uploaded image not found', 'UPLOADED_IMAGE_NOT_FOUND', { field: `${field}.uploaded_image_ids[${missing}]` });
    }
  }
  return undefined;
}

/** Copies the product images in (as the service downloads them) and answers with internal URLs only. */
export function storeProductImages(state: UnifiedState, info: Schemas['SkuProductInfo'], internalId: string) {
  const sources: MockFile[] = hasItems(info.uploaded_image_ids)
    ? (info.uploaded_image_ids ?? []).map((id) => state.uploads.get(id) ?? PLACEHOLDER_PNG)
    : (info.image_urls ?? []).map(() => PLACEHOLDER_PNG);
  const names = sources.map((file, i) => {
    const name = `product_image-${internalId}-${i}`;
    state.productImages.set(name, file);
    return name;
  });
  const { uploaded_image_ids: _input, ...rest } = info;
  return { names, productInfo: { ...rest, image_urls: names.map((name) => state.fileUrl(name)) } };
}

/** FNV-1a: a stable small hash, to vary outfits by user without randomness. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `count` outfits: the item first, then up to two in-stock companions, varied by user. */
export function outfitsFor(state: UnifiedState, item: SkuRecord, count: number, userId: string | undefined): Schemas['Outfit'][] {
  const companions = state.catalogue
    .values()
    .filter((other) => other.skuId !== item.skuId && other.merchandising.availability !== 'out_of_stock');
  const seed = userId === undefined ? 0 : hash(userId);
  return Array.from({ length: count }, (_, i) => {
    const picks = new Set<string>();
    for (let k = 0; k < Math.min(2, companions.length); k++) {
      const companion = companions[(seed + 2 * i + k) % companions.length];
      if (companion) picks.add(companion.skuId);
    }
    const skuIds = [item.skuId, ...picks];
    return {
      id: `outfit-${hash(`${skuIds.join('\u0000')}|${userId ?? ''}|${i}`)
        .toString(16)
        .padStart(8, '0')}`,
      sku_ids: skuIds,
      metadata: { rank: i + 1, personalized: userId !== undefined },
    };
  });
}
