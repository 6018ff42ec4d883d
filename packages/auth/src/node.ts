import { nodeHmacSha256Base64, nodeVerifyHmacSha256Base64 } from './crypto/node.js';
import {
  type SignOptions,
  signVidauWith,
  type VerifyVidauSignatureInput,
  type VerifyVidauSignatureOptions,
  type VidauSignatureInput,
  verifyVidauSignatureSyncWith,
} from './vidau/sign.js';

const sign = signVidauWith(nodeHmacSha256Base64);

/**
 * Synchronous `signVidau` on node:crypto, for hot paths that cannot await. Takes the same
 * `charset` option (the server JVM's default charset, UTF-8 unless told otherwise) and `dialect`.
 */
export function signVidauSync(input: VidauSignatureInput, options: Pick<SignOptions, 'charset' | 'dialect'> = {}): string {
  return sign(input, options);
}

/**
 * Synchronous `verifyVidauSignature` on node:crypto, for a server that answers in the same tick as
 * the request body ends: the same checks and options, in the same order, and the same typed errors,
 * thrown instead of rejected. A `replayGuard` admits a genuine request before this returns.
 *
 * @throws SignatureMissingError, InvalidTimestampError, TimestampOutOfWindowError,
 *   SignatureMismatchError, ReplayedRequestError, JsonSyntaxError or CanonicalJsonError: see `verifyVidauSignature`.
 * @throws InvalidWindowError or InvalidCredentialsError when the verifier itself is misconfigured.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createReplayGuard, SignetAuthError } from '@signet/auth';
 * import { verifyVidauSignatureSync } from '@signet/auth/node';
 *
 * const replayGuard = createReplayGuard();
 *
 * createServer((request, response) => {
 *   const chunks: Buffer[] = [];
 *   request.on('data', (chunk: Buffer) => chunks.push(chunk));
 *   request.on('end', () => {
 *     const header = (name: string) => request.headers[name] as string | undefined;
 *     try {
 *       verifyVidauSignatureSync(
 *         {
 *           clientId: 'client-1',
 *           authKey: process.env.VIDAU_AUTH_KEY ?? '',
 *           body: Buffer.concat(chunks).toString('utf8'),
 *           timestamp: header('timestamp'),
 *           signature: header('authorization'),
 *         },
 *         { replayGuard },
 *       );
 *     } catch (error) {
 *       if (!(error instanceof SignetAuthError)) throw error;
 *       response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ code: error.code }));
 *       return;
 *     }
 *     response.writeHead(204).end();
 *   });
 * }).listen(8080);
 * ```
 */
export function verifyVidauSignatureSync(input: VerifyVidauSignatureInput, options: VerifyVidauSignatureOptions = {}): void {
  verifyVidauSignatureSyncWith(nodeVerifyHmacSha256Base64, input, options);
}
export { toNodeListener } from './aiuta/token-handler.node.js';
