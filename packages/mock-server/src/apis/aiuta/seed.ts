import { SeedReader } from '../../core/seed.js';
import { placeholderUpload, type SeedOperation, seedOperations, seedUploadIds } from '../aiuta-shared/seed.js';
import { type AiutaState, sourceOf } from './state.js';

/** What the Digital Try-On mock can start with: uploads (placeholder images, by id) and try-on operations in a given status. */
export interface AiutaSeed {
  readonly uploads?: readonly string[];
  readonly operations?: readonly SeedOperation[];
}

/** Adds the seed's uploads, then its operations; an `InvalidRequestError` names the first field that is wrong. */
export function seedAiuta(input: AiutaSeed, state: AiutaState): void {
  const read = new SeedReader('aiuta');
  const entry = read.entry(input, ['uploads', 'operations']);
  const now = state.now();
  for (const id of seedUploadIds(read, entry)) {
    const { upload, expiresAt } = placeholderUpload(now);
    state.uploads.set(id, upload, expiresAt);
  }
  const operations = seedOperations(read, entry, 'operations', { now, tryOn: state.tryOn }, (id) => sourceOf(state, id) !== undefined);
  for (const operation of operations) state.operations.set(operation.id, operation);
}
