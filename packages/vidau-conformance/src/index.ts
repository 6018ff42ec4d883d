export type { AdapterAnswer, AdapterRequest } from './protocol.js';
export { type RunOptions, type RunSummary, runConformance } from './runner.js';
export { formatSummary } from './summary.js';
export { loadVectors, type VectorFile } from './vectors.js';
