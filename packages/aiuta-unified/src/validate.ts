// The rules the spec states only in prose (descriptions, not schema keywords), checked before
// anything is sent. Each refusal is an InvalidRequestError naming the field, never its value.
import { InvalidRequestError } from '@signet/client-core/errors';
import type { components } from './schema.gen.js';

type Schemas = components['schemas'];

/** `sku_ids` of a try-on: 1 to 5 (the Digital Try-On API allowed 2). */
const MAX_TRY_ON_SKUS = 5;
/** `limit` of `GET /sku_items`. */
const MAX_PAGE_LIMIT = 500;
/** `count` of `GET /recommendations/outfits/{sku_id}`. */
const MAX_OUTFITS = 5;
/** `image_urls` and `uploaded_image_ids` of `SkuProductInfo`: "up to 20" in the vendor's prose. */
const MAX_PRODUCT_IMAGES = 20;

const given = (value: unknown) => value !== undefined && value !== null;

function requireNonEmpty(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new InvalidRequestError(field, 'must be a non-empty string');
}

export function requireObject(value: unknown, field: string): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidRequestError(field, 'must be an object');
}

function requireIntegerIn(value: unknown, field: string, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidRequestError(
      field,
      max === Number.MAX_SAFE_INTEGER ? `must be an integer of at least ${min}` : `must be an integer from ${min} to ${max}`,
    );
  }
}

function requireIdList(value: unknown, field: string, min: number, max: number): void {
  if (!Array.isArray(value)) throw new InvalidRequestError(field, 'must be an array of strings');
  if (value.length < min || value.length > max) throw new InvalidRequestError(field, `takes ${min} to ${max} IDs, got ${value.length}`);
  value.forEach((id, i) => {
    requireNonEmpty(id, `${field}[${i}]`);
  });
}

/** `offset` ≥ 0 and `limit` 1..500 of a SKU item page. */
export function validatePage(params: { readonly offset?: number; readonly limit?: number }): void {
  requireObject(params, 'params');
  if (params.offset !== undefined) requireIntegerIn(params.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
  if (params.limit !== undefined) requireIntegerIn(params.limit, 'limit', 1, MAX_PAGE_LIMIT);
}

/** `count` 1..5; `user_id`, when given, non-empty. */
export function validateOutfitParams(params: { readonly count?: number; readonly user_id?: string | null }): void {
  requireObject(params, 'params');
  if (params.count !== undefined) requireIntegerIn(params.count, 'count', 1, MAX_OUTFITS);
  if (given(params.user_id)) requireNonEmpty(params.user_id, 'user_id');
}

/** At most one of `image_urls` and `uploaded_image_ids`, each up to 20, IDs non-empty. */
export function validateProductInfo(info: Schemas['SkuProductInfo'], field: string): void {
  requireObject(info, field);
  if (given(info.image_urls) && given(info.uploaded_image_ids)) {
    throw new InvalidRequestError(field, 'give at most one of image_urls and uploaded_image_ids');
  }
  if (given(info.image_urls)) {
    if (!Array.isArray(info.image_urls)) throw new InvalidRequestError(`${field}.image_urls`, 'must be an array of URLs');
    if (info.image_urls.length > MAX_PRODUCT_IMAGES) {
      throw new InvalidRequestError(`${field}.image_urls`, `takes up to ${MAX_PRODUCT_IMAGES} URLs, got ${info.image_urls.length}`);
    }
  }
  if (given(info.uploaded_image_ids)) requireIdList(info.uploaded_image_ids, `${field}.uploaded_image_ids`, 1, MAX_PRODUCT_IMAGES);
}

/** `uploaded_image_id`, and exactly one of `sku_id` and `sku_ids` (1 to 5). */
export function validateTryOn(request: Schemas['SkuTryOnRequest']): void {
  requireObject(request, 'body');
  requireNonEmpty(request.uploaded_image_id, 'uploaded_image_id');
  const hasSku = given(request.sku_id);
  const hasSkus = given(request.sku_ids);
  if (hasSku === hasSkus) throw new InvalidRequestError('sku_id', 'give exactly one of sku_id and sku_ids');
  if (hasSku) requireNonEmpty(request.sku_id, 'sku_id');
  else requireIdList(request.sku_ids, 'sku_ids', 1, MAX_TRY_ON_SKUS);
}

/**
 * Exactly one of `product_info` and `sku_id`; `human` QA only with `offline` priority (the
 * default is `online`); the background reference its type names.
 */
export function validateFlatLay(request: Schemas['GenerateFlatLayImageRequest']): void {
  requireObject(request, 'body');
  const hasInfo = given(request.product_info);
  const hasSku = given(request.sku_id);
  if (hasInfo === hasSku) throw new InvalidRequestError('product_info', 'give exactly one of product_info and sku_id');
  if (hasSku) requireNonEmpty(request.sku_id, 'sku_id');
  else validateProductInfo(request.product_info as Schemas['SkuProductInfo'], 'product_info');
  requireObject(request.image_type, 'image_type');
  if (request.qa_mode === 'human' && (request.operation_priority ?? 'online') !== 'offline') {
    throw new InvalidRequestError('qa_mode', "'human' QA requires operation_priority 'offline'");
  }
  const background = request.background_settings;
  if (background !== undefined) {
    requireObject(background, 'background_settings');
    if (background.background_type === 'reference_color')
      requireNonEmpty(background.reference_color, 'background_settings.reference_color');
    if (background.background_type === 'reference_image') {
      requireNonEmpty(background.reference_image_id, 'background_settings.reference_image_id');
    }
  }
}

/** A non-empty `sku_id` and a valid `product_info`. */
export function validateSkuItem(request: Schemas['CreateSkuItemRequest']): void {
  requireObject(request, 'body');
  requireNonEmpty(request.sku_id, 'sku_id');
  validateProductInfo(request.product_info, 'product_info');
}

/** An `If-None-Match` value that can be sent as a header. */
export function validateEtag(etag: unknown): void {
  if (typeof etag !== 'string' || !/^[\u0021-\u007e]([\u0020-\u007e]*[\u0021-\u007e])?$/.test(etag)) {
    throw new InvalidRequestError('etag', 'must be the non-empty ETag of a previous response');
  }
}
