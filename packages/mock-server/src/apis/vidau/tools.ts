// What the VidAU mock offers tests beyond its API: tasks seeded at start, and task notifications sent on demand.
import { InvalidRequestError } from '@signet/client-core/errors';
import type { MockTrigger, WebhookDelivery } from '../../core/api.js';
import { SeedReader } from '../../core/seed.js';
import { spec } from './spec.gen.js';
import { addTask, type CreateRequest, taskObject, type VidauState, type VideoOutcome } from './state.js';

const STATUSES = ['rendering', 'success', 'failed'] as const;
type SeedStatus = (typeof STATUSES)[number];

/** A VidAU task the mock starts with. */
export interface VidauSeedTask {
  /** Its id, as `getTaskInfo` and the webhook name it. */
  readonly task_id: string;
  /** Where its webhook goes, and what it renders: as `createAvatarVideo` takes them. */
  readonly webhook_url: string;
  readonly params: CreateRequest['params'];
  /** Where it is: `rendering` (just started; its webhook follows after the render time), `success` or `failed` (done). Default success. */
  readonly status?: SeedStatus;
}

/** What the VidAU mock can start with: tasks, in a given status. */
export interface VidauSeed {
  readonly tasks?: readonly VidauSeedTask[];
}

/** Adds the seed's tasks; an `InvalidRequestError` names the first field that is wrong. */
export function seedVidau(input: VidauSeed, state: VidauState): void {
  const read = new SeedReader('vidau');
  const entry = read.entry(input, ['tasks']);
  read.list(entry, 'tasks').forEach((item, i) => {
    const task = read.object(item, ['tasks', i]);
    const id = read.string(task.task_id, ['tasks', i, 'task_id']);
    const { task_id: _id, status: rawStatus, ...request } = task;
    read.matches(request, spec, ['components', 'schemas', 'AvatarVideoCreateRequest'], 'utf-16', ['tasks', i]);
    const status = rawStatus === undefined ? 'success' : read.oneOf(rawStatus, STATUSES, ['tasks', i, 'status']);
    const outcome: VideoOutcome = status === 'failed' ? 'failed' : 'success';
    const now = state.context.now();
    const rendering = status === 'rendering';
    addTask(state, id, request as unknown as CreateRequest, outcome, {
      createdAt: rendering ? now : now - state.renderMs,
      notify: rendering,
    });
  });
}

/** What the `webhook` trigger takes. */
export interface WebhookTriggerInput {
  /** The task whose notification to send. */
  readonly task_id: string;
  /** The `task_status` to report: `success` (1), `failed` (2) or `rendering` (0). Default: how the task ends. */
  readonly status?: string;
  /** Where to send it; default the task's `webhook_url`. */
  readonly webhook_url?: string;
  /** Send it this many more times, as a notifier that retries would. Default 0. */
  readonly duplicates?: number;
  /** Then send a stale `rendering` notification (task_status 0), as a retried earlier one arriving late would be. */
  readonly out_of_order?: boolean;
}

const STATUS_CODES: Readonly<Record<SeedStatus, 0 | 1 | 2>> = { rendering: 0, success: 1, failed: 2 };

/** Sends a task's notification now, through the mock's webhook delivery (and its policy); resolves to every delivery, in order. */
export const webhookTrigger: MockTrigger<VidauState, WebhookTriggerInput, WebhookDelivery[]> = {
  help: "sends a task's webhook now: duplicated, or followed by a stale one, if asked",
  fields: {
    task_id: { type: 'string', required: true, help: 'the task (from createAvatarVideo, or seeded)' },
    status: { type: 'string', help: 'the task_status to report: success, failed or rendering (default: how the task ends)' },
    webhook_url: { type: 'string', help: "where to send it (default: the task's webhook_url)" },
    duplicates: { type: 'integer', help: 'send it this many more times, as a retrying notifier would (default 0)' },
    out_of_order: { type: 'boolean', help: 'then send a stale notification with task_status 0, as a late retry would' },
  },
  async run({ task_id, status, webhook_url, duplicates = 0, out_of_order = false }, state) {
    const task = state.tasks.get(task_id);
    if (task === undefined) throw new InvalidRequestError('task_id', `no task ${JSON.stringify(task_id)}`);
    if (status !== undefined && !Object.hasOwn(STATUS_CODES, status)) {
      throw new InvalidRequestError('status', `must be one of ${STATUSES.join(', ')}`);
    }
    if (duplicates > 100) throw new InvalidRequestError('duplicates', 'must be at most 100');
    const code = status === undefined ? (task.outcome === 'success' ? 1 : 2) : STATUS_CODES[status as SeedStatus];
    const url = webhook_url ?? task.request.webhook_url;
    const deliveries: WebhookDelivery[] = [];
    for (let i = 0; i <= duplicates; i++) deliveries.push(await state.context.sendWebhook(url, { ...taskObject(state, task, code) }));
    if (out_of_order) deliveries.push(await state.context.sendWebhook(url, { ...taskObject(state, task, 0) }));
    return deliveries;
  },
};
