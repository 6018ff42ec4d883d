import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { CANONICAL_BASE64, type HmacSha256Base64, type HmacSha256Base64OfText, type VerifyHmacSha256Base64Sync } from './hmac.js';

/** Synchronous node:crypto path; several times faster than Web Crypto for small messages. */
export const nodeHmacSha256Base64 = ((key: Uint8Array | string, message: Uint8Array | string): string => {
  // node:crypto hashes text (key or message) as UTF-8, which is what HmacSha256Base64OfText promises.
  return createHmac('sha256', key).update(message).digest('base64');
}) satisfies HmacSha256Base64 & HmacSha256Base64OfText;

/**
 * Keys imported once, by the key array itself (held weakly: an entry goes with its array). The
 * verifier hands over the same array for the same key each time (see `verificationKey`), so the
 * import is paid once per key; nothing is kept by the key's value.
 */
const imported = new WeakMap<Uint8Array, KeyObject>();

function keyObjectOf(key: Uint8Array): KeyObject | Uint8Array {
  // node:crypto refuses an empty secret key; an empty HMAC key is still a key (padded with zeros).
  if (key.byteLength === 0) return key;
  let keyObject = imported.get(key);
  if (keyObject === undefined) {
    keyObject = createSecretKey(key);
    imported.set(key, keyObject);
  }
  return keyObject;
}

/**
 * Synchronous constant-time check on node:crypto: HMAC with the key imported once, compared with
 * `timingSafeEqual`. Rejects what the Web Crypto path rejects (a tag that is not canonical Base64, or
 * of another length) without throwing, and answers the same for every other input.
 */
export const nodeVerifyHmacSha256Base64 = ((key: Uint8Array, message: Uint8Array | string, signature: string): boolean => {
  if (!CANONICAL_BASE64.test(signature)) return false;
  const tag = Buffer.from(signature, 'base64');
  // Text is hashed as its UTF-8 bytes, with no copy made here.
  const expected = createHmac('sha256', keyObjectOf(key)).update(message).digest();
  return tag.byteLength === expected.byteLength && timingSafeEqual(tag, expected);
}) satisfies VerifyHmacSha256Base64Sync;
