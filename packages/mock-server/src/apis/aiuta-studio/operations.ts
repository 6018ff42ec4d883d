// Studio operations: the product images a request names, and where an operation is on its
// simulated timeline, as the API answers it.
import { PLACEHOLDER_PNG } from '../assets.js';
import { given } from './rules.js';
import type { OperationRecord, Schemas, StudioOutcome, StudioState } from './state.js';

type Status = Schemas['OperationStatus'];

const ERRORS: Readonly<Record<Exclude<StudioOutcome, 'SUCCESS'>, string>> = {
  FAILED: 'generation failed (simulated)',
  CANCELLED: 'operation cancelled (simulated)',
  ABORTED: 'operation aborted (simulated)',
};

/**
 * The product as operations show it: its images as the mock's own URLs ("downloaded and stored
 * internally" from `image_urls`, or the uploads `uploaded_image_ids` name), never the IDs;
 * undefined when an uploaded image it names does not exist.
 */
export function storedProduct(state: StudioState, info: Schemas['ProductInfo']): Schemas['ProductInfo'] | undefined {
  const { uploaded_image_ids: ids, image_urls: urls, ...rest } = info;
  if (given(ids)) {
    if (!ids.every((id) => state.uploads.has(id))) return undefined;
    return { ...rest, image_urls: ids.map((id) => state.fileUrl(id)) };
  }
  const names = (urls ?? []).map(() => `product_image-${crypto.randomUUID()}`);
  for (const name of names) state.productImages.set(name, PLACEHOLDER_PNG);
  return { ...rest, image_urls: names.map((name) => state.fileUrl(name)) };
}

/** Where an operation is now: running (CREATED, IN_PROGRESS, PAUSED), or ended as its outcome says. */
function statusOf(state: StudioState, op: OperationRecord): Status {
  const { queuedMs = 300, runningMs = 1200, pausedMs = 0 } = state.simulation;
  const age = state.now() - op.createdAt;
  if (age < queuedMs) return 'CREATED';
  if (age < queuedMs + runningMs) return 'IN_PROGRESS';
  return age < queuedMs + runningMs + pausedMs ? 'PAUSED' : op.outcome;
}

const describeGenerated = (state: StudioState, id: string): Schemas['AiutaImage'] => ({
  id,
  owner_type: 'user',
  url: state.fileUrl(id),
  expires_at: null,
});

/** The generated images of each requested type, made once; a deleted (or evicted) one stays gone. */
function resultsOf(state: StudioState, op: OperationRecord): Schemas['AiutaImage'][][] {
  if (op.results === undefined) {
    op.results = op.echo.image_types.map(() =>
      Array.from({ length: op.echo.number_of_generations ?? 1 }, () => {
        const id = `gen_image-${crypto.randomUUID()}`;
        state.generated.set(id, PLACEHOLDER_PNG);
        return id;
      }),
    );
  }
  return op.results.map((ids) => ids.filter((id) => state.generated.has(id)).map((id) => describeGenerated(state, id)));
}

/** An operation as its `GET` answers it: what it shows of its request, its status, and on SUCCESS its images per type. */
export function describeOperation<T, Echo extends { readonly image_types: readonly T[] }>(
  state: StudioState,
  op: OperationRecord,
  echo: Echo,
) {
  const status = statusOf(state, op);
  const progress = { id: op.id, status, error: status in ERRORS ? ERRORS[status as keyof typeof ERRORS] : null };
  if (status !== 'SUCCESS') return { ...echo, ...progress, generation_result: null };
  const results = resultsOf(state, op);
  return {
    ...echo,
    ...progress,
    generation_result: echo.image_types.map((image_type, i) => ({ image_type, generated_images: results[i] ?? [] })),
  };
}
