// Handlers of what the official SDKs call beyond the vendor's document (`x-unverified` in the spec):
// their settings, Size & Fit, the Web demo's suggested outfits, and Android's two-segment product lookup.
import type { Handlers } from '../../core/api.js';
import { ifNoneMatchMatches } from '../../core/http.js';
import { describeItem, flagStatus } from './catalogue.js';
import type { operations } from './operations.gen.js';
import { queryOf } from './query.js';
import { detail, MODEL_IDS, type Schemas, type SkuRecord, type UnifiedState } from './state.js';

type Table<K extends keyof operations> = Pick<Handlers<operations, UnifiedState>, K>;
type SizeRequest = Schemas['SizeRecommendationRequest'];

const SUBSCRIPTION_ETAG = 'W/"subscription-details-1"';

/** Every field at the default the vendor's team docs give (docs/team/sdk/subscription-details.md). */
export const SUBSCRIPTION_DETAILS: Schemas['SubscriptionDetails'] = {
  powered_by_sticker: { url_ios: null, url_android: null, is_visible: false },
  retry_counts: { photo_upload: 2, operation_start: 0, operation_status: 2, result_download: 2 },
  operation_delays_sequence: [
    { mode: 'recurring', delay: 1, repeat: 4 },
    { mode: 'recurring', delay: 0.5, repeat: 20 },
    { mode: 'infinite', delay: 3 },
  ],
};

/** The one catalogue the mock keeps: the Digital Try-On API's default name for it. */
const CATALOGUE = 'main';

type Measure = 'chest_c' | 'waist_c' | 'hip_c';
/** The size chart every `code` stands for in the mock: each size's range per measurement, in cm. */
const CHART: readonly { readonly name: string; readonly ranges: Readonly<Record<Measure, readonly [number, number]>> }[] = [
  { name: 'XS', ranges: { chest_c: [78, 84], waist_c: [60, 66], hip_c: [84, 90] } },
  { name: 'S', ranges: { chest_c: [84, 90], waist_c: [66, 72], hip_c: [90, 96] } },
  { name: 'M', ranges: { chest_c: [90, 98], waist_c: [72, 80], hip_c: [96, 104] } },
  { name: 'L', ranges: { chest_c: [98, 106], waist_c: [80, 88], hip_c: [104, 112] } },
  { name: 'XL', ranges: { chest_c: [106, 116], waist_c: [88, 98], hip_c: [112, 122] } },
];
const SHAPE_CM: Readonly<Record<string, number>> = { Slim: -4, Flat: -4, Normal: 0, Curvy: 5 };

/** Body measurements worked out from the answers: a plain model, the same answers giving the same sizes. */
function measurementsOf(body: SizeRequest): { readonly bmi: number; readonly cm: Readonly<Record<Measure, number>> } {
  const female = body.gender === 'Female';
  const bmi = body.weight / (body.height / 100) ** 2;
  const hipShape = body.hipShape ?? body.hip_shape;
  const bellyShape = body.bellyShape ?? body.belly_shape;
  return {
    bmi,
    cm: {
      chest_c: 0.28 * body.height + 2.2 * bmi,
      waist_c: 0.2 * body.height + 2.4 * bmi - (female ? 6 : 0) + (SHAPE_CM[bellyShape ?? 'Normal'] ?? 0),
      hip_c: 0.3 * body.height + 2.2 * bmi + (female ? 6 : 0) + (SHAPE_CM[hipShape ?? 'Normal'] ?? 0),
    },
  };
}

