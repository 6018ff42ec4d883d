import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { otherSpellings } from './base64-spellings.test-support.js';
import { nodeHmacSha256Base64, nodeVerifyHmacSha256Base64 } from './node.js';
import { fromBase64, verifyHmacSha256Base64, webHmacSha256Base64 } from './web.js';

// RFC 4231 §4.3, test case 2: key "Jefe", data "what do ya want for nothing?".
const RFC4231_CASE_2 = Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
describe('HMAC-SHA256 paths', () => {
  it('both match RFC 4231 test case 2', async () => {
    expect(nodeHmacSha256Base64(bytes('Jefe'), bytes('what do ya want for nothing?'))).toBe(RFC4231_CASE_2);
    expect(await webHmacSha256Base64(bytes('Jefe'), bytes('what do ya want for nothing?'))).toBe(RFC4231_CASE_2);
  });

  it('both sign the exact bytes given, whatever they are (no re-encoding)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 80 }), fc.uint8Array({ maxLength: 300 }), async (key, message) => {
        const expected = createHmac('sha256', Buffer.from(key)).update(Buffer.from(message)).digest('base64');
        const k = new Uint8Array(key);
        const m = new Uint8Array(message);
        expect(nodeHmacSha256Base64(k, m)).toBe(expected);
        expect(await webHmacSha256Base64(k, m)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['Web Crypto', verifyHmacSha256Base64],
    ['node:crypto', nodeVerifyHmacSha256Base64],
  ] as const)('%s verifies only the exact tag, and rejects malformed Base64 without throwing', async (_path, verify) => {
    const key = bytes('Jefe');
    expect(await verify(key, bytes('what do ya want for nothing?'), RFC4231_CASE_2)).toBe(true);
    expect(await verify(key, bytes('what do ya want for nothing!'), RFC4231_CASE_2)).toBe(false);
    expect(await verify(key, bytes('what do ya want for nothing?'), RFC4231_CASE_2.slice(0, -4))).toBe(false);
    expect(await verify(key, bytes('what do ya want for nothing?'), ` ${RFC4231_CASE_2}`)).toBe(false);
    expect(await verify(key, bytes('what do ya want for nothing?'), RFC4231_CASE_2.slice(0, -1))).toBe(false);
    expect(await verify(key, bytes('what do ya want for nothing?'), '')).toBe(false);
    expect(await verify(bytes('Jeff'), bytes('what do ya want for nothing?'), RFC4231_CASE_2)).toBe(false);
    expect(fromBase64('@@@@')).toBeUndefined();
  });

  it.each([
    ['Web Crypto', verifyHmacSha256Base64],
    ['node:crypto', nodeVerifyHmacSha256Base64],
  ] as const)('%s refuses the other Base64 spellings of a genuine tag (unused low bits set before the padding)', async (_path, verify) => {
    const key = bytes('Jefe');
    const message = bytes('what do ya want for nothing?');
    // 32 bytes: 43 digits and one `=`; the last digit carries 4 bits of the tag and 2 unused ones.
    const spellings = otherSpellings(RFC4231_CASE_2);
    expect(spellings).toHaveLength(3);
    for (const spelling of spellings) {
      expect(Buffer.from(spelling, 'base64').equals(Buffer.from(RFC4231_CASE_2, 'base64'))).toBe(true);
      expect(await verify(key, message, spelling)).toBe(false);
    }
    expect(fromBase64('YR==')).toBeUndefined();
    expect(fromBase64('YWJ=')).toBeUndefined();
    expect(fromBase64('YQ==')).toEqual(bytes('a'));
  });

  it('the node:crypto check answers as the Web Crypto one for any key, message and tag (genuine, altered or malformed)', async () => {
    const tagOf = (key: Uint8Array, message: Uint8Array) => createHmac('sha256', Buffer.from(key)).update(Buffer.from(message)).digest();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.oneof(
          fc.constant('genuine' as const),
          fc.nat({ max: 31 }).map((flip) => ({ flip })),
          fc.uint8Array({ maxLength: 40 }).map((other) => Buffer.from(other).toString('base64')),
          fc.string({ maxLength: 48 }),
        ),
        async (key, message, variant) => {
          const k = new Uint8Array(key);
          const m = new Uint8Array(message);
          let signature: string;
          if (variant === 'genuine') signature = tagOf(k, m).toString('base64');
          else if (typeof variant === 'object') {
            const tag = tagOf(k, m);
            tag[variant.flip] = (tag[variant.flip] ?? 0) ^ 1;
            signature = tag.toString('base64');
          } else signature = variant;
          const node = nodeVerifyHmacSha256Base64(k, m, signature);
          expect(node).toBe(await verifyHmacSha256Base64(k, m, signature));
          if (variant === 'genuine') expect(node).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the node:crypto check keeps keys apart, however many it has imported', () => {
    const message = bytes('same message');
    const keys = Array.from({ length: 40 }, (_, i) => bytes(`key-${i}`));
    const tags = keys.map((key) => createHmac('sha256', Buffer.from(key)).update(message).digest('base64'));
    for (let round = 0; round < 2; round++) {
      for (const [i, key] of keys.entries()) {
        expect(nodeVerifyHmacSha256Base64(key, message, tags[i] ?? '')).toBe(true);
        expect(nodeVerifyHmacSha256Base64(key, message, tags[(i + 1) % keys.length] ?? '')).toBe(false);
      }
    }
    // A key that is a view into a larger buffer is read from its own bytes only.
    const backing = bytes('xxkey-3yy');
    expect(nodeVerifyHmacSha256Base64(backing.subarray(2, 7), message, tags[3] ?? '')).toBe(true);
  });
});
