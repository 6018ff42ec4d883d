import type { MockApiSetup, MockFile, MockRequest } from '../../core/api.js';
import type { BoundedMap } from '../../core/store.js';
import { type AiutaCredentials, checkedTimings, phaseOf, type TryOnOutcome, type TryOnSimulation } from '../aiuta-shared/credentials.js';
import type { JwtClaims } from '../aiuta-shared/jwt.js';
import type { Upload } from '../aiuta-shared/uploads.js';
import { PLACEHOLDER_PNG } from '../assets.js';
import type { operations } from './operations.gen.js';

/** The Digital Try-On mock's options. */
export interface AiutaOptions {
  /** Try-on operations of both Aiuta APIs: timings and outcome. */
  readonly tryOn?: TryOnSimulation;
}

export interface Operation {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: TryOnOutcome;
  /** The image the try-on was run on; its result shows the same bytes (read when it finishes, so an operation holds no bytes). */
  readonly sourceId: string;
  /** The generated image ids, made once when the operation is first seen finished. */
  images?: readonly string[];
}

/** What one Digital Try-On mock keeps: its stores, and what its handlers read. */
export interface AiutaState {
  readonly credentials: AiutaCredentials;
  readonly tryOn: TryOnSimulation;
  readonly now: () => number;
  readonly fileUrl: (name: string) => string;
  readonly uploads: BoundedMap<string, Upload>;
  readonly generated: BoundedMap<string, MockFile>;
  readonly operations: BoundedMap<string, Operation>;
  /** The claims of the token a request was let in with, when a bearer JWT (not the API key) let it in. */
  readonly tokenClaims: WeakMap<MockRequest, JwtClaims>;
}

export const MODELS = [
  { category: 'woman', ids: ['model_woman_00'] },
  { category: 'man', ids: ['model_man_00'] },
] as const;
export const MODEL_IDS: ReadonlySet<string> = new Set(MODELS.flatMap((c) => c.ids));

export function startAiuta({ options, credentials, context }: MockApiSetup<AiutaOptions, AiutaCredentials>): AiutaState {
  const { now } = context;
  return {
    credentials,
    tryOn: checkedTimings('tryOn', options.tryOn),
    now,
    fileUrl: (name) => context.fileUrl(name),
    uploads: context.store<Upload>('files'),
    generated: context.store<MockFile>('files'),
    operations: context.store<Operation>('records'),
    tokenClaims: new WeakMap(),
  };
}

/** An upload or a predefined model: what a try-on can run on, and what `/files` serves besides generated images. */
export const sourceOf = (state: AiutaState, id: string): MockFile | undefined =>
  state.uploads.get(id) ?? (MODEL_IDS.has(id) ? PLACEHOLDER_PNG : undefined);

type OperationState = operations['getOperation']['responses'][200]['content']['application/json'];

// Each state is written out as one literal, keys in the same order: an object built by spreading and
// then overriding a key takes JSON.stringify off its fast path, and this is the most polled answer.
export function operationState(state: AiutaState, operation: Operation): OperationState {
  const { id } = operation;
  const phase = phaseOf(state.now(), operation.createdAt, state.tryOn);
  if (phase !== 'DONE') return { id, error: null, generated_images: [], status: phase };
  if (operation.outcome === 'ABORTED') {
    return { id, error: null, generated_images: [], status: 'ABORTED', abort_reason: 'NO_PEOPLE_DETECTED' };
  }
  if (operation.outcome === 'FAILED') return { id, error: 'generation failed (simulated)', generated_images: [], status: 'FAILED' };
  if (operation.images === undefined) {
    const image = `${operation.id}-image-0`;
    state.generated.set(image, sourceOf(state, operation.sourceId) ?? PLACEHOLDER_PNG);
    operation.images = [image];
  }
  // A deleted (or evicted) image stays gone: the list is made once, and only what is still stored is shown.
  const images = operation.images
    .filter((image) => state.generated.has(image))
    .map((image) => {
      const url = state.fileUrl(image);
      return { id: image, owner_type: 'user' as const, url, image_url: url, expires_at: null };
    });
  return { id, error: null, generated_images: images, status: 'SUCCESS' };
}
