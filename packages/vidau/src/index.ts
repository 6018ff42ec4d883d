export {
  CanonicalJsonError,
  type CanonicalJsonUnsupportedReason,
  InvalidCredentialsError,
  JsonNumber,
  SignatureMismatchError,
  TimestampOutOfWindowError,
  verifyVidauSignature,
} from '@signet/auth';
export { python } from '@signet/auth/python';
export type { ClientTransportOptions, PollOptions, RequestOptions } from '@signet/client-core';
export * from '@signet/client-core/errors';
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
export { isTaskFinished, type TaskOutcome, taskOutcome } from './task.js';
export {
  createVidauWebhookHandler,
  parseVidauWebhook,
  type VidauWebhookEvent,
  type VidauWebhookHandlerOptions,
  VidauWebhookPayloadError,
} from './webhook.js';
