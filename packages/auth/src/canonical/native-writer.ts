import type { Dialect } from './java-dialect.js';

/**
 * How the fast writers (write-native.ts, write-small.ts) write one dialect: each dialect module makes
 * its own, for that dialect alone (see `Dialect.native`).
 */
export interface NativeWriter {
  readonly dialect: Dialect;
  readonly dropsNull: boolean;
  /** The smallest magnitude of a non-integer the dialect writes as Number#toString does. */
  readonly minPlainFraction: number;
  /** Whether `a` comes before `b` in the dialect's key order. */
  readonly before: (a: string, b: string) => boolean;
  /** Whether the dialect may refuse a key with an escape (java: a nested key fastjson2 mis-reads), so such keys go through `dialect.key`. */
  readonly checksKeys: boolean;
  /** Sorts keys in place in that order. */
  readonly sort: (keys: string[]) => void;
  /** The string writer's quoting of a string, as the dialect writes it; it may throw to leave the fast path. */
  readonly quote: (value: string) => string;
  /** A last pass over the whole text, for a dialect that escapes more than JSON.stringify (CPython's ensure_ascii). */
  readonly escape?: (text: string) => string;
  /** Member names (`"key":`) already written, for keys the dialect never refuses. */
  readonly names: Map<string, string>;
}

/**
 * The fast writers recurse (and JSON.stringify does), so past this depth they give way to the exact
 * writer, which keeps its own stack: the engine's stays bounded whatever the depth.
 */
export const NATIVE_MAX_DEPTH = 256;

/** Thrown to leave the fast path; the exact writer (write-canonical.ts) takes over. */
export class Bail {}
export const BAIL = new Bail();

/**
 * A number both fast writers leave to `Number#toString` (and `JSON.stringify`): a safe integer, or a
 * non-integer at or above the dialect's `minPlainFraction`. write-native.test.ts checks both dialects
 * write every such number that way.
 */
export function isPlainNumber(writer: NativeWriter, value: number): boolean {
  const magnitude = Math.abs(value);
  return magnitude <= Number.MAX_SAFE_INTEGER && (magnitude >= writer.minPlainFraction || magnitude === 0);
}
