import { randomUUID } from 'node:crypto';
import { JwtInvalidError, verifyAiutaJwt } from '@signet/auth';
import { header, json, type MockRequest, type MockResponse, parseJson } from './http.js';
import { matchOperation, securityAlternatives } from './openapi.js';
import { aiutaSpec } from './specs.gen.js';
import { createBodyValidator } from './validate.js';

export interface AiutaCredentials {
  readonly apiKey: string;
  readonly jwtSecret: string;
  readonly jwtIssuer: string;
  readonly subscriptionId: string;
}

export type TryOnOutcome = 'SUCCESS' | 'FAILED' | 'ABORTED';

export interface TryOnSimulation {
  /** How long a new operation stays CREATED. Default 300 ms. */
  readonly queuedMs?: number;
  /** How long it then stays IN_PROGRESS. Default 1200 ms. */
  readonly runningMs?: number;
  /** How it ends; default SUCCESS. */
  readonly outcome?: (request: { uploaded_image_id: string; sku_id?: string | null; sku_ids?: string[] | null }) => TryOnOutcome;
}

interface StoredImage {
  readonly id: string;
  readonly bytes: Buffer;
  readonly type: string;
  readonly expiresAt: string;
}

interface Operation {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: TryOnOutcome;
  readonly sourceImageId: string;
}

const PREDEFINED_MODELS = [
  { category: 'woman', models: [{ id: 'model_woman_00', owner_type: 'aiuta', url: '/files/model_woman_00', metadata: null }] },
  { category: 'man', models: [{ id: 'model_man_00', owner_type: 'aiuta', url: '/files/model_man_00', metadata: null }] },
];
const MODELS_ETAG = 'W/"predefined-models-1"';
const validateBody = createBodyValidator(aiutaSpec, 'aiuta');

/** The Aiuta Digital Try-On API as its spec and docs describe it, in memory. */
export class AiutaMock {
  private readonly uploads = new Map<string, StoredImage>();
  private readonly generated = new Set<string>();
  private readonly operations = new Map<string, Operation>();

  constructor(
    private readonly credentials: AiutaCredentials,
    private readonly simulation: TryOnSimulation,
    private readonly now: () => number,
  ) {}

  /** Bytes served under /files/{id}, for the image URLs the API returns. */
  file(id: string): StoredImage | undefined {
    return this.uploads.get(id);
  }

  async handle(request: MockRequest, origin: string): Promise<MockResponse> {
    const matched = matchOperation(aiutaSpec, request.method, request.path);
    if (matched === undefined) return json(404, { detail: 'Not Found' });
    const denied = await this.authenticate(request, securityAlternatives(aiutaSpec, matched.operation));
    if (denied !== undefined) return json(401, { detail: denied });

    let body: unknown;
    if (matched.operation.requestBody !== undefined) {
      const read = await this.readBody(request);
      if ('problems' in read) return json(422, { detail: read.problems });
      body = read.body;
      const mediaType = read.mediaType;
      const problems = validateBody(matched, mediaType, mediaType === 'application/json' ? body : { image_data: 'binary' });
      if (problems.length > 0) return json(422, { detail: problems });
    }

    const { params } = matched;
    switch (matched.operation.operationId) {
      case 'uploadImage':
        return json(200, await this.storeUpload(body as File, origin));
      case 'getUploadedImage': {
        const image = this.uploads.get(params.image_id ?? '');
        return image ? json(200, this.describe(image, origin)) : json(404, { detail: 'Image not found' });
      }
      case 'deleteUploadedImage': {
        const id = params.image_id ?? '';
        if (id.startsWith('model_')) return json(403, { detail: "Images with the 'aiuta' owner cannot be deleted" });
        return this.uploads.delete(id) ? { status: 204 } : json(404, { detail: 'Image not found' });
      }
      case 'deleteGeneratedImage':
        return this.generated.delete(params.image_id ?? '') ? { status: 204 } : json(404, { detail: 'Image not found' });
      case 'startTryOn':
        return this.startTryOn(body as { uploaded_image_id: string; sku_id?: string | null; sku_ids?: string[] | null });
      case 'getOperation': {
        const operation = this.operations.get(params.operation_id ?? '');
        return operation ? json(200, this.operationState(operation, origin)) : json(404, { detail: 'Operation not found' });
      }
      case 'listPredefinedModels':
        if (header(request, 'if-none-match') === MODELS_ETAG) return { status: 304, headers: { etag: MODELS_ETAG } };
        return json(
          200,
          PREDEFINED_MODELS.map((c) => ({ ...c, models: c.models.map((m) => ({ ...m, url: `${origin}${m.url}` })) })),
          { etag: MODELS_ETAG },
        );
      default:
        return json(501, { detail: `no mock for ${matched.operation.operationId}` });
    }
  }

