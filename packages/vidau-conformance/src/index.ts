export type { AdapterAnswer, AdapterRequest, Outcome } from './protocol.js';
export { type CaseResult, type RunOptions, type RunSummary, runConformance } from './runner.js';
export { formatSummary } from './summary.js';
export {
  type AcceptableVector,
  type CharsetSteps,
  type FlagNote,
  type InvalidVector,
  loadVectors,
  type Refusal,
  type RefusedVector,
  type ValidVector,
  type Vector,
  type VectorBase,
  type VectorFile,
  type VidauDialect,
  vectorFilePath,
} from './vectors.js';
