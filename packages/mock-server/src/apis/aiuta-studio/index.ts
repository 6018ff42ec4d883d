import { defineMockApi } from '../../core/api.js';
import { AIUTA_CREDENTIALS, type AiutaCredentials } from '../aiuta-shared/credentials.js';
import { PLACEHOLDER_PNG } from '../assets.js';
import { handlers } from './handlers.js';
import { PRESET_IDS, sampleOf } from './presets.js';
import { spec } from './spec.gen.js';
import { detail, invalid, startStudio } from './state.js';

const SAMPLES: ReadonlySet<string> = new Set([...PRESET_IDS].map(sampleOf));

/** Aiuta's Studio API (`/studio/v1`) as its spec describes it, in memory. */
export const aiutaStudio = defineMockApi({
  name: 'aiuta-studio',
  title: 'Aiuta Studio API',
  spec,
  // The same Aiuta account as the other two; Studio takes its API key only.
  credentials: AIUTA_CREDENTIALS,
  banner: ({ apiKey }: AiutaCredentials) => [`X-API-Key ${apiKey}`],
  start: startStudio,
  handlers,
  // The spec's one scheme, x-api-key; the gateway refuses anything else with an empty 401.
  authenticate: ({ request }, state) => (request.headers.get('x-api-key') === state.credentials.apiKey ? undefined : { status: 401 }),
  error: detail,
  invalid,
  file: (name, state) =>
    state.uploads.get(name) ??
    state.generated.get(name) ??
    state.productImages.get(name) ??
    (SAMPLES.has(name) ? PLACEHOLDER_PNG : undefined),
  stop(state) {
    for (const store of [state.uploads, state.generated, state.productImages, state.operations]) store.clear();
  },
});
