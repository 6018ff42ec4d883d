/**
 * HMAC-SHA256 of a UTF-8 message under a UTF-8 key, standard Base64 with padding:
 * what the vendor's `Mac.getInstance("HmacSHA256")` + `Base64.getEncoder()` yield.
 * Injectable so that signers stay pure and a platform can bring its own.
 */
export type HmacSha256Base64 = (key: string, message: string) => string | Promise<string>;
