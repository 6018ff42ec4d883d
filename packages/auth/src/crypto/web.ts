import { CANONICAL_BASE64, type HmacSha256Base64, type VerifyHmacSha256Base64 } from './hmac.js';

export function importHmacKey(key: Uint8Array<ArrayBuffer>, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Canonical standard Base64 (with padding) to bytes; undefined when `text` is not that. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!CANONICAL_BASE64.test(text)) return undefined;
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Web Crypto path: browsers, edge runtimes, Deno, Bun and Node alike. */
export const webHmacSha256Base64: HmacSha256Base64 = async (key, message) => {
  const cryptoKey = await importHmacKey(key, 'sign');
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, message)));
};

/** Constant-time check of a Base64 HMAC-SHA256 tag: `subtle.verify` compares, not our code. */
export const verifyHmacSha256Base64 = (async (key, message, signature) => {
  const tag = fromBase64(signature);
  if (tag === undefined) return false;
  const cryptoKey = await importHmacKey(key, 'verify');
  return crypto.subtle.verify('HMAC', cryptoKey, tag, typeof message === 'string' ? utf8.encode(message) : message);
}) satisfies VerifyHmacSha256Base64;

const utf8 = new TextEncoder();
