// What `#vidau-verifier` resolves to under the `node` condition (Node, and Deno and Bun, which honour
// it): node:crypto's verifier answers before it returns, so the core answers a signed request in the
// tick its body ends instead of a turn of the microtask queue later, which on node:http cost more
// than the HMAC check itself.
import { verifyVidauSignatureSync } from '@signet/auth/node';
import type { SignatureVerifier } from './verifier.js';

export type { SignatureVerifier } from './verifier.js';

export const verifySignature: SignatureVerifier = verifyVidauSignatureSync;
