import { numberOption } from '@signet/client-core';
import { SignetError } from '@signet/client-core/errors';
import { unwrapEnvelope } from './envelope.js';
import type { components } from './schema.gen.js';
import { type TaskOutcome, taskOutcome } from './task.js';

type AvatarVideoTask = components['schemas']['AvatarVideoTask'];
type TaskInfo = components['schemas']['TaskInfo'];

/** A task notification as VidAU posts it to `webhook_url`, read tolerantly. */
export interface VidauWebhookEvent {
  /** The task's `task_id`, as `createAvatarVideo` answered it. */
  readonly taskId: string;
  /** Where the task stands, by the same rule as {@link taskOutcome}. */
  readonly outcome: TaskOutcome;
  /** `file_url` of the task payload, or `video_url` when the server sends task-info fields instead. */
  readonly videoUrl: string | undefined;
  readonly failedReason: string | undefined;
  /** The payload itself (unwrapped from the `{code, msg, data}` envelope when there is one). */
  readonly task: AvatarVideoTask & Readonly<Record<string, unknown>>;
}

/** Why a notification body was refused; the handler answers 400 with it. */
export class VidauWebhookPayloadError extends SignetError<'ERR_WEBHOOK_PAYLOAD'> {
  override readonly name: string = 'VidauWebhookPayloadError';
  static readonly code = 'ERR_WEBHOOK_PAYLOAD';
  readonly code = 'ERR_WEBHOOK_PAYLOAD';

  constructor(readonly detail: string) {
    super(`VidAU webhook payload refused: ${detail}`);
  }
}

const OPTIONAL_STRINGS = ['file_url', 'video_url', 'failed_reason', 'webhook_url', 'status', 'thumb_url', 'progress_bar'] as const;

/**
 * Validates and types a webhook body. The vendor documents only that it
 * "notifies the task information", so the payload is taken to be the task
 * object of the create response: `task_id` is required, `task_status` must be
 * 0, 1 or 2 when present, the documented string fields must be strings, and
 * anything else is kept as sent.
 */
export function parseVidauWebhook(body: unknown): VidauWebhookEvent {
  let payload: unknown;
  try {
    payload = unwrapEnvelope(body, new Response(null, { status: 200 }));
  } catch {
    throw new VidauWebhookPayloadError('the envelope reports a failure');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new VidauWebhookPayloadError('not a JSON object');
  const task = payload as Record<string, unknown>;
  if (typeof task.task_id !== 'string' || task.task_id === '') throw new VidauWebhookPayloadError('task_id must be a non-empty string');
  if (task.task_status !== undefined && ![0, 1, 2, '0', '1', '2'].includes(task.task_status as never)) {
    throw new VidauWebhookPayloadError('task_status must be 0, 1 or 2');
  }
  for (const field of OPTIONAL_STRINGS) {
    if (task[field] !== undefined && task[field] !== null && typeof task[field] !== 'string') {
      throw new VidauWebhookPayloadError(`${field} must be a string`);
    }
  }
  if (task.params !== undefined && (typeof task.params !== 'object' || Array.isArray(task.params))) {
    throw new VidauWebhookPayloadError('params must be an object');
  }
  const videoUrl = [task.file_url, task.video_url].find((url): url is string => typeof url === 'string' && url !== '');
  const failedReason = typeof task.failed_reason === 'string' && task.failed_reason !== '' ? task.failed_reason : undefined;
  return {
    taskId: task.task_id,
    outcome: taskOutcome({ ...(task as TaskInfo), ...(videoUrl !== undefined && { video_url: videoUrl }) }),
    videoUrl,
    failedReason,
    task: task as VidauWebhookEvent['task'],
  };
}

/**
 * What {@link createVidauWebhookHandler} does with a notification, and how it tells VidAU from
 * anyone else: the vendor does not sign its webhooks, so `authorize` is the only check there is.
 */
export interface VidauWebhookHandlerOptions {
  /** Called once per accepted notification; throw to make VidAU see a 500 (and, if it retries, send again). */
  readonly onTask: (event: VidauWebhookEvent, request: Request) => void | Promise<void>;
  /**
   * Your own check of the caller, since the vendor documents no webhook
   * signature: a secret path or query token, an IP allow-list. Return false to answer 401.
   */
  readonly authorize?: (request: Request) => boolean | Promise<boolean>;
  /** Largest body accepted, in bytes: a whole number of at least 1. Default 1 MiB. */
  readonly maxBodyBytes?: number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return undefined;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * A fetch-style receiver for the notification VidAU POSTs to `webhook_url`:
 * `(request) => Promise<Response>`, so it runs as a Next.js route handler, a
 * Workers `fetch`, or under node:http through any Request/Response adapter.
 * It answers 200 once `onTask` has run, 400 for a body that is not a task
 * notification, 401 when `authorize` refuses, 405/413/415 for the wrong
 * method, size or type, and 500 when `onTask` throws, each as `{ error, message }` with the same
 * codes as `createAiutaTokenHandler`. It never throws itself.
 *
 * VidAU does not sign its notifications, so anyone who learns `webhook_url` can post one: give
 * the URL a secret and check it in `authorize`, or confirm the task with `getTaskInfo` before
 * acting on it. Under node:http, wrap it with `toNodeListener` from `@signet/auth/node`.
 *
 * @example
 * ```ts
 * import { createVidauWebhookHandler } from '@signet/vidau';
 *
 * // app/vidau-hook/route.ts in Next.js; create the video with
 * // webhook_url: `https://example.com/vidau-hook?token=${process.env.VIDAU_HOOK_TOKEN}`.
 * export const POST = createVidauWebhookHandler({
 *   authorize: (request) => new URL(request.url).searchParams.get('token') === process.env.VIDAU_HOOK_TOKEN,
 *   onTask: async (event) => {
 *     if (event.outcome === 'succeeded') console.log(event.taskId, event.videoUrl);
 *     else if (event.outcome === 'failed') console.log(event.taskId, event.failedReason);
 *   },
 * });
 * ```
 *
 * @throws InvalidRequestError for a `maxBodyBytes` that is not a whole number of at least 1 (NaN and
 *   Infinity included: no setting reads bodies without a limit).
 */
export function createVidauWebhookHandler(options: VidauWebhookHandlerOptions): (request: Request) => Promise<Response> {
  const limit = numberOption('maxBodyBytes', options.maxBodyBytes, 1024 * 1024, { min: 1 });
  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed', message: 'only POST is accepted' }, { allow: 'POST' });
    try {
      if (options.authorize && !(await options.authorize(request)))
        return json(401, { error: 'unauthorized', message: 'the caller was not authorized' });
      const type = request.headers.get('content-type') ?? '';
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
        return json(415, { error: 'unsupported_media_type', message: 'expected application/json' });
      let text: string | undefined;
      try {
        text = await readLimited(request, limit);
      } catch {
        return json(400, { error: 'invalid_request', message: 'the body is not UTF-8 text' });
      }
      if (text === undefined) return json(413, { error: 'payload_too_large', message: `the body exceeds ${limit} bytes` });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return json(400, { error: 'invalid_request', message: 'the body is not JSON' });
      }
      let event: VidauWebhookEvent;
      try {
        event = parseVidauWebhook(body);
      } catch (error) {
        if (error instanceof VidauWebhookPayloadError) return json(400, { error: 'invalid_request', message: error.detail });
        throw error;
      }
      await options.onTask(event, request);
      return json(200, { received: true });
    } catch {
      // The handler's own failure, or the caller's onTask/authorize: never leak its message to the sender.
      return json(500, { error: 'internal_error', message: 'the notification could not be processed' });
    }
  };
}
