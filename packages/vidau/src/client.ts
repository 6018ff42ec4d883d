import { type CanonicalJsonDialect, type CanonicalJsonObject, canonicalJson, type HmacSha256Base64, signVidauRequest } from '@signet/auth';
import {
  type ClientTransportOptions,
  createTransport,
  InvalidRequestError,
  isIdempotentMethod,
  type PollOptions,
  poll,
  requireNonEmpty,
  unwrap,
} from '@signet/client-core';
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.gen.js';

export type AvatarVideoCreateRequest = components['schemas']['AvatarVideoCreateRequest'];
export type AvatarVideoParams = components['schemas']['AvatarVideoParams'];
export type AvatarVideoTask = components['schemas']['AvatarVideoTask'];
export type TaskInfo = components['schemas']['TaskInfo'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type { paths as VidauPaths };

export const VIDAU_BASE_URL = 'https://vidau-app.superads.cn/openapi';
/** "text cannot exceed 1200 characters"; counted in UTF-16 units, as Java's String.length() does. */
export const MAX_TEXT_LENGTH = 1200;

export interface VidauClientOptions extends ClientTransportOptions {
  readonly clientId: string;
  readonly authKey: string;
  readonly baseUrl?: string;
  /** How the server canonicalizes bodies; `java` (fastjson2) unless it is known otherwise. */
  readonly dialect?: CanonicalJsonDialect;
  /** Also send `x-auth-key`, the secret itself, which the vendor's endpoint pages list. Off by default. */
  readonly includeAuthKey?: boolean;
  /** Clock for signing timestamps, in milliseconds since the epoch. */
  readonly now?: () => number;
  readonly hmac?: HmacSha256Base64;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface CreateOptions extends CallOptions {
  /** Retry a failed create. It may then create the task twice; off unless asked. */
  readonly retry?: boolean;
}

export interface VidauClient {
  /** The underlying openapi-fetch client, signed and retried the same way, for anything not wrapped here. */
  readonly raw: Client<paths>;
  /** Starts rendering an avatar video; VidAU later notifies `webhook_url`. */
  createAvatarVideo(request: AvatarVideoCreateRequest, options?: CreateOptions): Promise<AvatarVideoTask>;
  getTaskInfo(taskId: string, options?: CallOptions): Promise<TaskInfo>;
  /** Polls task info until the task succeeded or failed. */
  waitForTask(taskId: string, options?: PollOptions<TaskInfo>): Promise<TaskInfo>;
}

/** POST endpoints that only read, so repeating them is harmless. */
const READ_ONLY_POSTS = ['/v1.0/task/info'];

function isRepeatable(request: Request): boolean {
  return isIdempotentMethod(request.method) || READ_ONLY_POSTS.some((path) => new URL(request.url).pathname.endsWith(path));
}

/**
 * Task info `status` values are undocumented; they are taken to mirror the
 * create response's task_status (0 executing, 1 success, 2 failed).
 */
export function isTaskFinished(info: TaskInfo): boolean {
  return info.status === '1' || info.status === '2';
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
  const dialect = options.dialect ?? 'java';
  const transport = createTransport({
    ...options,
    // Signed on every try, so each retry carries a fresh timestamp.
    prepare: (request) => signVidauRequest(request, { ...options, dialect }),
  });
  const send = (retry: boolean) => (request: Request) => transport.send(request, { retry });

  const raw = createClient<paths>({
    baseUrl: options.baseUrl ?? VIDAU_BASE_URL,
    fetch: (request) => transport.send(request, { retry: isRepeatable(request) }),
    // Canonical from the start, so values JSON.stringify would silently change (NaN, undefined in arrays) are refused.
    bodySerializer: (body) => canonicalJson(body as unknown as CanonicalJsonObject, { dialect }),
  });

  const getTaskInfo = async (taskId: string, call: CallOptions = {}) => {
    requireNonEmpty(taskId, 'task_id');
    return unwrap(await raw.POST('/v1.0/task/info', { body: { task_id: taskId }, ...call }));
  };

  return {
    raw,
    async createAvatarVideo(request, call = {}) {
      validateCreate(request);
      return unwrap(
        await raw.POST('/v1.0/avatar/video/create', {
          body: request,
          fetch: send(call.retry === true),
          ...(call.signal && { signal: call.signal }),
        }),
      );
    },
    getTaskInfo,
    waitForTask: (taskId, pollOptions = {}) => poll((signal) => getTaskInfo(taskId, signal ? { signal } : {}), isTaskFinished, pollOptions),
  };
}
