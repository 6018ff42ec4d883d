import { CanonicalJsonError } from '../errors.js';
import type { CanonicalJsonObject } from './canonical-json.js';
import { type Dialect, isMisreadableKey, javaDialectKeepingKeys, MAX_NUMBER_DIGITS, overflowsInFastjson2 } from './java-dialect.js';
import { JsonNumber } from './json-number.js';
import { type ParsedJson, parseJsonLossless } from './parse-json-lossless.js';
import { formatPath, writeCanonical } from './write-canonical.js';

/**
 * What the package's canonicalJson adds to the writer: the checks and second chances that need
 * the whole body rather than one value at a time.
 *
 * - A number in a value that a later duplicate key replaces is still read by the references, and
 *   can still make them throw (refused here, although the canonical body no longer holds it).
 * - A nested key fastjson2 2.0.64+ may mis-read is refused only where those releases read it with
 *   the faulty reader: as the first name of an object whose parent's text holds nothing past U+00FF.
 * - A double that overflows is written by fastjson2 as null, and so dropped from its object, as
 *   every release does; the writer alone refuses it.
 */

/** Cheap test for a number the slow scan must look at: a 4-digit exponent, or a run of digits past the limit. */
const SUSPECT = new RegExp(`[eE][+-]?\\d{4}|\\d{${MAX_NUMBER_DIGITS + 1}}`);
const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?(\d+))?/y;

/** Finds, anywhere in `text` (strings skipped), a number the references cannot read. */
export function refuseUnreadableNumbers(text: string, dialect: Dialect): void {
  if (!SUSPECT.test(text)) return;
  for (let pos = 0; pos < text.length; pos++) {
    const c = text.charCodeAt(pos);
    if (c === 0x22) {
      // Skip a string: to the next quote not escaped by a backslash.
      for (pos++; pos < text.length && text.charCodeAt(pos) !== 0x22; pos++) if (text.charCodeAt(pos) === 0x5c) pos++;
      continue;
    }
    if (c !== 0x2d && (c < 0x30 || c > 0x39)) continue;
    NUMBER_AT.lastIndex = pos;
    const match = NUMBER_AT.exec(text);
    if (match === null) continue;
    const [lexeme, exponent] = match;
    const digits = lexeme.replace(/[eE].*$/, '').replace(/\D/g, '').length;
    if (digits > MAX_NUMBER_DIGITS) {
      throw new CanonicalJsonError(
        'number-too-long',
        `at position ${pos}`,
        `a number of ${digits} digits, which the references refuse to read`,
      );
    }
    if (exponent !== undefined && Number(exponent) > dialect.maxReadableExponent) {
      throw new CanonicalJsonError(
        'version-dependent-number',
        `at position ${pos}`,
        `${lexeme.slice(0, 40)}: fastjson2 2.0.51 and older throw reading an exponent past ${dialect.maxReadableExponent}, every release past 2047, even in a value a later duplicate key replaces`,
      );
    }
    pos = NUMBER_AT.lastIndex - 1;
  }
}

type Path = readonly (string | number)[];

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * The objects of `root` whose text holds nothing past U+00FF (numbers and escapes are ASCII; a lone
 * surrogate, raw in the text fastjson2 writes, is past it), in one pass that keeps its own stack.
 */
function latin1Objects(root: ParsedJson): Set<Map<string, ParsedJson>> {
  const latin1 = new Set<Map<string, ParsedJson>>();
  const open: {
    readonly container: Map<string, ParsedJson> | ParsedJson[];
    readonly members: Iterator<[string | number, ParsedJson]>;
    beyond: boolean;
  }[] = [];
  const enter = (container: Map<string, ParsedJson> | ParsedJson[]) =>
    open.push({ container, members: container.entries(), beyond: false });
  if (root instanceof Map || Array.isArray(root)) enter(root);
  while (open.length > 0) {
    const top = open[open.length - 1] as (typeof open)[number];
    const next = top.members.next();
    if (next.done) {
      open.pop();
      if (!top.beyond && top.container instanceof Map) latin1.add(top.container);
      const parent = open[open.length - 1];
      if (top.beyond && parent !== undefined) parent.beyond = true;
      continue;
    }
    const [name, member] = next.value;
    if (!top.beyond && typeof name === 'string' && BEYOND_LATIN1.test(name)) top.beyond = true;
    // Each object below is looked at all the same: its own text decides for the objects in it.
    if (member instanceof Map || Array.isArray(member)) enter(member);
    else if (!top.beyond && typeof member === 'string' && BEYOND_LATIN1.test(member)) top.beyond = true;
  }
  return latin1;
}

