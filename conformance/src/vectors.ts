import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CanonicalJsonDialect, CanonicalJsonUnsupportedReason } from '@signet/auth';
import { python } from '@signet/auth/python';

/** A dialect by the name its vector file, tallies and reports use. */
export type DialectName = 'java' | 'python';

/** The `dialect` option each name stands for: python is a value of its own import. */
export const DIALECT_OPTION: Record<DialectName, CanonicalJsonDialect> = { java: 'java', python };

/**
 * One committed vector file per dialect, in a Wycheproof-shaped envelope.
 * Every body and signature in it was produced by the vendor reference process,
 * never by @signet/auth.
 */
export interface VectorFile {
  readonly algorithm: 'VIDAU-HMAC-SHA256';
  readonly dialect: DialectName;
  readonly generator: {
    readonly reference: string;
    /** `fastjson2=2.0.45,…,2.0.65` (every release the vectors were produced on, which all agreed) or `python=3.11`. */
    readonly version: string;
    readonly command: string;
    /** java: the JVM default charsets `signatureByCharset` was produced under, on the pinned release. */
    readonly charsets?: readonly string[];
  };
  readonly notes: Readonly<Record<string, string>>;
  readonly numberOfTests: number;
  readonly tests: readonly Vector[];
}

interface VectorBase {
  readonly tcId: number;
  readonly comment: string;
  /** The JSON text given to the reference's sorter. */
  readonly input: string;
  readonly clientId: string;
  readonly authKey: string;
  readonly timestamp: number;
}

/** The reference accepted the input and @signet/auth must reproduce every byte. */
export interface ValidVector extends VectorBase {
  readonly result: 'valid';
  readonly canonicalBody: string;
  readonly stringToSign: string;
  /** What the reference signs on a JVM whose default charset is UTF-8 (and what CPython signs). */
  readonly signature: string;
  /** java: what the reference signs on a JVM whose default charset is US-ASCII or ISO-8859-1 (`charset` option). */
  readonly signatureByCharset?: Readonly<Record<string, string>>;
}

/** A signature that must fail verification (tampered, truncated, or made with another key). */
export interface InvalidVector extends VectorBase {
  readonly result: 'invalid';
  readonly canonicalBody: string;
  readonly signature: string;
}

/**
 * The reference produced something @signet/auth refuses to reproduce, for the
 * stated reason; `referenceOutput` records what the reference did (or threw).
 */
export interface RefusedVector extends VectorBase {
  readonly result: 'refused';
  readonly refusal: CanonicalJsonUnsupportedReason;
  /** What every release did, when they agree. */
  readonly referenceOutput?: string;
  /** java: what each release did, when they do not agree (the reason signet refuses). */
  readonly referenceOutputByVersion?: Readonly<Record<string, string>>;
}

export type Vector = ValidVector | InvalidVector | RefusedVector;

export const vectorsDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors');

export const vectorPath = (dialect: DialectName) => join(vectorsDirectory, `vidau-${dialect}.json`);

export function loadVectors(dialect: DialectName): VectorFile {
  return JSON.parse(readFileSync(vectorPath(dialect), 'utf8')) as VectorFile;
}
