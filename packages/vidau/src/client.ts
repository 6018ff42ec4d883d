import {
  assertVidauCredentials,
  type CanonicalJsonDialect,
  type CanonicalJsonObject,
  canonicalJson,
  type HmacSha256Base64,
  signVidauRequest,
  type VidauCharset,
} from '@signet/auth';
import {
  type ClientTransportOptions,
  createApiClient,
  InvalidRequestError,
  type PollOptions,
  poll,
  type RequestOptions,
} from '@signet/client-core';
import { isIdempotentMethod, requireNonEmpty } from '@signet/client-core/internal';
import type { Client } from 'openapi-fetch';
import { unwrapEnvelope } from './envelope.js';
import type { components, operations, paths } from './schema.gen.js';
import { isTaskFinished } from './task.js';

export type AvatarVideoCreateRequest = components['schemas']['AvatarVideoCreateRequest'];
export type AvatarVideoParams = components['schemas']['AvatarVideoParams'];
export type AvatarVideoTask = components['schemas']['AvatarVideoTask'];
export type TaskInfo = components['schemas']['TaskInfo'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type { operations as VidauOperations, paths as VidauPaths };

export const VIDAU_BASE_URL = 'https://vidau-app.superads.cn/openapi';
/** "text cannot exceed 1200 characters"; counted in UTF-16 units, as Java's String.length() does. */
export const MAX_TEXT_LENGTH = 1200;

export interface VidauClientOptions extends ClientTransportOptions {
  readonly clientId: string;
  readonly authKey: string;
  readonly baseUrl?: string;
  /** How the server canonicalizes bodies; `java` (fastjson2) unless it is known otherwise. */
  readonly dialect?: CanonicalJsonDialect;
  /**
   * The server JVM's default charset, which the vendor's Java sample signs with (`getBytes()`
   * without a charset). UTF-8 unless `signet doctor` names another.
   */
  readonly charset?: VidauCharset;
  /** Also send `x-auth-key`, the secret itself, which the vendor's endpoint pages list. Off by default. */
  readonly includeAuthKey?: boolean;
  /**
   * The `RESPONSE-WRAP` header, which the vendor lists as required without
   * documenting its values. Default `false`; answers are read whether or not
   * they come wrapped in `{code, msg, data}`.
   */
  readonly responseWrap?: boolean;
  /** Clock for signing timestamps, in milliseconds since the epoch. */
  readonly now?: () => number;
  readonly hmac?: HmacSha256Base64;
}

export interface WaitForTaskOptions extends PollOptions<TaskInfo> {
  /** When to stop polling; default {@link isTaskFinished}, the documented rule over every task-info field. */
  readonly isFinished?: (info: TaskInfo) => boolean;
}

export interface VidauClient {
  /** The underlying openapi-fetch client, signed and retried the same way, for anything not wrapped here. */
  readonly raw: Client<paths>;
  /** Starts rendering an avatar video; VidAU later notifies `webhook_url`. */
  createAvatarVideo(request: AvatarVideoCreateRequest, options?: RequestOptions): Promise<AvatarVideoTask>;
  getTaskInfo(taskId: string, options?: RequestOptions): Promise<TaskInfo>;
  /**
   * Polls task info until the task is no longer executing (see `taskOutcome`
   * for the rule); an undocumented status ends the wait too, so check the result.
   */
  waitForTask(taskId: string, options?: WaitForTaskOptions): Promise<TaskInfo>;
}

/** POST endpoints that only read, so repeating them is harmless. */
const READ_ONLY_POSTS = ['/v1.0/task/info'];

function isRepeatable(request: Request): boolean {
  return isIdempotentMethod(request.method) || READ_ONLY_POSTS.some((path) => new URL(request.url).pathname.endsWith(path));
}

function validateCreate(request: AvatarVideoCreateRequest): void {
  let url: URL | undefined;
  try {
    url = new URL(request.webhook_url);
  } catch {
    url = undefined;
  }
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    throw new InvalidRequestError('webhook_url', 'must be an absolute http(s) URL the service can call');
  }
  const text: unknown = request.params?.text;
  if (typeof text !== 'string' || text.length === 0) throw new InvalidRequestError('params.text', 'must be a non-empty string');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new InvalidRequestError('params.text', `is ${text.length} characters; VidAU accepts at most ${MAX_TEXT_LENGTH}`);
  }
}

export function createVidauClient(options: VidauClientOptions): VidauClient {
  // Refused here, not on the first call: a credential no header can carry is a setup mistake.
  assertVidauCredentials(options);
  const dialect = options.dialect ?? 'java';
  const api = createApiClient<paths>({
    ...options,
    baseUrl: options.baseUrl ?? VIDAU_BASE_URL,
    isRetryable: isRepeatable,
    // Canonical from the start, so values JSON.stringify would silently change (NaN, undefined in arrays) are refused.
    bodySerializer: (body) => canonicalJson(body as CanonicalJsonObject, { dialect }),
    // Signed on every try, so each retry carries a fresh timestamp.
    sign: (request) => signVidauRequest(request, { ...options, dialect }),
    headers: { 'RESPONSE-WRAP': String(options.responseWrap ?? false) },
    readBody: unwrapEnvelope,
    hintFor: (error) =>
      error.status === 401 && options.includeAuthKey !== true
        ? 'if the signature is right, the server may also want x-auth-key: try includeAuthKey: true, or run `signet doctor`'
        : undefined,
  });

  const getTaskInfo = async (taskId: string, call?: RequestOptions) => {
    requireNonEmpty(taskId, 'task_id');
    // readBody has unwrapped any envelope, so the data is the bare task info.
    return (await api.call(call, (init) => api.raw.POST('/v1.0/task/info', { body: { task_id: taskId }, ...init }))) as TaskInfo;
  };

  return {
    raw: api.raw,
    async createAvatarVideo(request, call) {
      validateCreate(request);
      return (await api.call(call, (init) => api.raw.POST('/v1.0/avatar/video/create', { body: request, ...init }))) as AvatarVideoTask;
    },
    getTaskInfo,
    waitForTask: (taskId, { isFinished = isTaskFinished, ...pollOptions } = {}) =>
      poll((signal) => getTaskInfo(taskId, signal ? { signal } : {}), isFinished, pollOptions),
  };
}