/** Each size's fit, and the size whose ranges the body is nearest to (the smaller one on a tie). */
export function recommendSize(body: SizeRequest): Schemas['SizeRecommendation'] {
  const { bmi, cm } = measurementsOf(body);
  const sizes = CHART.map(({ name, ranges }) => ({
    name,
    measurements: (Object.keys(ranges) as Measure[]).map((type) => {
      const [min, max] = ranges[type];
      const value = cm[type];
      const dist = value < min ? value - min : value > max ? value - max : 0;
      return { type, min, max, dist: Math.round(dist * 10) / 10, fitRatio: Math.round(((value - min) / (max - min)) * 100) / 100 };
    }),
  }));
  const misfit = (size: (typeof sizes)[number]) => size.measurements.reduce((sum, m) => sum + Math.abs(m.dist), 0);
  const best = sizes.reduce((chosen, size) => (misfit(size) < misfit(chosen) ? size : chosen));
  return {
    recommendedSizeName: best.name,
    sizes,
    bodyMeasurements: [
      ...(Object.keys(cm) as Measure[]).map((type) => ({ type, value: Math.round(cm[type]) })),
      { type: 'bmi', value: Math.round(bmi) },
    ],
  };
}

/** An item of a suggested outfit, in the older SKU item shape the Web demo reads. */
function legacyItem(item: SkuRecord): Schemas['SuggestedOutfitItem'] {
  const info = item.productInfo;
  return {
    id: item.internalId,
    sku_id: item.skuId,
    sku_catalog_name: CATALOGUE,
    title: info.title ?? item.skuId,
    ...(info.description && { description: info.description }),
    ...(info.brand && { brand: info.brand }),
    ...(info.color && { color: info.color }),
    ...(info.gender && { gender: info.gender }),
    ...(info.age_group && { age_group: info.age_group }),
    ...(info.category && { category_google_name: info.category }),
    image_urls: info.image_urls ?? [],
    descriptive_image_urls: [],
    try_on_examples: [],
    ...(info.store_url && { store_url: info.store_url }),
    is_ready: true,
  };
}

const OCCASIONS = ['Office Hours', 'Weekend Brunch', 'Evening Out'];
const STYLES = ['classic', 'casual', 'minimal'];

/** The catalogue's items ready for try-on, two to an outfit, in the order they were added. */
function suggestedOutfits(state: UnifiedState, limit: number): Schemas['SuggestedOutfit'][] {
  const ready = state.catalogue.values().filter((item) => flagStatus(state, item, 'try_on') === 'ready');
  const outfits: Schemas['SuggestedOutfit'][] = [];
  for (let i = 0; i + 1 < ready.length && outfits.length < limit; i += 2) {
    const items = [ready[i], ready[i + 1]] as SkuRecord[];
    const n = outfits.length;
    outfits.push({
      items: items.map(legacyItem),
      collage_image_url: items[0]?.productInfo.image_urls?.[0] ?? state.fileUrl([...MODEL_IDS][0] as string),
      tags: { gender: items[0]?.productInfo.gender ?? 'unisex', occasion: OCCASIONS[n % 3] as string, style: STYLES[n % 3] as string },
    });
  }
  return outfits;
}

export const sdkHandlers: Table<'getSubscriptionDetails' | 'recommendSize' | 'listSuggestedOutfits' | 'getCatalogSkuItem'> = {
  getSubscriptionDetails({ request, reply }) {
    if (ifNoneMatchMatches(request.headers.get('if-none-match'), SUBSCRIPTION_ETAG)) {
      return { status: 304, headers: { etag: SUBSCRIPTION_ETAG } };
    }
    return reply(200, SUBSCRIPTION_DETAILS, { etag: SUBSCRIPTION_ETAG });
  },
  recommendSize({ body, reply }) {
    // The Android SDK refuses a blank code before sending; the service has to as well.
    if (body.code.trim() === '') return reply(400, { detail: 'Size chart code cannot be blank' });
    return reply(200, recommendSize(body));
  },
  listSuggestedOutfits({ request, reply }, state) {
    const query = queryOf(request, [{ name: 'limit', fallback: 10, min: 1, max: 100 }]);
    if (!Array.isArray(query)) return query;
    return reply(200, suggestedOutfits(state, query[0] ?? 10));
  },
  getCatalogSkuItem({ params, reply }, state) {
    if (params.catalog_name !== CATALOGUE) return detail(404, `Catalogue not found; the one catalogue is '${CATALOGUE}'`);
    const item = state.catalogue.get(params.product_id);
    return item ? reply(200, describeItem(state, item)) : detail(404, 'SKU item not found');
  },
};
