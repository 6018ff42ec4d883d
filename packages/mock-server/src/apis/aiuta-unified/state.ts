import { numberOption } from '@signet/client-core';
import type { MockApiSetup, MockFile, MockRequest, MockResponse } from '../../core/api.js';
import { json } from '../../core/http.js';
import type { BoundedMap } from '../../core/store.js';
import type { ValidationProblem } from '../../core/validate.js';
import { type AiutaCredentials, checkedTimings, type TryOnOutcome, type TryOnSimulation } from '../aiuta-shared/credentials.js';
import type { JwtClaims } from '../aiuta-shared/jwt.js';
import type { Upload } from '../aiuta-shared/uploads.js';
import { PLACEHOLDER_PNG } from '../assets.js';
import type { components } from './operations.gen.js';

export type Schemas = components['schemas'];

/** How a simulated flat-lay operation ends. */
export type FlatLayOutcome = 'SUCCESS' | 'FAILED';

/** What a flat-lay simulation is told of the request: the fields it may decide on. */
export interface FlatLayRequest {
  readonly sku_id?: string | null;
  readonly product_info?: Readonly<Record<string, unknown>> | null;
  readonly image_type: { readonly flat_lay_type: string; readonly viewpoint: string };
  readonly operation_priority?: string;
  readonly qa_mode?: string;
}

/** Timing and outcome of the Unified API mock's flat-lay operations. */
export interface FlatLaySimulation {
  /** How long a new flat-lay operation stays CREATED. Default 300 ms. */
  readonly queuedMs?: number;
  /** How long it then stays IN_PROGRESS. Default 1200 ms. */
  readonly runningMs?: number;
  /** How it ends; default SUCCESS. Told the request (`GenerateFlatLayImageRequest`, as the spec has it). */
  readonly outcome?: (request: FlatLayRequest) => FlatLayOutcome;
}

/** A SKU item capability with a readiness of its own. */
export type SkuCapabilityName =
  | 'try_on'
  | 'outfit_recommendations'
  | 'size_and_fit'
  | 'off_figure_product_images'
  | 'on_figure_product_images';

/** How the Unified API mock's SKU item capabilities go from `preparing` to ready (or not). */
export interface SkuReadinessSimulation {
  /** How long an enabled (or changed) capability stays `preparing`. Default 500 ms; 0 makes it ready at once. */
  readonly preparingMs?: number;
  /** Where preparation ends; default `ready`. */
  readonly outcome?: (input: { readonly sku_id: string; readonly capability: SkuCapabilityName }) => 'ready' | 'rejected' | 'failed';
}

/** The Unified API mock's options. */
export interface AiutaUnifiedOptions {
  /** Try-on operations of both Aiuta APIs: timings and outcome. */
  readonly tryOn?: TryOnSimulation;
  /** Flat-lay operations of the Unified API: timings and outcome. */
  readonly flatLay?: FlatLaySimulation;
  /** How the Unified API's SKU item capabilities become ready: timing and outcome. */
  readonly skuReadiness?: SkuReadinessSimulation;
}

export type Flag = 'try_on' | 'outfit_recommendations' | 'size_and_fit';

export interface SkuRecord {
  readonly internalId: string;
  readonly skuId: string;
  readonly createdAt: number;
  readonly productInfo: Schemas['SkuProductInfo'];
  /** The stored product images (file names), removed with the item. */
  readonly imageNames: readonly string[];
  readonly metadata: Schemas['JsonObject'] | undefined;
  capabilities: Required<Schemas['SkuCapabilities']>;
  /** When each flag was last switched (its readiness counts from there). */
  flagSince: Record<Flag, number>;
  /** When each requested image variant was first requested, by variant key. */
  variantSince: Map<string, number>;
  merchandising: Required<Schemas['SkuMerchandising']>;
}

export interface TryOnRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: TryOnOutcome;
  /** The image tried on; the result shows its bytes (read when it finishes, so an operation holds no bytes). */
  readonly sourceId: string;
  /** The generated image ids, made once when the operation is first seen finished. */
  images?: readonly string[];
}

