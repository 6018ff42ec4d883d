export {
  CanonicalJsonError,
  type CanonicalJsonUnsupportedReason,
  InvalidCredentialsError,
  JsonNumber,
  SignatureMismatchError,
  SignetError,
  TimestampOutOfWindowError,
  verifyVidauSignature,
} from '@signet/auth';
export type { PollOptions } from '@signet/client-core';
export * from '@signet/client-core/errors';
export {
  type AvatarVideoCreateRequest,
  type AvatarVideoParams,
  type AvatarVideoTask,
  type CallOptions,
  type CreateOptions,
  createVidauClient,
  isTaskFinished,
  MAX_TEXT_LENGTH,
  type TaskInfo,
  type TaskStatus,
  VIDAU_BASE_URL,
  type VidauClient,
  type VidauClientOptions,
  type VidauPaths,
} from './client.js';
