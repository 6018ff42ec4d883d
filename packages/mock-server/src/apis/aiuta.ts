import type { AiutaOperations } from '@signet/aiuta';
import { JwtInvalidError, verifyAiutaJwt } from '@signet/auth';
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
import { specs } from '../specs.gen.js';
import { bearerToken, type JwtClaims, unboundClaim } from './aiuta-jwt.js';
import { PLACEHOLDER_PNG } from './assets.js';

/** The Aiuta subscription the mock accepts: API key, JWT secret and issuer, and subscription ID (for `x-user-id`). */
export interface AiutaCredentials {
  readonly apiKey: string;
  readonly jwtSecret: string;
  readonly jwtIssuer: string;
  readonly subscriptionId: string;
}

/** How a simulated try-on operation ends. */
export type TryOnOutcome = 'SUCCESS' | 'FAILED' | 'ABORTED';

/** Timing and outcome of the mock's try-on operations (both Aiuta APIs). */
export interface TryOnSimulation {
  /** How long a new operation stays CREATED. Default 300 ms. */
  readonly queuedMs?: number;
  /** How long it then stays IN_PROGRESS. Default 1200 ms. */
  readonly runningMs?: number;
  /** How it ends; default SUCCESS. */
  readonly outcome?: (request: { uploaded_image_id: string; sku_id?: string | null; sku_ids?: string[] | null }) => TryOnOutcome;
}

/** Options of the Aiuta Digital Try-On mock module. */
export interface AiutaMockOptions {
  readonly credentials: AiutaCredentials;
  readonly tryOn?: TryOnSimulation;
}

type Ops = AiutaOperations;
type TryOnRequest = Ops['startTryOn']['requestBody']['content']['application/json'];

interface Upload extends MockFile {
  readonly expiresAt: string;
}

interface Operation {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: TryOnOutcome;
  /** The image the try-on was run on; its result shows the same bytes (read when it finishes, so an operation holds no bytes). */
  readonly sourceId: string;
  /** The generated image ids, made once when the operation is first seen finished. */
  images?: readonly string[];
}

/** How long an upload lives: its `expires_at`. */
const UPLOAD_TTL_MS = 3_600_000;
const MODELS_ETAG = 'W/"predefined-models-1"';
const MODELS = [
  { category: 'woman', ids: ['model_woman_00'] },
  { category: 'man', ids: ['model_man_00'] },
] as const;
const MODEL_IDS: ReadonlySet<string> = new Set(MODELS.flatMap((c) => c.ids));

/** The Aiuta Digital Try-On API as its spec and docs describe it, in memory. */
export function aiutaApi(options: AiutaMockOptions): MockApiFactory {
  return (context) => createAiutaMock(options, context);
}

