import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { type HmacSha256Base64, STRICT_BASE64, type VerifyHmacSha256Base64 } from './hmac.js';

/** Synchronous node:crypto path; several times faster than Web Crypto for small messages. */
export const nodeHmacSha256Base64 = ((key: Uint8Array, message: Uint8Array): string =>
  createHmac('sha256', key).update(message).digest('base64')) satisfies HmacSha256Base64;

/** How many verification keys stay imported; a verifier uses one or a few, so the oldest goes first past this. */
const MAX_CACHED_KEYS = 16;
/** The key bytes (as a binary string) -> the imported key; module-private, never exposed. */
const keyObjects = new Map<string, KeyObject>();

/** The key imported once as a `KeyObject`, and reused while it stays among the most recent few. */
function keyObjectOf(key: Uint8Array): KeyObject | Uint8Array {
  // node:crypto refuses an empty secret key; an empty HMAC key is still a key (padded with zeros).
  if (key.byteLength === 0) return key;
  const id = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1');
  let imported = keyObjects.get(id);
  if (imported === undefined) {
    imported = createSecretKey(key);
    if (keyObjects.size >= MAX_CACHED_KEYS) keyObjects.delete(keyObjects.keys().next().value as string);
    keyObjects.set(id, imported);
  }
  return imported;
}

/**
 * Synchronous constant-time check on node:crypto: HMAC with the key imported once, compared with
 * `timingSafeEqual`. Rejects what the Web Crypto path rejects (a tag that is not strict Base64, or
 * of another length) without throwing, and answers the same for every other input.
 */
export const nodeVerifyHmacSha256Base64 = ((key: Uint8Array, message: Uint8Array, signature: string): boolean => {
  if (!STRICT_BASE64.test(signature)) return false;
  const tag = Buffer.from(signature, 'base64');
  const expected = createHmac('sha256', keyObjectOf(key)).update(message).digest();
  return tag.byteLength === expected.byteLength && timingSafeEqual(tag, expected);
}) satisfies VerifyHmacSha256Base64;
