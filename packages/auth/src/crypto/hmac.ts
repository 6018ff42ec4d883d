/**
 * HMAC-SHA256 of a message under a key, both as bytes, in standard Base64 with padding:
 * what the vendor's `Mac.getInstance("HmacSHA256")` + `Base64.getEncoder()` yield. The
 * signer hands over the exact bytes Java's `getBytes()` would sign (see `charset`).
 * Injectable so that signers stay pure and a platform can bring its own.
 */
export type HmacSha256Base64 = (key: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>) => string | Promise<string>;
