// What both Aiuta modules can start with: uploads (placeholder images) and try-on operations in a given status.
import type { SeedReader } from '../../core/seed.js';
import { PLACEHOLDER_PNG } from '../assets.js';
import type { TryOnOutcome, TryOnSimulation } from './credentials.js';
import type { Upload } from './uploads.js';

/** Where a seeded try-on operation is: on its way, or done. */
export const OPERATION_STATUSES = ['CREATED', 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'ABORTED'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

/** A try-on operation the mock starts with: its id, the image it runs on (an upload or a predefined model), and its status. */
export interface SeedOperation {
  readonly id: string;
  readonly uploaded_image_id: string;
  /** Default SUCCESS. */
  readonly status?: OperationStatus;
}

const UPLOAD_TTL_MS = 3_600_000;

/** A placeholder image stored as an upload, living as long as an upload does. */
export const placeholderUpload = (now: number): { upload: Upload; expiresAt: number } => ({
  upload: { ...PLACEHOLDER_PNG, expiresAt: new Date(now + UPLOAD_TTL_MS).toISOString() },
  expiresAt: now + UPLOAD_TTL_MS,
});

/** The upload ids of an entry's `uploads`: each a non-empty string. */
export const seedUploadIds = (read: SeedReader, entry: Readonly<Record<string, unknown>>): string[] =>
  read.list(entry, 'uploads').map((id, i) => read.string(id, ['uploads', i]));

/**
 * The entry's operations, as records made at the time that puts each in its status now (on the
 * try-on timings), ending as its status says. `exists` tells whether an image can be tried on.
 */
export function seedOperations(
  read: SeedReader,
  entry: Readonly<Record<string, unknown>>,
  list: string,
  timing: { readonly now: number; readonly tryOn: TryOnSimulation },
  exists: (imageId: string) => boolean,
): { id: string; createdAt: number; outcome: TryOnOutcome; sourceId: string }[] {
  const queued = timing.tryOn.queuedMs ?? 300;
  const running = timing.tryOn.runningMs ?? 1200;
  return read.list(entry, list).map((item, i) => {
    const operation = read.object(item, [list, i]);
    const id = read.string(operation.id, [list, i, 'id']);
    const sourceId = read.string(operation.uploaded_image_id, [list, i, 'uploaded_image_id']);
    if (!exists(sourceId)) read.fail([list, i, 'uploaded_image_id'], 'names no upload (seed it under uploads) and no predefined model');
    const status = operation.status === undefined ? 'SUCCESS' : read.oneOf(operation.status, OPERATION_STATUSES, [list, i, 'status']);
    const age = status === 'CREATED' ? 0 : status === 'IN_PROGRESS' ? queued : queued + running;
    const outcome: TryOnOutcome = status === 'FAILED' || status === 'ABORTED' ? status : 'SUCCESS';
    return { id, createdAt: timing.now - age, outcome, sourceId };
  });
}
