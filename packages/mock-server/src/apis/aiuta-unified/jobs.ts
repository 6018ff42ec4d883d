// Try-on and flat-lay operations: where each is on its simulated timeline, as the API answers it.

import { phaseOf } from '../aiuta-shared/credentials.js';
import { PLACEHOLDER_PNG } from '../assets.js';
import { type FlatLayRecord, type Schemas, sourceOf, type TryOnRecord, type UnifiedState } from './state.js';

export const describeGenerated = (state: UnifiedState, id: string): Schemas['AiutaImage'] => ({
  id,
  owner_type: 'user',
  url: state.fileUrl(id),
  expires_at: null,
});

export function tryOnState(state: UnifiedState, op: TryOnRecord): Schemas['SkuTryOnOperation'] {
  const base = { id: op.id, error: null, generated_images: [] };
  const phase = phaseOf(state.now(), op.createdAt, state.tryOn);
  if (phase !== 'DONE') return { ...base, status: phase };
  if (op.outcome === 'ABORTED') return { ...base, status: 'ABORTED', abort_reason: 'NO_PEOPLE_DETECTED' };
  if (op.outcome === 'FAILED') return { ...base, status: 'FAILED', error: 'generation failed (simulated)' };
  if (op.images === undefined) {
    const id = `gen_image-${crypto.randomUUID()}`;
    state.generated.set(id, sourceOf(state, op.sourceId) ?? PLACEHOLDER_PNG);
    op.images = [id];
  }
  // A deleted (or evicted) image stays gone: the list is made once, and only what is still stored is shown.
  const images = op.images.filter((id) => state.generated.has(id)).map((id) => describeGenerated(state, id));
  return { ...base, status: 'SUCCESS', generated_images: images };
}

export function flatLayState(state: UnifiedState, op: FlatLayRecord): Schemas['GenerateFlatLayImageOperation'] {
  const base = { ...op.echo, id: op.id, error: null, generated_image: null };
  const phase = phaseOf(state.now(), op.createdAt, state.flatLay);
  if (phase !== 'DONE') return { ...base, status: phase };
  if (op.outcome === 'FAILED') return { ...base, status: 'FAILED', error: 'flat-lay generation failed (simulated)' };
  if (op.image === undefined) {
    op.image = `gen_image-${crypto.randomUUID()}`;
    state.generated.set(op.image, PLACEHOLDER_PNG);
  }
  return { ...base, status: 'SUCCESS', generated_image: state.generated.has(op.image) ? describeGenerated(state, op.image) : null };
}