export interface FlatLayRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: FlatLayOutcome;
  readonly echo: Omit<Schemas['GenerateFlatLayImageOperation'], 'id' | 'status' | 'error' | 'generated_image'>;
  image?: string;
}

/** What one Unified API mock keeps: its stores, its simulations, and what its handlers read. */
export interface UnifiedState {
  readonly credentials: AiutaCredentials;
  readonly now: () => number;
  readonly fileUrl: (name: string) => string;
  readonly tryOn: TryOnSimulation;
  readonly flatLay: FlatLaySimulation;
  readonly skuReadiness: SkuReadinessSimulation;
  readonly preparingMs: number;
  readonly uploads: BoundedMap<string, Upload>;
  readonly generated: BoundedMap<string, MockFile>;
  readonly productImages: BoundedMap<string, MockFile>;
  readonly catalogue: BoundedMap<string, SkuRecord>;
  readonly tryOns: BoundedMap<string, TryOnRecord>;
  readonly flatLays: BoundedMap<string, FlatLayRecord>;
  /** The claims of the token a request was let in with, when a bearer JWT (not the API key) let it in. */
  readonly tokenClaims: WeakMap<MockRequest, JwtClaims>;
}

export function startUnified({ options, credentials, context }: MockApiSetup<AiutaUnifiedOptions, AiutaCredentials>): UnifiedState {
  const { now } = context;
  const productImages = context.store<MockFile>('files');
  return {
    credentials,
    now,
    fileUrl: (name) => context.fileUrl(name),
    tryOn: checkedTimings('tryOn', options.tryOn),
    flatLay: checkedTimings('flatLay', options.flatLay),
    skuReadiness: options.skuReadiness ?? {},
    preparingMs: numberOption('skuReadiness.preparingMs', options.skuReadiness?.preparingMs, 500),
    uploads: context.store<Upload>('files'),
    generated: context.store<MockFile>('files'),
    productImages,
    catalogue: context.store<SkuRecord>('records', (_id, item) => {
      for (const name of item.imageNames) productImages.delete(name);
    }),
    tryOns: context.store<TryOnRecord>('records'),
    flatLays: context.store<FlatLayRecord>('records'),
    tokenClaims: new WeakMap(),
  };
}

export const MODELS = [
  { id: 'model_woman_00', category: 'woman', tags: { gender: 'female', view: 'full-height' } },
  { id: 'model_man_00', category: 'man', tags: { gender: 'male', view: 'full-height' } },
] as const;
export const MODEL_IDS: ReadonlySet<string> = new Set(MODELS.map((m) => m.id));

/** An upload or a predefined model: what a try-on can run on. */
export const sourceOf = (state: UnifiedState, id: string): MockFile | undefined =>
  state.uploads.get(id) ?? (MODEL_IDS.has(id) ? PLACEHOLDER_PNG : undefined);

export const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;
export const hasItems = (list: readonly unknown[] | null | undefined): list is readonly unknown[] => given(list) && list.length > 0;

// ---- Response shapes ----

/**
 * The newer endpoints' (SKU items, recommendations, flat-lay) business refusals: the vendor's
 * `ApiError`. Everything else, auth refusals included, is FastAPI's `{detail}`, as in the Digital
 * Try-On API, so the two APIs answer the same mistake the same way.
 */
export function apiError(status: number, message: string, code: string, details?: Record<string, unknown>): MockResponse {
  return json(status, { code, message, details: details ?? null });
}

/** FastAPI's `HTTPException` shape: auth refusals, the images and try-on endpoints, and what the core refuses. */
export const detail = (status: number, message: string): MockResponse => json(status, { detail: message });
export const invalid = (problems: readonly ValidationProblem[]): MockResponse => json(422, { detail: problems });
export const badRequest = (message: string, details?: Record<string, unknown>) => apiError(400, message, 'INVALID_REQUEST', details);
export const skuNotFound = (skuId: string) => apiError(404, 'SKU item not found', 'SKU_ITEM_NOT_FOUND', { sku_id: skuId });
