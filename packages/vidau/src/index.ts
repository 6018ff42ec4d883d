export { JsonNumber } from '@signet/auth';
export { python } from '@signet/auth/python';
export type { PollOptions, RequestOptions } from '@signet/client-core';
export {
  type AvatarVideoCreateRequest,
  type AvatarVideoParams,
  type AvatarVideoTask,
  createVidauClient,
  MAX_TEXT_LENGTH,
  type TaskInfo,
  type TaskStatus,
  VIDAU_BASE_URL,
  type VidauClient,
  type VidauClientOptions,
  type VidauOperations,
  type VidauPaths,
  type WaitForTaskOptions,
} from './client.js';
/**
 * Every error the VidAU client can throw, to catch with `instanceof` or by `code`: the client
 * errors of `@signet/client-core` (`SignetError`, `ApiError` and its subclasses by status,
 * `ApiTimeoutError`, `InvalidRequestError`, …), `InvalidCredentialsError` for credentials no
 * header can carry, and `CanonicalJsonError` (with its `reason`) for a body the server's
 * canonicalizer would not reproduce, or `JsonSyntaxError` for a raw call's body that is not JSON.
 * `VidauWebhookPayloadError`, which only the webhook receiver throws, is exported by name.
 *
 * @example
 * ```ts
 * import { errors } from '@signet/vidau';
 *
 * function explain(error: unknown): string {
 *   if (error instanceof errors.AuthenticationError) return `signature refused, signed as ${JSON.stringify(error.signing)}`;
 *   if (error instanceof errors.CanonicalJsonError) return `body not sent: ${error.reason}`;
 *   return error instanceof errors.SignetError ? error.code : 'not from signet';
 * }
 * ```
 */
export * as errors from './errors.js';
export { isTaskFinished, type TaskOutcome, taskOutcome } from './task.js';
export {
  createVidauWebhookHandler,
  parseVidauWebhook,
  type VidauWebhookEvent,
  type VidauWebhookHandlerOptions,
  VidauWebhookPayloadError,
} from './webhook.js';