/** The first member name fastjson2 reads from an object: java drops null members before it is written. */
function firstKey(object: Map<string, ParsedJson>): string | undefined {
  for (const [key, member] of object) if (member !== null) return key;
  return undefined;
}

/**
 * The first key fastjson2 2.0.64+ mis-read in a java body. Every sorted object below the root is
 * read as a member of its parent's serialized text, and its first name goes through a reader that
 * garbles U+0080–U+00FF after an escape when that text holds nothing past U+00FF. The server reads
 * the canonical body (sorted), the reference in the suite the original text, so the first key in
 * both orders counts; `original` is undefined for a JS value, which only the canonical form reaches.
 * Depth first, in order, with a stack of its own.
 */
function misreadKeyPath(canonical: Map<string, ParsedJson>, original: ParsedJson | undefined): Path | undefined {
  const latin1 = latin1Objects(canonical);
  const path: string[] = [];
  const open = [{ object: canonical, original, members: canonical.entries() }];
  while (open.length > 0) {
    const top = open[open.length - 1] as (typeof open)[number];
    const next = top.members.next();
    if (next.done) {
      open.pop();
      path.pop();
      continue;
    }
    const [name, child] = next.value;
    if (!(child instanceof Map)) continue;
    const originalChild = top.original instanceof Map ? top.original.get(name) : undefined;
    if (latin1.has(top.object)) {
      const firsts = [firstKey(child), originalChild instanceof Map ? firstKey(originalChild) : undefined];
      for (const key of firsts) if (key !== undefined && isMisreadableKey(key)) return [...path, name, key];
    }
    path.push(name);
    open.push({ object: child, original: originalChild, members: child.entries() });
  }
  return undefined;
}

/** Replaces, in a tree just parsed, each number fastjson2 overflows to Infinity with the null it writes. */
function nullOverflows(root: ParsedJson): ParsedJson {
  const open: (Map<string, ParsedJson> | ParsedJson[])[] = [];
  if (root instanceof Map || Array.isArray(root)) open.push(root);
  for (let container = open.pop(); container !== undefined; container = open.pop()) {
    for (const [name, member] of container.entries()) {
      if (member instanceof JsonNumber) {
        if (!overflowsInFastjson2(member.lexeme)) continue;
        if (container instanceof Map) container.set(name as string, null);
        else container[name as number] = null;
      } else if (member instanceof Map || Array.isArray(member)) {
        open.push(member);
      }
    }
  }
  return root;
}

/**
 * The java dialect's second chance, for a body the writer refused as `refusal` (a nested key
 * fastjson2 may mis-read, or in text a double that overflows): written again without the per-key
 * refusal and with each overflowing double as the null fastjson2 writes, then refused only if the
 * whole body shows a key the faulty reader would meet.
 */
export function secondChance(input: string | CanonicalJsonObject, refusal: CanonicalJsonError): string {
  const original = typeof input === 'string' ? nullOverflows(parseJsonLossless(input, javaDialectKeepingKeys.maxDepth)) : undefined;
  const value = original ?? input;
  let canonical: string;
  try {
    canonical = writeCanonical(javaDialectKeepingKeys, value as CanonicalJsonObject);
  } catch (error) {
    // Refused for a reason the second chance does not cover: report the first refusal, where it was.
    if (error instanceof CanonicalJsonError && error.reason === refusal.reason) throw refusal;
    throw error;
  }
  const body = parseJsonLossless(canonical, javaDialectKeepingKeys.maxDepth);
  const misread = body instanceof Map ? misreadKeyPath(body, original) : undefined;
  if (misread !== undefined) {
    throw new CanonicalJsonError(
      'unreadable-by-reference',
      formatPath(misread),
      'fastjson2 2.0.64 and later mis-read the first key of a nested object when it mixes an escaped character with one in U+0080–U+00FF and the parent object holds nothing past U+00FF; rename the key',
    );
  }
  return canonical;
}
