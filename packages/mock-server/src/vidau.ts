import { randomUUID } from 'node:crypto';
import { SignetAuthError, verifyVidauSignature } from '@signet/auth';
import { header, isLoopback, json, type MockRequest, type MockResponse, parseJson } from './http.js';
import { matchOperation } from './openapi.js';
import { vidauSpec } from './specs.gen.js';
import { createBodyValidator } from './validate.js';

export interface VidauCredentials {
  readonly clientId: string;
  readonly authKey: string;
}

export type VideoOutcome = 'success' | 'failed';

export interface VideoSimulation {
  /** How long a task renders before it ends and the webhook is sent. Default 1500 ms. */
  readonly renderMs?: number;
  /** How it ends; default success. */
  readonly outcome?: (request: CreateRequest) => VideoOutcome;
}

/** One webhook the mock sent: where, what, and how the receiver answered. */
export interface WebhookDelivery {
  readonly url: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly status: number | 'not-sent' | 'unreachable';
}

interface CreateRequest {
  readonly webhook_url: string;
  readonly params: Readonly<Record<string, unknown>>;
}

interface Task {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: VideoOutcome;
  readonly request: CreateRequest;
}

const validateBody = createBodyValidator(vidauSpec, 'vidau');

/** VidAU's avatar-video API as documented, in memory, verifying every signature as the server does. */
export class VidauMock {
  private readonly tasks = new Map<string, Task>();
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly webhooks: WebhookDelivery[] = [];

  constructor(
    private readonly credentials: VidauCredentials,
    private readonly simulation: VideoSimulation,
    private readonly options: {
      readonly now: () => number;
      readonly toleranceMs: number;
      readonly allowRemoteWebhooks: boolean;
      readonly origin: () => string;
    },
  ) {}

  async handle(request: MockRequest): Promise<MockResponse> {
    const matched = matchOperation(vidauSpec, request.method, request.path);
    if (matched === undefined) return json(404, { code: 404, msg: 'Not Found' });
    if (header(request, 'x-client-id') !== this.credentials.clientId) return json(401, { code: 401, msg: 'unknown x-client-id' });
    try {
      await verifyVidauSignature(
        {
          ...this.credentials,
          body: request.body.toString('utf8'),
          timestamp: header(request, 'timestamp'),
          signature: header(request, 'authorization'),
        },
        { now: this.options.now, toleranceMs: this.options.toleranceMs },
      );
    } catch (error) {
      if (!(error instanceof SignetAuthError)) throw error;
      // A body the server cannot canonicalize is a bad request; anything else is an authentication failure.
      const status = error.code === 'ERR_CANONICAL_JSON_UNSUPPORTED' || error.code === 'ERR_JSON_SYNTAX' ? 400 : 401;
      return json(status, { code: status, msg: error.code });
    }
    const parsed = parseJson(request);
    if (!parsed.ok) return json(400, { code: 400, msg: 'body is not JSON' });
    const problems = validateBody(matched, 'application/json', parsed.value);
    if (problems.length > 0) return json(400, { code: 400, msg: 'invalid request', details: problems });

    switch (matched.operation.operationId) {
      case 'createAvatarVideo':
        return json(200, this.create(parsed.value as CreateRequest));
      case 'getTaskInfo': {
        const task = this.tasks.get((parsed.value as { task_id: string }).task_id);
        return task ? json(200, this.info(task)) : json(404, { code: 404, msg: 'task not found' });
      }
      default:
        return json(501, { code: 501, msg: `no mock for ${matched.operation.operationId}` });
    }
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private create(request: CreateRequest) {
    const task: Task = {
      id: `task-${randomUUID()}`,
      createdAt: this.options.now(),
      outcome: this.simulation.outcome?.(request) ?? 'success',
      request,
    };
    this.tasks.set(task.id, task);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.notify(task);
    }, this.renderMs);
    this.timers.add(timer);
    return this.taskObject(task);
  }

  private get renderMs(): number {
    return this.simulation.renderMs ?? 1500;
  }

  private status(task: Task): 0 | 1 | 2 {
    if (this.options.now() - task.createdAt < this.renderMs) return 0;
    return task.outcome === 'success' ? 1 : 2;
  }

  private taskObject(task: Task) {
    const status = this.status(task);
    return {
      task_id: task.id,
      task_status: status,
      webhook_url: task.request.webhook_url,
      params: task.request.params,
      ...(status === 1 && { file_url: `${this.options.origin()}/files/${task.id}.mp4` }),
      ...(status === 2 && { failed_reason: 'rendering failed (simulated)' }),
    };
  }

  private info(task: Task) {
    const status = this.status(task);
    const progress = status === 0 ? Math.min(99, Math.floor(((this.options.now() - task.createdAt) / this.renderMs) * 100)) : 100;
    return {
      app_id: this.credentials.clientId,
      task_id: task.id,
      status: String(status),
      progress_bar: String(progress),
      thumb_url: status === 1 ? `${this.options.origin()}/files/${task.id}.jpg` : '',
      video_url: status === 1 ? `${this.options.origin()}/files/${task.id}.mp4` : '',
    };
  }

  /** POSTs the task to its webhook_url, loopback only unless allowed otherwise. */
  private async notify(task: Task): Promise<void> {
    const payload = { ...this.taskObject(task), task_status: task.outcome === 'success' ? 1 : 2 };
    const url = task.request.webhook_url;
    if (!this.options.allowRemoteWebhooks && !isLoopback(new URL(url))) {
      this.webhooks.push({ url, payload, status: 'not-sent' });
      return;
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(5000),
      });
      await response.body?.cancel();
      this.webhooks.push({ url, payload, status: response.status });
    } catch {
      this.webhooks.push({ url, payload, status: 'unreachable' });
    }
  }
}
