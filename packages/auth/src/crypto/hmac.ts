/**
 * HMAC-SHA256 of a message under a key, both as bytes, in standard Base64 with padding:
 * what the vendor's `Mac.getInstance("HmacSHA256")` + `Base64.getEncoder()` yield. The
 * signer hands over the exact bytes Java's `getBytes()` would sign (see `charset`).
 * Injectable so that signers stay pure and a platform can bring its own.
 */
export type HmacSha256Base64 = (key: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>) => string | Promise<string>;

/**
 * Whether `signature` is the Base64 HMAC-SHA256 of `message` under `key`, compared in constant
 * time; false (never a throw) for a signature that is not canonical standard Base64. A `message`
 * given as a string is well-formed text, hashed as its UTF-8 bytes: the caller need not allocate
 * them, which for a signed request is the whole body.
 */
export type VerifyHmacSha256Base64 = (
  key: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer> | string,
  signature: string,
) => boolean | Promise<boolean>;

/** A `VerifyHmacSha256Base64` that answers at once (node:crypto's), for a verifier that cannot await. */
export type VerifyHmacSha256Base64Sync = (
  key: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer> | string,
  signature: string,
) => boolean;

/**
 * `HmacSha256Base64` that also takes well-formed text for key or message, hashed as its UTF-8
 * bytes: for a signed request the message is the whole body, and no copy of it is made.
 */
export type HmacSha256Base64OfText = (key: Uint8Array<ArrayBuffer> | string, message: Uint8Array<ArrayBuffer> | string) => string;

/** Only ASCII (U+0000–U+007F): text that is its own bytes under every charset the `charset` option takes. */
export const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Canonical standard Base64, with padding: the only form a received tag is decoded from. The last
 * digit before `==` or `=` has 4 or 2 unused low bits, which must be zero (RFC 4648 §3.5): lenient
 * decoders read the other spellings as the same bytes, so one signed request would pass under four
 * signatures (and a replay guard keyed on the text would admit each).
 */
export const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;
