/**
 * HMAC-SHA256 of a message under a key, both as bytes, in standard Base64 with padding:
 * what the vendor's `Mac.getInstance("HmacSHA256")` + `Base64.getEncoder()` yield. The
 * signer hands over the exact bytes Java's `getBytes()` would sign (see `charset`).
 * Injectable so that signers stay pure and a platform can bring its own.
 */
export type HmacSha256Base64 = (key: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>) => string | Promise<string>;

/**
 * Whether `signature` is the Base64 HMAC-SHA256 of `message` under `key`, compared in constant
 * time; false (never a throw) for a signature that is not strict standard Base64.
 */
export type VerifyHmacSha256Base64 = (
  key: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>,
  signature: string,
) => boolean | Promise<boolean>;

/** Strict standard Base64, with padding: the only form a received tag is decoded from. */
export const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
