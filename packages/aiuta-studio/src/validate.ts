// The rules the spec states only in prose (descriptions, not schema keywords), and the shape of
// what the types already promise, checked before anything is sent. Each refusal is an
// InvalidRequestError naming the field, never its value.
import { InvalidRequestError } from '@signet/client-core/errors';
import type { FlatLayOperationRequest, OnFigureOperationRequest, ProductInfo, RegenerateRequest } from './types.js';

/** `image_urls` "up to 20", `uploaded_image_ids` "1 to 20". */
const MAX_PRODUCT_IMAGES = 20;
/** `number_of_generations`: 1 to 4 variants of each image type. */
const MAX_GENERATIONS = 4;

type BackgroundSettings = NonNullable<FlatLayOperationRequest['background_settings']>;

const given = (value: unknown) => value !== undefined && value !== null;

function requireObject(value: unknown, field: string): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidRequestError(field, 'must be an object');
}

function requireNonEmpty(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '') throw new InvalidRequestError(field, 'must be a non-empty string');
}

function requireList(value: unknown, field: string, min: number, max: number): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw new InvalidRequestError(field, 'must be an array');
  if (value.length < min || value.length > max) throw new InvalidRequestError(field, `takes ${min} to ${max} items, got ${value.length}`);
}

/** At most one of `image_urls` and `uploaded_image_ids`: up to 20 URLs, or 1 to 20 non-empty IDs. */
function validateProductInfo(info: ProductInfo): void {
  requireObject(info, 'product_info');
  if (given(info.image_urls) && given(info.uploaded_image_ids)) {
    throw new InvalidRequestError('product_info', 'give at most one of image_urls and uploaded_image_ids');
  }
  if (given(info.image_urls)) requireList(info.image_urls, 'product_info.image_urls', 0, MAX_PRODUCT_IMAGES);
  if (given(info.uploaded_image_ids)) {
    requireList(info.uploaded_image_ids, 'product_info.uploaded_image_ids', 1, MAX_PRODUCT_IMAGES);
    info.uploaded_image_ids.forEach((id, i) => {
      requireNonEmpty(id, `product_info.uploaded_image_ids[${i}]`);
    });
  }
}

/** 1 to `max` image types, each an object, no two alike ("values must be unique"). */
function validateImageTypes(types: readonly object[], max: number): void {
  requireList(types, 'image_types', 1, max);
  const seen = new Set<string>();
  types.forEach((type, i) => {
    requireObject(type, `image_types[${i}]`);
    const key = JSON.stringify(Object.entries(type).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (seen.has(key)) throw new InvalidRequestError(`image_types[${i}]`, 'repeats an earlier image type; each must be unique');
    seen.add(key);
  });
}

function validateCount(count: unknown): void {
  if (count === undefined || count === null) return;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_GENERATIONS) {
    throw new InvalidRequestError('number_of_generations', `must be an integer from 1 to ${MAX_GENERATIONS}`);
  }
}

/** A reference color, an RGB hex code such as `#80ff00`, exactly when the type is `reference_color`. */
function validateBackground(background: BackgroundSettings | undefined): void {
  if (background === undefined) return;
  requireObject(background, 'background_settings');
  const field = 'background_settings.reference_color';
  if (background.background_type === 'reference_color') {
    if (!/^#?[0-9a-f]{6}$/i.test(background.reference_color ?? ''))
      throw new InvalidRequestError(field, 'must be an RGB hex code such as #80ff00');
  } else if (given(background.reference_color)) {
    throw new InvalidRequestError(field, "is used only with background_type 'reference_color'");
  }
}

/** What flat-lay and on-figure requests share: product, 1 to `maxTypes` unique image types, count and background. */
function validateGeneration(request: FlatLayOperationRequest | OnFigureOperationRequest, maxTypes: number): void {
  requireObject(request, 'body');
  validateProductInfo(request.product_info);
  validateImageTypes(request.image_types, maxTypes);
  validateCount(request.number_of_generations);
  validateBackground(request.background_settings);
}

/** A flat-lay request, with 1 to 6 image types. */
export const validateFlatLay = (request: FlatLayOperationRequest): void => validateGeneration(request, 6);

/** An on-figure request, with 1 to 35 image types and exactly one of a preset and model settings. */
export function validateOnFigure(request: OnFigureOperationRequest): void {
  validateGeneration(request, 35);
  const hasPreset = given(request.on_figure_model_preset_id);
  if (hasPreset === given(request.on_figure_model_settings)) {
    throw new InvalidRequestError(
      'on_figure_model_preset_id',
      'give exactly one of on_figure_model_preset_id and on_figure_model_settings',
    );
  }
  if (hasPreset) requireNonEmpty(request.on_figure_model_preset_id, 'on_figure_model_preset_id');
  else requireObject(request.on_figure_model_settings, 'on_figure_model_settings');
}

/** A regeneration: the original's ID, 1 to 35 unique image types, and a count if given. */
export function validateRegenerate(originalOperationId: string, request: RegenerateRequest): void {
  requireNonEmpty(originalOperationId, 'original_operation_id');
  requireObject(request, 'body');
  validateImageTypes(request.image_types, 35);
  validateCount(request.number_of_generations);
}
