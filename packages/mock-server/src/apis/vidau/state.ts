import { type CanonicalJsonDialect, canonicalJson } from '@signet/auth';
import { numberOption } from '@signet/client-core';
import { verifySignature as platformVerifier } from '#vidau-verifier';
import type { MockApiContext, MockApiSetup } from '../../core/api.js';
import type { BoundedMap } from '../../core/store.js';
import type { components, operations } from './operations.gen.js';
import type { SignatureVerifier } from './verifier.js';

/** The VidAU client id and auth key the mock checks signatures with. */
export interface VidauCredentials {
  readonly clientId: string;
  readonly authKey: string;
}

/** How a simulated video task ends: `success` (task status 1, a video URL) or `failed` (2, a `failed_reason`). */
export type VideoOutcome = 'success' | 'failed';

/** Timing and outcome of the mock's video tasks. */
export interface VideoSimulation {
  /** How long a task renders before it ends and the webhook is sent. Default 1500 ms. */
  readonly renderMs?: number;
  /** How it ends; default success. */
  readonly outcome?: (request: { readonly webhook_url: string; readonly params: Readonly<Record<string, unknown>> }) => VideoOutcome;
}

/** The VidAU mock's options. */
export interface VidauOptions {
  /** VidAU video tasks: render time and outcome. */
  readonly video?: VideoSimulation;
  /** VidAU replay window: largest accepted |timestamp − now|. Default 5 minutes. */
  readonly toleranceMs?: number;
  /** How the VidAU mock canonicalizes bodies to check signatures: `'java'` (fastjson2, default) or `python` from `@signet/auth/python`. */
  readonly vidauDialect?: CanonicalJsonDialect;
}

export type CreateRequest = operations['createAvatarVideo']['requestBody']['content']['application/json'];
export type Task = components['schemas']['AvatarVideoTask'];

export interface StoredTask {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: VideoOutcome;
  readonly request: CreateRequest;
  readonly cancelWebhook: () => void;
}

/** What one VidAU mock keeps: its tasks, and what its handlers and signature check read. */
export interface VidauState {
  readonly credentials: VidauCredentials;
  readonly video: VideoSimulation;
  readonly renderMs: number;
  readonly context: MockApiContext;
  readonly tasks: BoundedMap<string, StoredTask>;
  readonly verify: SignatureVerifier;
  readonly verifyOptions: { readonly now: () => number; readonly toleranceMs: number; readonly dialect: CanonicalJsonDialect };
}

/**
 * A new instance's state. Signatures are checked with `#vidau-verifier`: node:crypto's synchronous
 * verifier on Node, the portable one elsewhere (MSW in a browser); `verify` replaces it in tests.
 */
export function startVidau(
  { options, credentials, context }: MockApiSetup<VidauOptions, VidauCredentials>,
  verify: SignatureVerifier = platformVerifier,
): VidauState {
  const dialect = options.vidauDialect ?? 'java';
  // An unknown dialect (the name 'python' where the imported value belongs) is refused here, with
  // canonicalJson's InvalidRequestError, not as a 500 on every signed request.
  canonicalJson('{}', { dialect });
  const { now } = context;
  return {
    credentials,
    video: options.video ?? {},
    renderMs: numberOption('video.renderMs', options.video?.renderMs, 1500),
    context,
    tasks: context.store<StoredTask>('records', (_id, task) => task.cancelWebhook()),
    verify,
    verifyOptions: { now, toleranceMs: numberOption('toleranceMs', options.toleranceMs, 5 * 60 * 1000), dialect },
  };
}

/**
 * Stores a task made at `createdAt`; with `notify`, schedules its webhook for when it finishes
 * rendering (a task seeded as already done has sent it before the mock started).
 */
export function addTask(
  state: VidauState,
  id: string,
  request: CreateRequest,
  outcome: VideoOutcome,
  { createdAt, notify }: { readonly createdAt: number; readonly notify: boolean },
): StoredTask {
  const remaining = Math.max(0, createdAt + state.renderMs - state.context.now());
  const cancelWebhook = !notify
    ? () => undefined
    : state.context.later(remaining, async () => {
        const task = state.tasks.get(id);
        if (task !== undefined)
          await state.context.sendWebhook(task.request.webhook_url, { ...taskObject(state, task, outcome === 'success' ? 1 : 2) });
      });
  const task: StoredTask = { id, createdAt, outcome, request, cancelWebhook };
  state.tasks.set(id, task);
  return task;
}

const FAILED_REASON = 'rendering failed (simulated)';

/** 0 while rendering, then 1 (success) or 2 (failed). */
export function taskStatus(state: VidauState, task: StoredTask): 0 | 1 | 2 {
  if (state.context.now() - task.createdAt < state.renderMs) return 0;
  return task.outcome === 'success' ? 1 : 2;
}

/** The task as `createAvatarVideo` and the webhook describe it. */
export function taskObject(state: VidauState, task: StoredTask, status = taskStatus(state, task)): Task {
  return {
    task_id: task.id,
    task_status: status,
    webhook_url: task.request.webhook_url,
    params: task.request.params,
    ...(status === 1 && { file_url: state.context.fileUrl(`${task.id}.mp4`) }),
    ...(status === 2 && { failed_reason: FAILED_REASON }),
  };
}

/** The task as `getTaskInfo` reads it. */
export function taskInfo(state: VidauState, task: StoredTask): components['schemas']['TaskInfo'] {
  const { now, fileUrl } = state.context;
  const status = taskStatus(state, task);
  const progress = status === 0 ? Math.min(99, Math.floor(((now() - task.createdAt) / state.renderMs) * 100)) : 100;
  return {
    app_id: state.credentials.clientId,
    task_id: task.id,
    status: String(status),
    progress_bar: String(progress),
    thumb_url: status === 1 ? fileUrl(`${task.id}.jpg`) : '',
    video_url: status === 1 ? fileUrl(`${task.id}.mp4`) : '',
    ...(status === 2 && { failed_reason: FAILED_REASON }),
  };
}
