// The spec's schemas under the names the client uses; the package root exports the ones users need.
import type { components, operations, paths } from './schema.gen.js';

/** Every schema of the spec by its name, for the ones not given a name of their own below. */
export type AiutaStudioSchemas = components['schemas'];
type Schemas = AiutaStudioSchemas;

/**
 * An image held by Aiuta: an upload or a generated image. Its `url` may stop working after
 * `expires_at`; download what you keep.
 */
export type AiutaImage = Schemas['AiutaImage'];
/**
 * Where an operation stands. `CREATED`, `IN_PROGRESS` and `PAUSED` mean it is still running;
 * `waitFor` ends on any other status, including one added after this release, so keep a default
 * branch when you switch on it.
 */
export type OperationStatus = Schemas['OperationStatus'];
/**
 * The product to picture: its images, as URLs (`image_urls`) or IDs of uploads
 * (`uploaded_image_ids`), at most one of the two and up to 20, and optional `category`, `title`
 * and `description`, which make the results more relevant. In an operation, `image_urls` holds
 * Aiuta's own copies.
 */
export type ProductInfo = Schemas['ProductInfo'];
/** A flat-lay generation: the product, 1 to 6 distinct `image_types`, and optional count, priority, background and size. */
export type FlatLayOperationRequest = Schemas['GenerateFlatLayImagesRequest'];
/** A flat-lay's request and state; on `SUCCESS`, `generation_result` has the images of each requested type, in order. */
export type FlatLayOperation = Schemas['GenerateFlatLayImagesOperation'];
/**
 * An on-figure generation: the product, 1 to 35 distinct `image_types` (viewpoint and pose), and
 * the model, as a preset (`on_figure_model_preset_id`) or settings (`on_figure_model_settings`),
 * exactly one of the two.
 */
export type OnFigureOperationRequest = Omit<
  Schemas['GenerateOnFigureImagesRequest'],
  'on_figure_model_preset_id' | 'on_figure_model_settings'
> &
  (
    | { readonly on_figure_model_preset_id: string; readonly on_figure_model_settings?: null }
    | { readonly on_figure_model_settings: OnFigureModelSettings; readonly on_figure_model_preset_id?: null }
  );
/** An on-figure operation's request and state; on `SUCCESS`, `generation_result` has the images of each requested type, in order. */
export type OnFigureOperation = Schemas['GenerateOnFigureImagesOperation'];
/** What to regenerate of an earlier on-figure operation: the image types (new ones allowed) and, optionally, another count. */
export type RegenerateRequest = Omit<Schemas['RegenerateOnFigureImagesRequest'], 'original_operation_id'>;
/** The model's appearance; only `gender` is required. */
export type OnFigureModelSettings = Schemas['OnFigureModelSettings'];
/** A predefined model: its `preset_id` for `on_figure_model_preset_id`, a sample image, and its settings. */
export type OnFigureModelPreset = Schemas['OnFigureModelPresetDescription'];
export type { operations as AiutaStudioOperations, paths as AiutaStudioPaths };
