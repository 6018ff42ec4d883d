import { defineMockApi, type Handlers } from '../../core/api.js';
import { AIUTA_CREDENTIALS, aiutaBanner } from '../aiuta-shared/credentials.js';
import { PLACEHOLDER_PNG } from '../assets.js';
import { authenticate } from './auth.js';
import { imageHandlers, listingHandlers, skuHandlers } from './catalogue-handlers.js';
import { jobHandlers } from './job-handlers.js';
import type { operations } from './operations.gen.js';
import { sdkHandlers } from './sdk-handlers.js';
import { seedUnified } from './seed.js';
import { spec } from './spec.gen.js';
import { detail, invalid, MODEL_IDS, startUnified, type UnifiedState } from './state.js';

const handlers: Handlers<operations, UnifiedState> = {
  ...imageHandlers,
  ...skuHandlers,
  ...listingHandlers,
  ...jobHandlers,
  ...sdkHandlers,
};

/** Aiuta's Unified API (`/v1`) as its spec and the SDKs describe it, in memory. */
export const aiutaUnified = defineMockApi({
  name: 'aiuta-unified',
  title: 'Aiuta Unified API',
  spec,
  credentials: AIUTA_CREDENTIALS,
  banner: aiutaBanner,
  start: startUnified,
  handlers,
  authenticate,
  error: detail,
  invalid,
  file: (name, state) =>
    state.uploads.get(name) ??
    state.generated.get(name) ??
    state.productImages.get(name) ??
    (MODEL_IDS.has(name) ? PLACEHOLDER_PNG : undefined),
  stop(state) {
    for (const store of [state.uploads, state.generated, state.productImages, state.catalogue, state.tryOns, state.flatLays]) store.clear();
  },
  seed: seedUnified,
});
