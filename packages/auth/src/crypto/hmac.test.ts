import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeHmacSha256Base64 } from './node.js';
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

  it('verifies only the exact tag, and rejects malformed Base64 without throwing', async () => {
    const key = bytes('Jefe');
    expect(await verifyHmacSha256Base64(key, bytes('what do ya want for nothing?'), RFC4231_CASE_2)).toBe(true);
    expect(await verifyHmacSha256Base64(key, bytes('what do ya want for nothing!'), RFC4231_CASE_2)).toBe(false);
    expect(await verifyHmacSha256Base64(key, bytes('what do ya want for nothing?'), RFC4231_CASE_2.slice(0, -4))).toBe(false);
    expect(await verifyHmacSha256Base64(key, bytes('what do ya want for nothing?'), ` ${RFC4231_CASE_2}`)).toBe(false);
    expect(fromBase64('@@@@')).toBeUndefined();
  });
});
