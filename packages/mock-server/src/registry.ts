// The registry: every API the mock serves, one module each. The only file outside the modules that
// names them; a new API is one more entry in MOCK_APIS (and its option types below, if it has any
// worth naming from the package root).
import { aiuta } from './apis/aiuta/index.js';
import { aiutaStudio } from './apis/aiuta-studio/index.js';
import { aiutaUnified } from './apis/aiuta-unified/index.js';
import { vidau } from './apis/vidau/index.js';

export const MOCK_APIS = [aiuta, aiutaUnified, aiutaStudio, vidau] as const;

export type { TryOnSimulation } from './apis/aiuta-shared/credentials.js';
export type { FlatLaySimulation, SkuReadinessSimulation } from './apis/aiuta-unified/state.js';
export type { VideoSimulation } from './apis/vidau/state.js';
