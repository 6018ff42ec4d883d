import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth.js';

const utf8 = new TextEncoder();

/** The nesting depth of a parsed value, counted the slow, obvious way. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('nestsDeeperThan', () => {
  it('counts brackets outside strings only, escapes and multi-byte characters included', () => {
    expect(nestsDeeperThan(utf8.encode('[[["[[[[\\"[[{{"]]]'), 3)).toBe(false);
    expect(nestsDeeperThan(utf8.encode('[[[["\\\\"]]]]'), 3)).toBe(true);
    expect(nestsDeeperThan(utf8.encode('{"a":["😀[[[",{"b":{}}]}'), 4)).toBe(false);
    expect(nestsDeeperThan(utf8.encode('{"a":["😀[[[",{"b":{}}]}'), 3)).toBe(true);
    expect(nestsDeeperThan(utf8.encode(`${'['.repeat(5000)}${']'.repeat(5000)}`), 256)).toBe(true);
  });

  it('agrees with the depth of the parsed value, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat({ max: 7 }), (value, limit) => {
        const text = JSON.stringify(value);
        expect(nestsDeeperThan(utf8.encode(text), limit)).toBe(depthOf(JSON.parse(text)) > limit);
      }),
      { numRuns: 500 },
    );
  });
});
