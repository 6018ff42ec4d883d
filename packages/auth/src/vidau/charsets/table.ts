import type { ImportedCharset, JavaCharset } from '../charset.js';

/**
 * One of Java 17's charset encoders as generated from a live JVM (`*.gen.ts`), in the format
 * conformance/scripts/CharsetTables.java describes: runs of code points whose byte sequences follow
 * one another, a sequence counted in mixed radix (`radix[length]` holds each byte position's lowest
 * byte and how many there are), optionally laid over a `base` table.
 */
export interface CharsetTable {
  /** Java's canonical name, as `Charset.defaultCharset().name()` prints it. */
  readonly name: ImportedCharset['name'];
  readonly base?: CharsetTable;
  readonly radix: readonly (readonly number[])[];
  readonly runs: string;
}

/** A table read into arrays, searched by code point: the runs are sorted and do not overlap. */
interface Runs {
  /** First code point of each run, and the code point after it. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Bytes per sequence; 0 where the code points are unmapped (over a base that maps them). */
  readonly lengths: Uint8Array;
  /** Index of the run's first sequence in its length's radix. */
  readonly firsts: Int32Array;
  readonly radix: readonly (readonly number[])[];
  readonly base: Runs | undefined;
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const QUESTION_MARK = 0x3f;

export function readRuns(table: CharsetTable): Runs {
  const text = table.runs;
  let at = 0;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    let digit: number;
    do {
      digit = DIGITS.indexOf(text.charAt(at++));
      value += (digit & 31) * scale;
      scale *= 32;
    } while (digit & 32);
    return value;
  };
  const starts: number[] = [];
  const ends: number[] = [];
  const lengths: number[] = [];
  const firsts: number[] = [];
  const nextIndex = [0, 0, 0, 0, 0];
  let end = 0;
  while (at < text.length) {
    const head = next();
    const count = next() + 1;
    const zigzag = next();
    const length = head % 8;
    const start = end + Math.floor(head / 8);
    const first = length === 0 ? 0 : (nextIndex[length] ?? 0) + (zigzag % 2 === 0 ? zigzag / 2 : -(zigzag - 1) / 2);
    if (length > 0) nextIndex[length] = first + count;
    starts.push(start);
    ends.push(start + count);
    lengths.push(length);
    firsts.push(first);
    end = start + count;
  }
  return {
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    lengths: Uint8Array.from(lengths),
    firsts: Int32Array.from(firsts),
    radix: table.radix,
    base: table.base === undefined ? undefined : readRuns(table.base),
  };
}

/** Appends the bytes Java writes for one code point (a lone surrogate included), '?' when the charset has none. */
export function writeCodePoint(runs: Runs, codePoint: number, bytes: number[]): void {
  let low = 0;
  let high = runs.starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (codePoint < (runs.starts[middle] as number)) high = middle - 1;
    else if (codePoint >= (runs.ends[middle] as number)) low = middle + 1;
    else {
      const length = runs.lengths[middle] as number;
      if (length === 0) {
        bytes.push(QUESTION_MARK);
        return;
      }
      const radix = runs.radix[length] as readonly number[];
      let index = (runs.firsts[middle] as number) + codePoint - (runs.starts[middle] as number);
      const at = bytes.length;
      for (let position = length - 1; position >= 0; position--) {
        const size = radix[2 * position + 1] as number;
        bytes[at + position] = (radix[2 * position] as number) + (index % size);
        index = Math.floor(index / size);
      }
      return;
    }
  }
  if (runs.base !== undefined) writeCodePoint(runs.base, codePoint, bytes);
  else bytes.push(QUESTION_MARK);
}

/** The charset a `*.gen.ts` table describes, read into arrays on first use. */
export function javaCharset(table: CharsetTable): JavaCharset {
  let runs: Runs | undefined;
  return {
    name: table.name,
    write: (codePoint, bytes) => {
      runs ??= readRuns(table);
      writeCodePoint(runs, codePoint, bytes);
    },
  };
}
