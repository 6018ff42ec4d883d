import type { AiutaUnifiedOperations, AiutaUnifiedSchemas } from '@signet/aiuta-unified';
import { verifyAiutaJwt } from '@signet/auth';
import {
  type AuthInput,
  defineMockApi,
  type MockApiContext,
  type MockApiFactory,
  type MockFile,
  type MockRequest,
  type MockResponse,
} from '../core/api.js';
import { ifNoneMatchMatches, json } from '../core/http.js';
import { serverPath } from '../core/openapi.js';
import { BoundedMap } from '../core/store.js';
import type { ValidationProblem } from '../core/validate.js';
import { specs } from '../specs.gen.js';
import type { AiutaCredentials, TryOnOutcome, TryOnSimulation } from './aiuta.js';
import { bearerToken, type JwtClaims, unboundClaim } from './aiuta-jwt.js';
import { PLACEHOLDER_PNG } from './assets.js';

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

/** Options of the Aiuta Unified API mock module. */
export interface AiutaUnifiedMockOptions {
  /** The subscription's credentials: the same API key, JWT secret and issuer, and subscription ID as the Digital Try-On API. */
  readonly credentials: AiutaCredentials;
  readonly tryOn?: TryOnSimulation;
  readonly flatLay?: FlatLaySimulation;
  readonly skuReadiness?: SkuReadinessSimulation;
}

type Ops = AiutaUnifiedOperations;
type S = AiutaUnifiedSchemas;
type Image = S['AiutaImage'];
type Readiness = S['SkuCapabilityReadiness'];

interface Upload extends MockFile {
  readonly expiresAt: string;
}

type Flag = 'try_on' | 'outfit_recommendations' | 'size_and_fit';
const FLAGS: readonly Flag[] = ['try_on', 'outfit_recommendations', 'size_and_fit'];

interface SkuRecord {
  readonly internalId: string;
  readonly skuId: string;
  readonly createdAt: number;
  readonly productInfo: S['SkuProductInfo'];
  /** The stored product images (file names), removed with the item. */
  readonly imageNames: readonly string[];
  readonly metadata: S['JsonObject'] | undefined;
  capabilities: Required<S['SkuCapabilities']>;
  /** When each flag was last switched (its readiness counts from there). */
  flagSince: Record<Flag, number>;
  /** When each requested image variant was first requested, by variant key. */
  variantSince: Map<string, number>;
  merchandising: Required<S['SkuMerchandising']>;
}

interface TryOnRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: TryOnOutcome;
  /** The image tried on; the result shows its bytes (read when it finishes, so an operation holds no bytes). */
  readonly sourceId: string;
  /** The generated image ids, made once when the operation is first seen finished. */
  images?: readonly string[];
}

interface FlatLayRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: FlatLayOutcome;
  readonly echo: Omit<S['GenerateFlatLayImageOperation'], 'id' | 'status' | 'error' | 'generated_image'>;
  image?: string;
}

/** How long an upload lives: its `expires_at`. */
const UPLOAD_TTL_MS = 3_600_000;
const MAX_PRODUCT_IMAGES = 20;
const MODELS = [
  { id: 'model_woman_00', category: 'woman', tags: { gender: 'female', view: 'full-height' } },
  { id: 'model_man_00', category: 'man', tags: { gender: 'male', view: 'full-height' } },
] as const;
const MODEL_IDS: ReadonlySet<string> = new Set(MODELS.map((m) => m.id));
const PREDEFINED_ETAG = 'W/"unified-predefined-models-1"';
const TRY_ON_MODELS_ETAG = 'W/"unified-try-on-models-1"';

const variantKey = (kind: 'off' | 'on', variant: object) => `${kind}:${JSON.stringify(Object.entries(variant).sort())}`;
const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;
const hasItems = (list: readonly unknown[] | null | undefined): list is readonly unknown[] => given(list) && list.length > 0;

