// The registry: every API the mock serves, one module each. The only file outside the modules that
// names them; a new API is one more entry in MOCK_APIS and one in MockApiOperations. Its options
// are named from the package root as `MockOptions['<option>']`.
import { aiuta } from './apis/aiuta/index.js';
import type { operations as AiutaOperations } from './apis/aiuta/operations.gen.js';
import { aiutaStudio } from './apis/aiuta-studio/index.js';
import type { operations as StudioOperations } from './apis/aiuta-studio/operations.gen.js';
import { aiutaUnified } from './apis/aiuta-unified/index.js';
import type { operations as UnifiedOperations } from './apis/aiuta-unified/operations.gen.js';
import type { Served as VidauServed } from './apis/vidau/handlers.js';
import { vidau } from './apis/vidau/index.js';
import type { operations as VidauOperations } from './apis/vidau/operations.gen.js';

export const MOCK_APIS = [aiuta, aiutaUnified, aiutaStudio, vidau] as const;

/** Each API's served operations, typed from its spec (its `operations.gen.ts`): what typed MSW overrides are made from. */
export interface MockApiOperations {
  aiuta: AiutaOperations;
  'aiuta-unified': UnifiedOperations;
  'aiuta-studio': StudioOperations;
  vidau: Pick<VidauOperations, VidauServed>;
}
