// What `#vidau-verifier` resolves to outside Node (browsers with MSW, workers, edge runtimes): the
// portable verifier of `@signet/auth`, on Web Crypto, which answers with a promise.
import type { VerifyVidauSignatureInput, VerifyVidauSignatureOptions } from '@signet/auth';
import { verifyVidauSignature } from '@signet/auth';

/**
 * Checks a VidAU signature: returns (or resolves) for a genuine request, throws (or rejects) with a
 * `SignetAuthError` for any other.
 */
export type SignatureVerifier = (input: VerifyVidauSignatureInput, options: VerifyVidauSignatureOptions) => void | Promise<void>;

export const verifySignature: SignatureVerifier = verifyVidauSignature;
