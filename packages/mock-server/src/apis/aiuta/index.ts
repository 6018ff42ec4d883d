import { defineMockApi } from '../../core/api.js';
import { json } from '../../core/http.js';
import { AIUTA_CREDENTIALS, aiutaBanner } from '../aiuta-shared/credentials.js';
import { PLACEHOLDER_PNG } from '../assets.js';
import { authenticate, detail } from './auth.js';
import { handlers } from './handlers.js';
import { seedAiuta } from './seed.js';
import { spec } from './spec.gen.js';
import { MODEL_IDS, startAiuta } from './state.js';

/** The Aiuta Digital Try-On API as its spec and docs describe it, in memory. */
export const aiuta = defineMockApi({
  name: 'aiuta',
  title: 'Aiuta Digital Try-On',
  spec,
  credentials: AIUTA_CREDENTIALS,
  banner: aiutaBanner,
  start: startAiuta,
  handlers,
  authenticate,
  error: detail,
  invalid: (problems) => json(422, { detail: problems }),
  file: (name, state) => state.uploads.get(name) ?? state.generated.get(name) ?? (MODEL_IDS.has(name) ? PLACEHOLDER_PNG : undefined),
  stop(state) {
    state.uploads.clear();
    state.generated.clear();
    state.operations.clear();
  },
  seed: seedAiuta,
});
