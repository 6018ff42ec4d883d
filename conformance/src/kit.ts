import { fileURLToPath } from 'node:url';
import type { VectorFile } from '@signet/vidau-conformance';
import type { DialectName } from './vectors.js';

// The parts of the kit's vectors the generator writes, from the one type of them the kit exports.

export type Vector = VectorFile['tests'][number];
export type ValidVector = Extract<Vector, { result: 'valid' }>;
export type InvalidVector = Extract<Vector, { result: 'invalid' }>;
export type CharsetSteps = ValidVector['byCharset'][string];
export type FlagNote = VectorFile['notes'][string];
export type Refusal = Pick<Extract<Vector, { result: 'refused' }>, 'error' | 'refusal'>;

/** Where the kit keeps a dialect's vector file. */
export const vectorFilePath = (dialect: DialectName): string =>
  fileURLToPath(new URL(`../../packages/vidau-conformance/vectors/vidau-${dialect}.json`, import.meta.url));
