import { CanonicalJsonError } from '../errors.js';
import type { CanonicalJsonObject } from './canonical-json.js';
import { type Dialect, isMisreadableKey, javaDialect, javaDialectKeepingKeys, MISREAD_KEY, overflowsInFastjson2 } from './java-dialect.js';
import { JsonNumber } from './json-number.js';
import { type ParsedJson, parseJsonLossless } from './parse-json-lossless.js';
import { formatPath, writeCanonical } from './write-canonical.js';

/**
 * What the java dialect's canonicalJson adds to the writer: the second chance, which needs the whole
 * body rather than one value at a time.
 *
 * - A nested key fastjson2 2.0.61+ may mis-read is refused only where those releases read it with
 *   the faulty reader: as the first name of an object whose parent's text holds nothing past U+00FF.
 * - A double that overflows is written by fastjson2 as null, and so dropped from its object, as
 *   every release does; the writer alone refuses it.
 */

type Path = readonly (string | number)[];

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** The first member name fastjson2 reads from an object: it drops null members, and the doubles it overflows, before writing it. */
function firstKey(object: Map<string, ParsedJson>): string | undefined {
  for (const [key, member] of object)
    if (member !== null && !(member instanceof JsonNumber && overflowsInFastjson2(member.lexeme))) return key;
  return undefined;
}

/**
 * A key fastjson2 2.0.61+ mis-reads in a java body. Every sorted object below the root is read as a
 * member of its parent's serialized text, and its first name goes through a reader that garbles
 * U+0080–U+00FF after an escape when that text holds nothing past U+00FF (a lone surrogate, raw in
 * that text, is past it). The server reads the canonical body (sorted), the reference in the suite
 * the original text, so the first key in both orders counts; `original` is undefined for a JS value,
 * which only the canonical form reaches. Objects and arrays are listed breadth first, with no
 * recursion, and each learns from those below it whether its text goes past U+00FF.
 */
function misreadKeyPath(canonical: Map<string, ParsedJson>, original: ParsedJson | undefined): Path | undefined {
  interface Node {
    readonly value: Map<string, ParsedJson> | ParsedJson[];
    readonly original: ParsedJson | undefined;
    readonly parent: number;
    readonly name: string | number;
    /** An object reached from the root through objects alone: sorted, and read again by fastjson2. */
    readonly sorted: boolean;
    /** Whether its text goes past U+00FF. */
    beyond: boolean;
  }
  const nodes: Node[] = [{ value: canonical, original, parent: -1, name: '', sorted: true, beyond: false }];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    for (const [name, member] of node.value.entries()) {
      if (BEYOND_LATIN1.test(String(name)) || (typeof member === 'string' && BEYOND_LATIN1.test(member))) node.beyond = true;
      if (!(member instanceof Map || Array.isArray(member))) continue;
      const sorted = node.sorted && member instanceof Map;
      const within = node.original instanceof Map ? node.original.get(name as string) : undefined;
      nodes.push({ value: member, original: within, parent: i, name, sorted, beyond: false });
    }
  }
  for (let i = nodes.length - 1; i > 0; i--) if ((nodes[i] as Node).beyond) (nodes[(nodes[i] as Node).parent] as Node).beyond = true;
  for (const node of nodes) {
    const parent = nodes[node.parent];
    if (!node.sorted || parent === undefined || parent.beyond) continue;
    const firsts = [firstKey(node.value as Map<string, ParsedJson>), node.original instanceof Map ? firstKey(node.original) : undefined];
    const key = firsts.find((k) => k !== undefined && isMisreadableKey(k));
    if (key === undefined) continue;
    const path: (string | number)[] = [key];
    for (let up = node; up.parent >= 0; up = nodes[up.parent] as Node) path.unshift(up.name);
    return path;
  }
  return undefined;
}

/** The second chance writes a double that fastjson2 overflows to Infinity as the null fastjson2 writes, which drops its member. */
const javaDroppingOverflows: Dialect = {
  ...javaDialectKeepingKeys,
  numberLexeme: (lexeme) => (overflowsInFastjson2(lexeme) ? 'null' : javaDialect.numberLexeme(lexeme)),
};

/**
 * The java dialect's second chance, for a body the writer refused as `refusal` (a nested key
 * fastjson2 may mis-read, or in text a double that overflows): written again without the per-key
 * refusal and, for text, with each overflowing double as the null fastjson2 writes, then refused only
 * if the whole body shows a key the faulty reader would meet.
 */
export function secondChance(input: string | CanonicalJsonObject, refusal: CanonicalJsonError): string {
  const text = typeof input === 'string';
  let canonical: string;
  try {
    canonical = writeCanonical(text ? javaDroppingOverflows : javaDialectKeepingKeys, input);
  } catch (error) {
    // Refused for a reason the second chance does not cover: report the first refusal, where it was.
    if (error instanceof CanonicalJsonError && error.reason === refusal.reason) throw refusal;
    throw error;
  }
  const body = parseJsonLossless(canonical, javaDialect) as Map<string, ParsedJson>;
  const misread = misreadKeyPath(body, text ? parseJsonLossless(input, javaDialect) : undefined);
  if (misread !== undefined) {
    throw new CanonicalJsonError('unreadable-by-reference', formatPath(misread), MISREAD_KEY);
  }
  return canonical;
}
