// The rules the spec states only in prose. The vendor's request bodies are Pydantic models whose
// validators enforce them, so a breach is FastAPI's 422: a `value_error`, or a list-length error,
// at the field.
import type { ValidationProblem } from '../../core/validate.js';
import type { Schemas } from './state.js';

/** `image_urls` "up to 20", `uploaded_image_ids` "1 to 20". */
const MAX_PRODUCT_IMAGES = 20;

export const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

const valueError = (loc: readonly (string | number)[], message: string): ValidationProblem => ({
  loc: ['body', ...loc],
  msg: `Value error, ${message}`,
  type: 'value_error',
});

function listLength(list: readonly unknown[], loc: readonly string[], min: number): ValidationProblem[] {
  const where = ['body', ...loc];
  if (list.length < min) {
    return [{ loc: where, msg: `List should have at least ${min} item after validation, not ${list.length}`, type: 'too_short' }];
  }
  if (list.length > MAX_PRODUCT_IMAGES) {
    const msg = `List should have at most ${MAX_PRODUCT_IMAGES} items after validation, not ${list.length}`;
    return [{ loc: where, msg, type: 'too_long' }];
  }
  return [];
}

function productInfoProblems(info: Schemas['ProductInfo']): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (given(info.image_urls) && given(info.uploaded_image_ids)) {
    problems.push(valueError(['product_info'], 'give at most one of image_urls and uploaded_image_ids'));
  }
  if (given(info.image_urls)) problems.push(...listLength(info.image_urls, ['product_info', 'image_urls'], 0));
  if (given(info.uploaded_image_ids)) problems.push(...listLength(info.uploaded_image_ids, ['product_info', 'uploaded_image_ids'], 1));
  return problems;
}

function backgroundProblems(background: Schemas['BackgroundSettings'] | undefined): ValidationProblem[] {
  if (background === undefined) return [];
  const color = background.reference_color;
  if (background.background_type === 'reference_color') {
    return /^#?[0-9a-f]{6}$/i.test(color ?? '')
      ? []
      : [valueError(['background_settings'], 'reference_color must be an RGB hex code such as #80ff00')];
  }
  return given(color) ? [valueError(['background_settings'], "reference_color is used only with background_type 'reference_color'")] : [];
}

/** "ImageType values must be unique". */
export function imageTypeProblems(types: readonly object[]): ValidationProblem[] {
  const keys = new Set(types.map((type) => JSON.stringify(Object.entries(type).sort())));
  return keys.size === types.length ? [] : [valueError(['image_types'], 'image types must be unique')];
}

/** What a flat-lay request breaks of the rules in prose. */
export function flatLayProblems(body: Schemas['GenerateFlatLayImagesRequest']): ValidationProblem[] {
  return [
    ...productInfoProblems(body.product_info),
    ...backgroundProblems(body.background_settings),
    ...imageTypeProblems(body.image_types),
  ];
}

/** What an on-figure request breaks: those of a flat-lay, and exactly one of a preset and model settings. */
export function onFigureProblems(body: Schemas['GenerateOnFigureImagesRequest']): ValidationProblem[] {
  const problems = [
    ...productInfoProblems(body.product_info),
    ...backgroundProblems(body.background_settings),
    ...imageTypeProblems(body.image_types),
  ];
  if (given(body.on_figure_model_preset_id) === given(body.on_figure_model_settings)) {
    problems.push(valueError([], 'give exactly one of on_figure_model_preset_id and on_figure_model_settings'));
  }
  return problems;
}
