import type { MockApiSetup, MockFile, MockResponse } from '../../core/api.js';
import { json } from '../../core/http.js';
import { BoundedMap } from '../../core/store.js';
import type { ValidationProblem } from '../../core/validate.js';
import type { AiutaCredentials } from '../aiuta-shared/credentials.js';
import type { Upload } from '../aiuta-shared/uploads.js';
import type { components } from './operations.gen.js';

export type Schemas = components['schemas'];

/** How a simulated Studio operation ends: any of the vendor's terminal statuses. */
export type StudioOutcome = 'SUCCESS' | 'FAILED' | 'CANCELLED' | 'ABORTED';

/** What the Studio simulation is told of a new operation: the fields it may decide on. */
export interface StudioOperationRequest {
  /** `regenerate` is an on-figure operation made from an earlier one. */
  readonly kind: 'flat_lay' | 'on_figure' | 'regenerate';
  /** The product as the operation shows it (its images as the mock's own URLs). */
  readonly product_info: Readonly<Schemas['ProductInfo']>;
  readonly image_types: readonly Readonly<Record<string, string>>[];
  readonly operation_priority: Schemas['OperationPriority'];
}

/** Timing and outcome of the Studio API mock's flat-lay and on-figure operations. */
export interface StudioSimulation {
  /** How long a new operation stays CREATED. Default 300 ms. */
  readonly queuedMs?: number;
  /** How long it then stays IN_PROGRESS. Default 1200 ms. */
  readonly runningMs?: number;
  /** How long it then stays PAUSED (as for a manual review) before it ends. Default 0: never paused. */
  readonly pausedMs?: number;
  /** How it ends; default SUCCESS. */
  readonly outcome?: (operation: StudioOperationRequest) => StudioOutcome;
}

/** The Studio API mock's options. */
export interface AiutaStudioOptions {
  /** Flat-lay and on-figure operations of the Studio API: timings and outcome. */
  readonly studio?: StudioSimulation;
}

type State = 'id' | 'status' | 'error' | 'generation_result';
/** What a flat-lay operation shows of its request. */
export type FlatLayEcho = Omit<Schemas['GenerateFlatLayImagesOperation'], State>;
/** What an on-figure operation shows of its request (for a regeneration, the original's, with its own types and count). */
export type OnFigureEcho = Omit<Schemas['GenerateOnFigureImagesOperation'], State>;

/** What kind of operation, and what it shows of its request. */
export type Job = { readonly kind: 'flat_lay'; readonly echo: FlatLayEcho } | { readonly kind: 'on_figure'; readonly echo: OnFigureEcho };

export type OperationRecord = Job & {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: StudioOutcome;
  /** The generated image ids, per requested image type, made once when the operation is first seen finished. */
  results?: readonly (readonly string[])[];
};

/** What one Studio API mock keeps: its stores, its simulation, and what its handlers read. */
export interface StudioState {
  readonly credentials: AiutaCredentials;
  readonly now: () => number;
  readonly fileUrl: (name: string) => string;
  readonly simulation: StudioSimulation;
  readonly uploads: BoundedMap<string, Upload>;
  /** The product images "downloaded" from the URLs a request gave. */
  readonly productImages: BoundedMap<string, MockFile>;
  readonly generated: BoundedMap<string, MockFile>;
  readonly operations: BoundedMap<string, OperationRecord>;
}

export function startStudio({ options, credentials, context }: MockApiSetup<AiutaStudioOptions, AiutaCredentials>): StudioState {
  const { now, limits } = context;
  const byteSize = (file: MockFile) => file.bytes.byteLength;
  const files = <V extends MockFile>() =>
    new BoundedMap<string, V>({ maxEntries: limits.files, maxWeight: limits.fileBytes, weigh: byteSize, now });
  return {
    credentials,
    now,
    fileUrl: (name) => context.fileUrl(name),
    simulation: options.studio ?? {},
    uploads: files<Upload>(),
    productImages: files<MockFile>(),
    generated: files<MockFile>(),
    operations: new BoundedMap({ maxEntries: limits.records, now }),
  };
}

// ---- Answers in the vendor's shapes ----

/** FastAPI's `HTTPException` body. */
export const detail = (status: number, message: string): MockResponse =>
  // The gateway in front of api.aiuta.com answers 401 and 429 with no body.
  status === 401 || status === 429 ? { status } : json(status, { detail: message });
/** FastAPI's 422 for a body Pydantic refuses. */
export const invalid = (problems: readonly ValidationProblem[]): MockResponse => json(422, { detail: problems });
