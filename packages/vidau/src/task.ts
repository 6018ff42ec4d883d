import type { components } from './schema.gen.js';

type TaskInfo = components['schemas']['TaskInfo'];

/**
 * Where a task stands, read from every field the vendor documents:
 * `executing` until something says otherwise; `succeeded` or `failed` when a
 * status, `video_url` or `failed_reason` says so; `unknown` for a status value
 * no document names, which ends a wait rather than polling on forever.
 */
export type TaskOutcome = 'executing' | 'succeeded' | 'failed' | 'unknown';

// The vendor documents 0/1/2 for task_status; the words are what task-info `status` might carry instead.
const EXECUTING = new Set(['0', 'executing', 'processing', 'pending', 'queued', 'running', 'in_progress', 'created', '']);
const SUCCEEDED = new Set(['1', 'success', 'succeeded', 'completed', 'complete', 'done', 'finished']);
const FAILED = new Set(['2', 'failed', 'fail', 'failure', 'error']);

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The documented rule `waitForTask` applies by default; see {@link TaskOutcome}. */
export function taskOutcome(info: TaskInfo): TaskOutcome {
  if (filled(info.failed_reason)) return 'failed';
  const raw = info.status ?? info.task_status;
  const status = raw === undefined || raw === null ? undefined : String(raw).trim().toLowerCase();
  if (status !== undefined && FAILED.has(status)) return 'failed';
  if (status !== undefined && SUCCEEDED.has(status)) return 'succeeded';
  if (filled(info.video_url)) return 'succeeded';
  if (status === undefined || EXECUTING.has(status)) return 'executing';
  return 'unknown';
}

/** Whether `waitForTask` stops by default: any outcome but `executing`. */
export function isTaskFinished(info: TaskInfo): boolean {
  return taskOutcome(info) !== 'executing';
}
