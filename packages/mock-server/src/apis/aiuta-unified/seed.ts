import type { MockRequest, MockResponse } from '../../core/api.js';
import { requestSchema, SeedReader } from '../../core/seed.js';
import { placeholderUpload, type SeedOperation, seedOperations, seedUploadIds } from '../aiuta-shared/seed.js';
import { skuHandlers } from './catalogue-handlers.js';
import type { operations } from './operations.gen.js';
import { spec } from './spec.gen.js';
import { sourceOf, type UnifiedState } from './state.js';

type CreateItem = operations['createSkuItem']['requestBody']['content']['application/json'];

/**
 * What the Unified API mock can start with: uploads (placeholder images, by id), catalogue items
 * (as `createSkuItem` takes them, their capabilities ready at once), and try-on operations in a
 * given status.
 */
export interface UnifiedSeed {
  readonly uploads?: readonly string[];
  readonly skuItems?: readonly CreateItem[];
  readonly tryOns?: readonly SeedOperation[];
}

/** The request a seeded item stands for: a create with no headers and no bytes. */
const SEED_REQUEST: MockRequest = {
  method: 'POST',
  url: new URL('http://seed.invalid/v1/sku_items'),
  path: '/sku_items',
  headers: new Headers(),
  body: new Uint8Array(0),
};
const reply = (status: number, body: unknown): MockResponse => ({ status, body });

/** Adds the seed's uploads, items and operations, in that order; an `InvalidRequestError` names the first field that is wrong. */
export function seedUnified(input: UnifiedSeed, state: UnifiedState): void {
  const read = new SeedReader('aiuta-unified');
  const entry = read.entry(input, ['uploads', 'skuItems', 'tryOns']);
  const now = state.now();
  for (const id of seedUploadIds(read, entry)) {
    const { upload, expiresAt } = placeholderUpload(now);
    state.uploads.set(id, upload, expiresAt);
  }
  read.list(entry, 'skuItems').forEach((body, i) => {
    read.matches(body, spec, requestSchema(spec, 'createSkuItem'), 'code-points', ['skuItems', i]);
    // Made as the API makes them (the rules on product images, 409 on a taken sku_id), then made ready.
    const created = skuHandlers.createSkuItem({ request: SEED_REQUEST, params: {}, body: body as CreateItem, reply }, state);
    read.accepted(created as MockResponse, ['skuItems', i]);
    const item = state.catalogue.get((body as CreateItem).sku_id);
    if (item === undefined) return;
    const ready = now - state.preparingMs;
    item.flagSince = { try_on: ready, outfit_recommendations: ready, size_and_fit: ready };
    item.variantSince = new Map([...item.variantSince.keys()].map((key) => [key, ready]));
  });
  const tryOns = seedOperations(read, entry, 'tryOns', { now, tryOn: state.tryOn }, (id) => sourceOf(state, id) !== undefined);
  for (const operation of tryOns) state.tryOns.set(operation.id, operation);
}
