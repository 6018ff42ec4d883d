import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeHmacSha256Base64 } from './node.js';
import { fromBase64, verifyHmacSha256Base64, webHmacSha256Base64 } from './web.js';

// RFC 4231 §4.3, test case 2: key "Jefe", data "what do ya want for nothing?".
const RFC4231_CASE_2 = Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64');

describe('HMAC-SHA256 paths', () => {
  it('both match RFC 4231 test case 2', async () => {
    expect(nodeHmacSha256Base64('Jefe', 'what do ya want for nothing?')).toBe(RFC4231_CASE_2);
    expect(await webHmacSha256Base64('Jefe', 'what do ya want for nothing?')).toBe(RFC4231_CASE_2);
  });

  it('Web Crypto and node:crypto agree on any UTF-8 key and message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'grapheme' }), async (key, message) => {
        expect(await webHmacSha256Base64(key, message)).toBe(nodeHmacSha256Base64(key, message));
      }),
      { numRuns: 300 },
    );
  });

  it('verifies only the exact tag, and rejects malformed Base64 without throwing', async () => {
    expect(await verifyHmacSha256Base64('Jefe', 'what do ya want for nothing?', RFC4231_CASE_2)).toBe(true);
    expect(await verifyHmacSha256Base64('Jefe', 'what do ya want for nothing!', RFC4231_CASE_2)).toBe(false);
    expect(await verifyHmacSha256Base64('Jefe', 'what do ya want for nothing?', RFC4231_CASE_2.slice(0, -4))).toBe(false);
    expect(await verifyHmacSha256Base64('Jefe', 'what do ya want for nothing?', ` ${RFC4231_CASE_2}`)).toBe(false);
    expect(fromBase64('@@@@')).toBeUndefined();
  });
});