/** FNV-1a: a stable small hash, to vary outfits by user without randomness. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Aiuta's Unified API (`/v1`) as its spec and the SDKs describe it, in memory. */
export function aiutaUnifiedApi(options: AiutaUnifiedMockOptions): MockApiFactory {
  return (context) => createUnifiedMock(options, context);
}

function createUnifiedMock({ credentials, tryOn = {}, flatLay = {}, skuReadiness = {} }: AiutaUnifiedMockOptions, context: MockApiContext) {
  const { now, limits } = context;
  const iso = (ms: number) => new Date(ms).toISOString();
  const byteSize = (file: MockFile) => file.bytes.byteLength;
  const fileStore = <V extends MockFile>() =>
    new BoundedMap<string, V>({ maxEntries: limits.files, maxWeight: limits.fileBytes, weigh: byteSize, now });
  const uploads = fileStore<Upload>();
  const generated = fileStore<MockFile>();
  const productImages = fileStore<MockFile>();
  const catalogue = new BoundedMap<string, SkuRecord>({
    maxEntries: limits.records,
    now,
    onEvict: (_id, item) => {
      for (const name of item.imageNames) productImages.delete(name);
    },
  });
  const tryOns = new BoundedMap<string, TryOnRecord>({ maxEntries: limits.records, now });
  const flatLays = new BoundedMap<string, FlatLayRecord>({ maxEntries: limits.records, now });
  /** The claims of the token a request was let in with, when a bearer JWT (not the API key) let it in. */
  const tokenClaims = new WeakMap<MockRequest, JwtClaims>();
  const preparingMs = skuReadiness.preparingMs ?? 500;

  // ---- Response shapes ----

  /** The gateway's 401, 403 and 429 carry no body; everything else is the newer endpoints' ApiError. */
  const error = (status: number, message: string, code?: string, details?: Record<string, unknown>): MockResponse => {
    if (status === 401 || status === 403 || status === 429) return { status };
    return json(status, { code: code ?? defaultCode(status), message, details: details ?? null });
  };
  /** The older endpoints (images, try-on) answer FastAPI's `HTTPException` shape. */
  const detail = (status: number, message: string): MockResponse => json(status, { detail: message });
  const invalid = (problems: readonly ValidationProblem[]): MockResponse => json(422, { detail: problems });
  const badRequest = (message: string, details?: Record<string, unknown>) => error(400, message, 'INVALID_REQUEST', details);
  const skuNotFound = (skuId: string) => error(404, 'SKU item not found', 'SKU_ITEM_NOT_FOUND', { sku_id: skuId });

  const describeUpload = (id: string, upload: Upload): Image => ({
    id,
    owner_type: 'user',
    url: context.fileUrl(id),
    expires_at: upload.expiresAt,
  });
  const describeGenerated = (id: string): Image => ({ id, owner_type: 'user', url: context.fileUrl(id), expires_at: null });
  /** An upload or a predefined model: what a try-on can run on. */
  const sourceOf = (id: string): MockFile | undefined => uploads.get(id) ?? (MODEL_IDS.has(id) ? PLACEHOLDER_PNG : undefined);

  // ---- SKU items ----

  const readinessOf = (item: SkuRecord, capability: SkuCapabilityName, enabled: boolean, since: number): Readiness => {
    if (!enabled) return { updated_at: iso(since), status: 'absent', error_message: null };
    if (now() - since < preparingMs) return { updated_at: iso(since), status: 'preparing', error_message: null };
    const status = skuReadiness.outcome?.({ sku_id: item.skuId, capability }) ?? 'ready';
    return { updated_at: iso(since + preparingMs), status, error_message: status === 'failed' ? 'preparation failed (simulated)' : null };
  };

  const describeItem = (item: SkuRecord): S['SkuItem'] => {
    const { capabilities: caps } = item;
    const variantReadiness = (kind: 'off' | 'on', capability: SkuCapabilityName, variant: object) =>
      readinessOf(item, capability, true, item.variantSince.get(variantKey(kind, variant)) ?? item.createdAt);
    return {
      internal_id: item.internalId,
      sku_id: item.skuId,
      created_at: iso(item.createdAt),
      product_info: item.productInfo,
      capabilities: caps,
      capabilities_readiness: {
        try_on: readinessOf(item, 'try_on', caps.try_on, item.flagSince.try_on),
        outfit_recommendations: readinessOf(
          item,
          'outfit_recommendations',
          caps.outfit_recommendations,
          item.flagSince.outfit_recommendations,
        ),
        size_and_fit: readinessOf(item, 'size_and_fit', caps.size_and_fit, item.flagSince.size_and_fit),
        off_figure_product_images: caps.off_figure_product_images.map((image_type) => ({
          image_type,
          readiness: variantReadiness('off', 'off_figure_product_images', image_type),
        })),
        on_figure_product_images: caps.on_figure_product_images.map((image_type) => ({
          image_type,
          readiness: variantReadiness('on', 'on_figure_product_images', image_type),
        })),
      },
      merchandising: item.merchandising,
      ...(item.metadata !== undefined && { metadata: item.metadata }),
    };
  };

  /** The full replacement a PATCH (or a create) asks for: omitted fields are off or empty. */
  const capabilitiesOf = (body: S['SkuCapabilities'] | undefined): Required<S['SkuCapabilities']> => ({
    try_on: body?.try_on ?? false,
    outfit_recommendations: body?.outfit_recommendations ?? false,
    size_and_fit: body?.size_and_fit ?? false,
    off_figure_product_images: body?.off_figure_product_images ?? [],
    on_figure_product_images: body?.on_figure_product_images ?? [],
  });

  /** Readiness restarts for what was switched or newly requested; the rest keeps its progress. */
  const applyCapabilities = (item: SkuRecord, next: Required<S['SkuCapabilities']>) => {
    const at = now();
    for (const flag of FLAGS) if (item.capabilities[flag] !== next[flag]) item.flagSince[flag] = at;
    const variants = new Map<string, number>();
    const keep = (key: string) => variants.set(key, item.variantSince.get(key) ?? at);
    for (const variant of next.off_figure_product_images) keep(variantKey('off', variant));
    for (const variant of next.on_figure_product_images) keep(variantKey('on', variant));
    item.variantSince = variants;
    item.capabilities = next;
  };

  /** The product images' rules the spec states in prose; undefined when they hold. */
  const productInfoProblem = (info: S['SkuProductInfo'], field: string): MockResponse | undefined => {
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
      const missing = ids.findIndex((id) => !uploads.has(id));
      if (missing >= 0)
        return error(400, 'Uploaded image not found', 'UPLOADED_IMAGE_NOT_FOUND', { field: `${field}.uploaded_image_ids[${missing}]` });
    }
    return undefined;
  };

  /** Copies the product images in (as the service downloads them) and answers with internal URLs only. */
  const storeProductImages = (info: S['SkuProductInfo'], internalId: string) => {
    const sources: MockFile[] = hasItems(info.uploaded_image_ids)
      ? (info.uploaded_image_ids ?? []).map((id) => uploads.get(id) ?? PLACEHOLDER_PNG)
      : (info.image_urls ?? []).map(() => PLACEHOLDER_PNG);
    const names = sources.map((file, i) => {
      const name = `product_image-${internalId}-${i}`;
      productImages.set(name, file);
      return name;
    });
    const { uploaded_image_ids: _input, ...rest } = info;
    return { names, productInfo: { ...rest, image_urls: names.map((name) => context.fileUrl(name)) } };
  };

  const outfitsFor = (item: SkuRecord, count: number, userId: string | undefined): S['Outfit'][] => {
    const companions = catalogue
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
  };

  // ---- Operations ----

  const phase = (createdAt: number, sim: { queuedMs?: number; runningMs?: number }): 'CREATED' | 'IN_PROGRESS' | 'DONE' => {
    const age = now() - createdAt;
    const queued = sim.queuedMs ?? 300;
    if (age < queued) return 'CREATED';
    return age < queued + (sim.runningMs ?? 1200) ? 'IN_PROGRESS' : 'DONE';
  };

  const tryOnState = (op: TryOnRecord): S['SkuTryOnOperation'] => {
    const base = { id: op.id, error: null, generated_images: [] };
    const state = phase(op.createdAt, tryOn);
    if (state !== 'DONE') return { ...base, status: state };
    if (op.outcome === 'ABORTED') return { ...base, status: 'ABORTED', abort_reason: 'NO_PEOPLE_DETECTED' };
    if (op.outcome === 'FAILED') return { ...base, status: 'FAILED', error: 'generation failed (simulated)' };
    if (op.images === undefined) {
      const id = `gen_image-${crypto.randomUUID()}`;
      generated.set(id, sourceOf(op.sourceId) ?? PLACEHOLDER_PNG);
      op.images = [id];
    }
    // A deleted (or evicted) image stays gone: the list is made once, and only what is still stored is shown.
    return { ...base, status: 'SUCCESS', generated_images: op.images.filter((id) => generated.has(id)).map(describeGenerated) };
  };

  const flatLayState = (op: FlatLayRecord): S['GenerateFlatLayImageOperation'] => {
    const base = { ...op.echo, id: op.id, error: null, generated_image: null };
    const state = phase(op.createdAt, flatLay);
    if (state !== 'DONE') return { ...base, status: state };
    if (op.outcome === 'FAILED') return { ...base, status: 'FAILED', error: 'flat-lay generation failed (simulated)' };
    if (op.image === undefined) {
      op.image = `gen_image-${crypto.randomUUID()}`;
      generated.set(op.image, PLACEHOLDER_PNG);
    }
    return { ...base, status: 'SUCCESS', generated_image: generated.has(op.image) ? describeGenerated(op.image) : null };
  };

  // ---- Auth: x-api-key, x-user-id, Bearer JWT; the gateway's empty 401 and 403 ----

  /** Synchronous unless there is a bearer token to verify. */
  const authenticate = ({ request, security }: AuthInput): MockResponse | undefined | Promise<MockResponse | undefined> => {
    const bearer = bearerToken(request.headers);
    if (bearer === undefined) return decide(request, security, undefined);
    return verifyAiutaJwt(bearer, { secret: credentials.jwtSecret, issuer: credentials.jwtIssuer, now }).then(
      (claims) => decide(request, security, claims),
      // An invalid or expired token: 401 below, unless another credential lets the request in.
      () => decide(request, security, undefined),
    );
  };

  /** The verdict, given the claims of a bearer token that verified. */
  const decide = (request: MockRequest, security: AuthInput['security'], claims: JwtClaims | undefined): MockResponse | undefined => {
    const header = (name: string) => request.headers.get(name) ?? undefined;
    const apiKey = header('x-api-key');
    const userId = header('x-user-id');
    const authorization = header('authorization');
    const valid: Readonly<Record<string, boolean>> = {
      apiKey: apiKey === credentials.apiKey,
      // The Android SDK in API-key mode sends the key itself as x-user-id (next to x-api-key).
      userId: userId === credentials.subscriptionId || (userId !== undefined && userId === credentials.apiKey),
      bearerAuth: claims !== undefined,
    };
    for (const alternative of security) {
      if (alternative.every((scheme) => valid[scheme] === true)) {
        if (alternative.includes('bearerAuth') && claims !== undefined) tokenClaims.set(request, claims);
        return undefined;
      }
    }
    const wrong =
      (apiKey !== undefined && !valid.apiKey) ||
      (userId !== undefined && !valid.userId) ||
      (authorization !== undefined && claims === undefined);
    // A genuine credential this operation does not take (x-user-id or a JWT where only the key will do) is a 403.
    return { status: !wrong && (valid.userId || valid.bearerAuth) ? 403 : 401 };
  };

  // ---- Query parameters (the core validates bodies only), refused as FastAPI does ----

  type IntRule = {
    readonly name: string;
    readonly fallback: number;
    readonly min: number;
    readonly exclusive?: boolean;
    readonly max?: number;
  };
  const intQuery = (request: MockRequest, rule: IntRule): number | ValidationProblem => {
    const values = request.url.searchParams.getAll(rule.name);
    const loc = ['query', rule.name];
    if (values.length === 0) return rule.fallback;
    const raw = values[0]?.trim() ?? '';
    if (values.length > 1 || !/^[+-]?\d+$/.test(raw)) {
      return { loc, msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' };
    }
    const value = Number(raw);
    if (rule.exclusive ? value <= rule.min : value < rule.min) {
      return rule.exclusive
        ? { loc, msg: `Input should be greater than ${rule.min}`, type: 'greater_than' }
        : { loc, msg: `Input should be greater than or equal to ${rule.min}`, type: 'greater_than_equal' };
    }
    if (rule.max !== undefined && value > rule.max)
      return { loc, msg: `Input should be less than or equal to ${rule.max}`, type: 'less_than_equal' };
    return value;
  };
  const queryOf = (request: MockRequest, rules: readonly IntRule[]): number[] | MockResponse => {
    const values = rules.map((rule) => intQuery(request, rule));
    const problems = values.filter((value): value is ValidationProblem => typeof value !== 'number');
    return problems.length > 0 ? invalid(problems) : (values as number[]);
  };

  return defineMockApi<Ops>({
    name: 'aiuta-unified',
    prefix: serverPath(specs['aiuta-unified']),
    spec: specs['aiuta-unified'],
    authenticate,
    error: (status, message) => error(status, message),
    invalid,
    file: (name) =>
      uploads.get(name) ?? generated.get(name) ?? productImages.get(name) ?? (MODEL_IDS.has(name) ? PLACEHOLDER_PNG : undefined),
    close() {
      for (const store of [uploads, generated, productImages, catalogue, tryOns, flatLays]) store.clear();
    },
    handlers: {
      // ---- Images ----
      async createUploadedImage({ body, reply }) {
        const image = body.image_data;
        if (!(image instanceof File)) {
          return invalid([{ loc: ['body', 'image_data'], msg: 'Expected UploadFile, received: str', type: 'value_error' }]);
        }
        const id = `user_image-${crypto.randomUUID()}`;
        const expiresAt = now() + UPLOAD_TTL_MS;
        const upload: Upload = {
          bytes: new Uint8Array(await image.arrayBuffer()),
          type: image.type || 'image/png',
          expiresAt: iso(expiresAt),
        };
        uploads.set(id, upload, expiresAt);
        return reply(200, describeUpload(id, upload));
      },
      getUploadedImage({ params, reply }) {
        const upload = uploads.get(params.image_id);
        return upload ? reply(200, describeUpload(params.image_id, upload)) : detail(404, 'Image not found');
      },
      deleteUploadedImage({ params }) {
        // "Images with the aiuta owner (such as try-on model images) cannot" be deleted.
        if (MODEL_IDS.has(params.image_id)) return { status: 403 };
        return uploads.delete(params.image_id) ? { status: 204 } : detail(404, 'Image not found');
      },
      deleteGeneratedImage: ({ params }) => (generated.delete(params.image_id) ? { status: 204 } : detail(404, 'Image not found')),

      // ---- SKU items ----
      listSkuItems({ request, reply }) {
        const query = queryOf(request, [
          { name: 'offset', fallback: 0, min: 0 },
          { name: 'limit', fallback: 10, min: 1, max: 500 },
        ]);
        if (!Array.isArray(query)) return query;
        const [offset = 0, limit = 10] = query;
        const items = catalogue.values();
        const page = items.slice(offset, offset + limit);
        const end = offset + page.length;
        return reply(200, { items: page.map(describeItem), total: items.length, next_offset: end < items.length ? end : null });
      },
      createSkuItem({ body, reply }) {
        if (body.sku_id === '') return badRequest('sku_id must not be empty');
        const problem = productInfoProblem(body.product_info, 'product_info');
        if (problem) return problem;
        if (catalogue.has(body.sku_id)) {
          return error(409, 'A SKU item with this sku_id already exists', 'SKU_ITEM_ALREADY_EXISTS', { sku_id: body.sku_id });
        }
        const at = now();
        const internalId = crypto.randomUUID();
        const { names, productInfo } = storeProductImages(body.product_info, internalId);
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
        applyCapabilities(item, capabilitiesOf(body.capabilities));
        catalogue.set(item.skuId, item);
        return reply(201, describeItem(item));
      },
      getSkuItem({ params, reply }) {
        const item = catalogue.get(params.sku_id);
        return item ? reply(200, describeItem(item)) : skuNotFound(params.sku_id);
      },
      deleteSkuItem({ params }) {
        const item = catalogue.get(params.sku_id);
        if (item === undefined) return skuNotFound(params.sku_id);
        for (const name of item.imageNames) productImages.delete(name);
        catalogue.delete(params.sku_id);
        return { status: 204 };
      },
      updateSkuItemCapabilities({ params, body, reply }) {
        const item = catalogue.get(params.sku_id);
        if (item === undefined) return skuNotFound(params.sku_id);
        applyCapabilities(item, capabilitiesOf(body));
        return reply(200, describeItem(item));
      },
      updateSkuItemMerchandising({ params, body, reply }) {
        const item = catalogue.get(params.sku_id);
        if (item === undefined) return skuNotFound(params.sku_id);
        item.merchandising = { availability: body.availability ?? 'in_stock' };
        return reply(200, describeItem(item));
      },

      // ---- Recommendations ----
      getOutfitRecommendations({ request, params, reply }) {
        const query = queryOf(request, [{ name: 'count', fallback: 3, min: 0, exclusive: true, max: 5 }]);
        if (!Array.isArray(query)) return query;
        const [count = 3] = query;
        const item = catalogue.get(params.sku_id);
        if (item === undefined) return skuNotFound(params.sku_id);
        const readiness = describeItem(item).capabilities_readiness.outfit_recommendations;
        if (readiness.status !== 'ready') {
          return error(409, 'Outfit recommendations are not available for this SKU item', 'CAPABILITY_NOT_READY', {
            capability: 'outfit_recommendations',
            status: readiness.status,
          });
        }
        const userId = request.url.searchParams.get('user_id') ?? undefined;
        return reply(200, outfitsFor(item, count, userId === '' ? undefined : userId));
      },

      // ---- Flat-lay ----
      createFlatLayOperation({ body, reply }) {
        if (given(body.product_info) === given(body.sku_id)) return badRequest('Give exactly one of product_info and sku_id');
        const priority = body.operation_priority ?? 'online';
        if (body.qa_mode === 'human' && priority !== 'offline') return badRequest("qa_mode 'human' requires operation_priority 'offline'");
        const background = body.background_settings;
        if (background?.background_type === 'reference_color' && !/^#?[0-9a-f]{6}$/i.test(background.reference_color ?? '')) {
          return badRequest('background_settings.reference_color must be an RGB hex code such as #80ff00');
        }
        if (background?.background_type === 'reference_image' && !uploads.has(background.reference_image_id ?? '')) {
          return error(400, 'Uploaded image not found', 'UPLOADED_IMAGE_NOT_FOUND', { field: 'background_settings.reference_image_id' });
        }
        let productInfo: S['SkuProductInfo'] | null = null;
        if (given(body.product_info)) {
          const problem = productInfoProblem(body.product_info, 'product_info');
          if (problem) return problem;
          const { uploaded_image_ids: ids, ...rest } = body.product_info;
          productInfo = { ...rest, image_urls: hasItems(ids) ? (ids ?? []).map((id) => context.fileUrl(id)) : (rest.image_urls ?? []) };
        } else {
          const skuId = body.sku_id ?? '';
          const item = catalogue.get(skuId);
          if (item === undefined) return skuNotFound(skuId);
          const wanted = variantKey('off', body.image_type);
          const entry = describeItem(item).capabilities_readiness.off_figure_product_images?.find(
            (e) => variantKey('off', e.image_type) === wanted,
          );
          if (entry?.readiness.status !== 'ready') {
            return error(409, 'Flat-lay generation is not available for this SKU item', 'CAPABILITY_NOT_READY', {
              capability: 'off_figure_product_images',
              status: entry?.readiness.status ?? 'absent',
            });
          }
        }
        const id = `flatlay_op-${crypto.randomUUID()}`;
        const echo: FlatLayRecord['echo'] = {
          product_info: productInfo,
          sku_id: body.sku_id ?? null,
          operation_priority: priority,
          qa_mode: body.qa_mode ?? 'auto',
          ...(background !== undefined && { background_settings: background }),
          output_image_size: body.output_image_size ?? null,
          output_image_paddings: body.output_image_paddings ?? null,
          image_type: body.image_type,
        };
        flatLays.set(id, { id, createdAt: now(), outcome: flatLay.outcome?.(body) ?? 'SUCCESS', echo });
        return reply(201, { operation_id: id });
      },
      getFlatLayOperation({ params, reply }) {
        const op = flatLays.get(params.operation_id);
        return op ? reply(200, flatLayState(op)) : error(404, 'Operation not found', 'OPERATION_NOT_FOUND');
      },

      // ---- Try-on ----
      createSkuTryOnOperation({ request, body, reply }) {
        // A token the customer's backend bound to an image or SKUs is good for those only: the gateway's empty 403.
        const claims = tokenClaims.get(request);
        if (claims !== undefined && unboundClaim(claims, body) !== undefined) return { status: 403 };
        if (given(body.sku_id) === given(body.sku_ids)) {
          return reply(400, {
            detail: given(body.sku_id) ? 'Give only one of sku_id and sku_ids' : 'Either sku_id or sku_ids must be given',
          });
        }
        if (sourceOf(body.uploaded_image_id) === undefined) return reply(400, { detail: 'Input image was not found' });
        const id = `sku_try_on_op-${crypto.randomUUID()}`;
        const outcome = tryOn.outcome?.(body) ?? 'SUCCESS';
        tryOns.set(id, { id, createdAt: now(), outcome, sourceId: body.uploaded_image_id });
        return reply(200, { operation_id: id });
      },
      getSkuTryOnOperation({ params, reply }) {
        // The vendor's schema answers an unknown operation 200 with a null body.
        const op = tryOns.get(params.operation_id);
        return reply(200, op ? tryOnState(op) : null);
      },

      // ---- Try-on models ----
      listPredefinedTryOnModels({ request, reply }) {
        if (ifNoneMatchMatches(request.headers.get('if-none-match'), PREDEFINED_ETAG))
          return { status: 304, headers: { etag: PREDEFINED_ETAG } };
        const categories = (['woman', 'man'] as const).map((category) => ({
          category,
          models: MODELS.filter((m) => m.category === category).map(describeModel),
        }));
        return reply(200, categories, { etag: PREDEFINED_ETAG });
      },
      listTryOnModels({ request, reply }) {
        if (ifNoneMatchMatches(request.headers.get('if-none-match'), TRY_ON_MODELS_ETAG)) {
          return { status: 304, headers: { etag: TRY_ON_MODELS_ETAG } };
        }
        return reply(200, MODELS.map(describeModel), { etag: TRY_ON_MODELS_ETAG });
      },
    },
  });

  function describeModel(model: (typeof MODELS)[number]): S['TryOnModel'] {
    return { id: model.id, owner_type: 'aiuta', url: context.fileUrl(model.id), expires_at: null, tags: { ...model.tags } };
  }
}

function defaultCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    501: 'NOT_IMPLEMENTED',
  };
  return codes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR');
}