function createAiutaMock({ credentials, tryOn = {} }: AiutaMockOptions, context: MockApiContext) {
  const { now, limits } = context;
  const byteSize = (file: MockFile) => file.bytes.byteLength;
  const uploads = new BoundedMap<string, Upload>({ maxEntries: limits.files, maxWeight: limits.fileBytes, weigh: byteSize, now });
  const generated = new BoundedMap<string, MockFile>({ maxEntries: limits.files, maxWeight: limits.fileBytes, weigh: byteSize, now });
  const operations = new BoundedMap<string, Operation>({ maxEntries: limits.records, now });

  const error = (status: number, message: string): MockResponse => json(status, { detail: message });
  /** An upload or a predefined model: what a try-on can run on. */
  const fileOf = (id: string): MockFile | undefined => uploads.get(id) ?? (MODEL_IDS.has(id) ? PLACEHOLDER_PNG : undefined);

  const describeUpload = (id: string, upload: Upload) => ({
    id,
    owner_type: 'user' as const,
    url: context.fileUrl(id),
    expires_at: upload.expiresAt,
  });

  // Each state is written out as one literal, keys in the same order: an object built by spreading and
  // then overriding a key takes JSON.stringify off its fast path, and this is the most polled answer.
  const operationState = (operation: Operation): Ops['getOperation']['responses'][200]['content']['application/json'] => {
    const age = now() - operation.createdAt;
    const queued = tryOn.queuedMs ?? 300;
    const running = tryOn.runningMs ?? 1200;
    const { id } = operation;
    if (age < queued) return { id, error: null, generated_images: [], status: 'CREATED' };
    if (age < queued + running) return { id, error: null, generated_images: [], status: 'IN_PROGRESS' };
    if (operation.outcome === 'ABORTED') {
      return { id, error: null, generated_images: [], status: 'ABORTED', abort_reason: 'NO_PEOPLE_DETECTED' };
    }
    if (operation.outcome === 'FAILED') return { id, error: 'generation failed (simulated)', generated_images: [], status: 'FAILED' };
    if (operation.images === undefined) {
      const id = `${operation.id}-image-0`;
      generated.set(id, fileOf(operation.sourceId) ?? PLACEHOLDER_PNG);
      operation.images = [id];
    }
    // A deleted (or evicted) image stays gone: the list is made once, and only what is still stored is shown.
    const images = operation.images
      .filter((id) => generated.has(id))
      .map((id) => {
        const url = context.fileUrl(id);
        return { id, owner_type: 'user' as const, url, image_url: url, expires_at: null };
      });
    return { id, error: null, generated_images: images, status: 'SUCCESS' };
  };

  /** The claims of the token a request was let in with, when a bearer JWT (not the API key) let it in. */
  const tokenClaims = new WeakMap<MockRequest, JwtClaims>();

  /** The verdict once the token (if any) is checked: `claims` when it verified, `jwtProblem` when it did not. */
  const decide = (
    request: MockRequest,
    security: AuthInput['security'],
    bearer: string | undefined,
    claims: JwtClaims | undefined,
    jwtProblem: string | undefined,
  ): MockResponse | undefined => {
    const header = (name: string) => request.headers.get(name) ?? undefined;
    const satisfied = (scheme: string): boolean => {
      if (scheme === 'apiKey') return header('x-api-key') === credentials.apiKey;
      if (scheme === 'userId') return header('x-user-id') === credentials.subscriptionId;
      return scheme === 'bearerAuth' && claims !== undefined;
    };
    for (const alternative of security) {
      if (alternative.every(satisfied)) {
        if (alternative.includes('bearerAuth') && claims !== undefined) tokenClaims.set(request, claims);
        return undefined;
      }
    }
    if (jwtProblem !== undefined) return error(401, `Invalid token: ${jwtProblem}`);
    const knownUser = header('x-user-id') === credentials.subscriptionId;
    if (knownUser && header('x-api-key') === undefined && bearer === undefined && !security.some((a) => a.includes('userId'))) {
      return error(403, 'x-user-id is not accepted for this operation; use the API key or a JWT');
    }
    return error(401, 'API key or token is missing or invalid');
  };

  /** Synchronous unless a bearer token has to be verified (for an operation that takes one). */
  const authenticate = ({ request, security }: AuthInput): MockResponse | undefined | Promise<MockResponse | undefined> => {
    const bearer = bearerToken(request.headers);
    if (bearer === undefined || !security.some((alternative) => alternative.includes('bearerAuth'))) {
      return decide(request, security, bearer, undefined, undefined);
    }
    return verifyAiutaJwt(bearer, { secret: credentials.jwtSecret, issuer: credentials.jwtIssuer, now }).then(
      (claims) => decide(request, security, bearer, claims, undefined),
      (problem: unknown) =>
        decide(request, security, bearer, undefined, problem instanceof JwtInvalidError ? problem.reason : 'invalid token'),
    );
  };

  return defineMockApi<Ops>({
    name: 'aiuta',
    prefix: serverPath(specs.aiuta),
    spec: specs.aiuta,
    authenticate,
    error,
    invalid: (problems) => json(422, { detail: problems }),
    file: (name) => uploads.get(name) ?? generated.get(name) ?? (MODEL_IDS.has(name) ? PLACEHOLDER_PNG : undefined),
    close() {
      uploads.clear();
      generated.clear();
      operations.clear();
    },
    handlers: {
      async uploadImage({ body, reply }) {
        const image = body.image_data;
        if (!(image instanceof File)) {
          return json(422, { detail: [{ loc: ['body', 'image_data'], msg: 'Expected UploadFile, received: str', type: 'value_error' }] });
        }
        const id = `user_image-${crypto.randomUUID()}`;
        const expiresAt = now() + UPLOAD_TTL_MS;
        const upload: Upload = {
          bytes: new Uint8Array(await image.arrayBuffer()),
          type: image.type || 'image/png',
          expiresAt: new Date(expiresAt).toISOString(),
        };
        uploads.set(id, upload, expiresAt);
        return reply(200, describeUpload(id, upload));
      },
      getUploadedImage({ params, reply }) {
        const upload = uploads.get(params.image_id);
        return upload ? reply(200, describeUpload(params.image_id, upload)) : error(404, 'Image not found');
      },
      deleteUploadedImage({ params }) {
        if (MODEL_IDS.has(params.image_id)) return error(403, "Images with the 'aiuta' owner cannot be deleted");
        return uploads.delete(params.image_id) ? { status: 204 } : error(404, 'Image not found');
      },
      deleteGeneratedImage: ({ params }) => (generated.delete(params.image_id) ? { status: 204 } : error(404, 'Image not found')),
      startTryOn({ request: httpRequest, body, reply }) {
        const request: TryOnRequest = body;
        // A token the customer's backend bound to an image or SKUs is good for those only.
        const claims = tokenClaims.get(httpRequest);
        const unbound = claims === undefined ? undefined : unboundClaim(claims, request);
        if (unbound !== undefined) return reply(403, { detail: `The token is bound to another ${unbound}` });
        const hasSku = request.sku_id !== undefined && request.sku_id !== null;
        const hasSkus = request.sku_ids !== undefined && request.sku_ids !== null;
        if (hasSku === hasSkus) {
          const msg = hasSku ? "Only one of 'sku_id' and 'sku_ids' may be specified" : "Either 'sku_id' or 'sku_ids' must be specified";
          return json(422, { detail: [{ loc: ['body'], msg, type: 'value_error' }] });
        }
        if (fileOf(request.uploaded_image_id) === undefined) return reply(400, { detail: 'Input image was not found' });
        const id = `sku_op-${crypto.randomUUID()}`;
        const outcome = tryOn.outcome?.(request) ?? 'SUCCESS';
        operations.set(id, { id, createdAt: now(), outcome, sourceId: request.uploaded_image_id });
        return reply(200, { operation_id: id, details: null, errors: [] });
      },
      getOperation({ params, reply }) {
        const operation = operations.get(params.operation_id);
        return operation ? reply(200, operationState(operation)) : error(404, 'Operation not found');
      },
      listPredefinedModels({ request, reply }) {
        if (ifNoneMatchMatches(request.headers.get('if-none-match'), MODELS_ETAG)) return { status: 304, headers: { etag: MODELS_ETAG } };
        const categories = MODELS.map(({ category, ids }) => ({
          category,
          models: ids.map((id) => ({ id, owner_type: 'aiuta' as const, url: context.fileUrl(id), metadata: null })),
        }));
        return reply(200, categories, { etag: MODELS_ETAG });
      },
    },
  });
}