  /** Undefined when one of the operation's security alternatives is met; otherwise why not. */
  private async authenticate(request: MockRequest, alternatives: string[][]): Promise<string | undefined> {
    const bearer = header(request, 'authorization')?.match(/^Bearer (.+)$/)?.[1];
    let jwtProblem: string | undefined;
    const satisfied = async (scheme: string): Promise<boolean> => {
      if (scheme === 'apiKey') return header(request, 'x-api-key') === this.credentials.apiKey;
      if (scheme === 'userId') return header(request, 'x-user-id') === this.credentials.subscriptionId;
      if (scheme === 'bearerAuth' && bearer !== undefined) {
        try {
          await verifyAiutaJwt(bearer, { secret: this.credentials.jwtSecret, issuer: this.credentials.jwtIssuer, now: this.now });
          return true;
        } catch (error) {
          jwtProblem = error instanceof JwtInvalidError ? error.reason : 'invalid token';
        }
      }
      return false;
    };
    for (const alternative of alternatives) {
      const results = await Promise.all(alternative.map(satisfied));
      if (results.every(Boolean)) return undefined;
    }
    if (jwtProblem !== undefined) return `Invalid token: ${jwtProblem}`;
    if (header(request, 'x-user-id') !== undefined && !alternatives.some((a) => a.includes('userId'))) {
      return 'x-user-id is not accepted for this operation; use the API key or a JWT';
    }
    return 'API key or token is missing or invalid';
  }

  private async readBody(request: MockRequest): Promise<{ body: unknown; mediaType: string } | { problems: unknown[] }> {
    const contentType = header(request, 'content-type') ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request(request.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(request.body),
      })
        .formData()
        .catch(() => undefined);
      const file = form?.get('image_data');
      if (!(file instanceof File)) return { problems: [{ loc: ['body', 'image_data'], msg: 'Field required', type: 'missing' }] };
      return { body: file, mediaType: 'multipart/form-data' };
    }
    const parsed = parseJson(request);
    if (!parsed.ok) return { problems: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }] };
    return { body: parsed.value, mediaType: 'application/json' };
  }

  private async storeUpload(file: File, origin: string) {
    const image: StoredImage = {
      id: `user_image-${randomUUID()}`,
      bytes: Buffer.from(await file.arrayBuffer()),
      type: file.type || 'image/png',
      expiresAt: new Date(this.now() + 3_600_000).toISOString(),
    };
    this.uploads.set(image.id, image);
    return this.describe(image, origin);
  }

  private describe(image: StoredImage, origin: string) {
    return { id: image.id, owner_type: 'user', url: `${origin}/files/${image.id}`, expires_at: image.expiresAt };
  }

  private startTryOn(body: { uploaded_image_id: string; sku_id?: string | null; sku_ids?: string[] | null }): MockResponse {
    const known =
      this.uploads.has(body.uploaded_image_id) || PREDEFINED_MODELS.some((c) => c.models.some((m) => m.id === body.uploaded_image_id));
    if (!known) return json(400, { detail: 'Input image was not found' });
    if ((body.sku_id ?? null) === null && (body.sku_ids ?? null) === null) {
      return json(422, { detail: [{ loc: ['body'], msg: "Either 'sku_id' or 'sku_ids' must be specified", type: 'value_error' }] });
    }
    const id = `sku_op-${randomUUID()}`;
    const outcome = this.simulation.outcome?.(body) ?? 'SUCCESS';
    this.operations.set(id, { id, createdAt: this.now(), outcome, sourceImageId: body.uploaded_image_id });
    return json(200, { operation_id: id, details: null, errors: [] });
  }

  private operationState(operation: Operation, origin: string) {
    const age = this.now() - operation.createdAt;
    const queued = this.simulation.queuedMs ?? 300;
    const running = this.simulation.runningMs ?? 1200;
    const base = { id: operation.id, error: null, generated_images: [] as unknown[] };
    if (age < queued) return { ...base, status: 'CREATED' };
    if (age < queued + running) return { ...base, status: 'IN_PROGRESS' };
    if (operation.outcome === 'ABORTED') return { ...base, status: 'ABORTED', abort_reason: 'NO_PEOPLE_DETECTED' };
    if (operation.outcome === 'FAILED') return { ...base, status: 'FAILED', error: 'generation failed (simulated)' };
    const generatedId = `${operation.id}-image-0`;
    this.generated.add(generatedId);
    const url = `${origin}/files/${operation.sourceImageId}`;
    return {
      ...base,
      status: 'SUCCESS',
      generated_images: [{ id: generatedId, owner_type: 'user', url, image_url: url, expires_at: null }],
    };
  }
}
