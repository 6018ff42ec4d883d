import {
  type CanonicalJsonDialect,
  canonicalJson,
  SignetAuthError,
  type VerifyVidauSignatureInput,
  type VerifyVidauSignatureOptions,
  verifyVidauSignature,
} from '@signet/auth';
import type { AvatarVideoTask, TaskInfo, VidauOperations } from '@signet/vidau';
import { defineMockApi, type MockApiContext, type MockApiFactory, type MockRequest, type MockResponse } from '../core/api.js';
import { json } from '../core/http.js';
import { serverPath } from '../core/openapi.js';
import { BoundedMap } from '../core/store.js';
import { specs } from '../specs.gen.js';
import { PLACEHOLDER_JPEG, PLACEHOLDER_MP4 } from './assets.js';

/** The VidAU client id and auth key the mock checks signatures with. */
export interface VidauCredentials {
  readonly clientId: string;
  readonly authKey: string;
}

/** How a simulated video task ends: `success` (task status 1, a video URL) or `failed` (2, a `failed_reason`). */
export type VideoOutcome = 'success' | 'failed';

type Ops = VidauOperations;
type CreateRequest = Ops['createAvatarVideo']['requestBody']['content']['application/json'];
type Task = AvatarVideoTask;

/** Timing and outcome of the mock's video tasks. */
export interface VideoSimulation {
  /** How long a task renders before it ends and the webhook is sent. Default 1500 ms. */
  readonly renderMs?: number;
  /** How it ends; default success. */
  readonly outcome?: (request: { readonly webhook_url: string; readonly params: Readonly<Record<string, unknown>> }) => VideoOutcome;
}

/**
 * Checks a VidAU signature as `verifyVidauSignature` does: returns (or resolves) for a genuine
 * request, throws (or rejects) with a `SignetAuthError` for any other.
 */
export type VidauSignatureVerifier = (input: VerifyVidauSignatureInput, options: VerifyVidauSignatureOptions) => void | Promise<void>;

/** Options of the VidAU mock module. */
export interface VidauMockOptions {
  readonly credentials: VidauCredentials;
  readonly video?: VideoSimulation;
  /** Largest accepted |timestamp − now|. Default 5 minutes. */
  readonly toleranceMs?: number;
  /** How the server canonicalizes bodies before checking signatures: `'java'` (fastjson2, default) or `python` from `@signet/auth/python`. */
  readonly dialect?: CanonicalJsonDialect;
  /**
   * How signatures are checked: `verifyVidauSignature` from `@signet/auth` by default, which runs
   * everywhere (MSW in a browser too). `startMockServer` passes `verifyVidauSignatureSync` from
   * `@signet/auth/node`, which answers before it returns, so the request is answered in the tick its
   * body ends instead of a turn of the microtask queue later.
   */
  readonly verifySignature?: VidauSignatureVerifier;
}

interface StoredTask {
  readonly id: string;
  readonly createdAt: number;
  readonly outcome: VideoOutcome;
  readonly request: CreateRequest;
  readonly cancelWebhook: () => void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const FAILED_REASON = 'rendering failed (simulated)';

/** `RESPONSE-WRAP: true` asks for the `{code, msg, data}` envelope; anything else gets the bare object. */
const wrapped = (request: MockRequest) => (request.headers.get('response-wrap') ?? '').trim().toLowerCase() === 'true';

/** VidAU's avatar-video API as documented, in memory, verifying every signature as the server does. */
export function vidauApi(options: VidauMockOptions): MockApiFactory {
  return (context) => createVidauMock(options, context);
}

/** Whether the service could ever call this webhook URL: an absolute http(s) URL that parses (`format: uri` alone admits `http://256.256.256.256/`). */
function isCallable(webhookUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(webhookUrl).protocol);
  } catch {
    return false;
  }
}

function createVidauMock(
  { credentials, video = {}, toleranceMs = 5 * 60 * 1000, dialect = 'java', verifySignature = verifyVidauSignature }: VidauMockOptions,
  context: MockApiContext,
) {
  // An unknown dialect (the name 'python' where the imported value belongs) is refused here, with
  // canonicalJson's InvalidRequestError, not as a 500 on every signed request.
  canonicalJson('{}', { dialect });
  const { now } = context;
  const renderMs = video.renderMs ?? 1500;
  const tasks = new BoundedMap<string, StoredTask>({
    maxEntries: context.limits.records,
    now,
    onEvict: (_id, task) => task.cancelWebhook(),
  });

  const error = (status: number, message: string): MockResponse => json(status, { code: status, msg: message });
  const verifyOptions = { now, toleranceMs, dialect } as const;
  const passed = (): undefined => undefined;
  const refused = (problem: unknown): MockResponse => {
    if (!(problem instanceof SignetAuthError)) throw problem;
    // A body the server cannot canonicalize is a bad request; anything else is an authentication failure.
    return error(problem.code === 'ERR_CANONICAL_JSON_UNSUPPORTED' || problem.code === 'ERR_JSON_SYNTAX' ? 400 : 401, problem.code);
  };

  const status = (task: StoredTask): 0 | 1 | 2 => {
    if (now() - task.createdAt < renderMs) return 0;
    return task.outcome === 'success' ? 1 : 2;
  };

  const taskObject = (task: StoredTask, taskStatus = status(task)): Task => ({
    task_id: task.id,
    task_status: taskStatus,
    webhook_url: task.request.webhook_url,
    params: task.request.params,
    ...(taskStatus === 1 && { file_url: context.fileUrl(`${task.id}.mp4`) }),
    ...(taskStatus === 2 && { failed_reason: FAILED_REASON }),
  });

  // receiveAvatarVideoTask is the spec's outgoing webhook: sent, not served.
  return defineMockApi<Ops, Exclude<keyof Ops, 'receiveAvatarVideoTask'>>({
    name: 'vidau',
    prefix: serverPath(specs.vidau),
    spec: specs.vidau,
    // The server is Java: "text cannot exceed 1200 characters" counts UTF-16 units, as String.length() does.
    stringLength: 'utf-16',
    error,
    invalid: (problems) => json(400, { code: 400, msg: 'invalid request', details: problems }),
    authenticate({ request }) {
      if (request.headers.get('x-client-id') !== credentials.clientId) return error(401, 'unknown x-client-id');
      let body: string;
      try {
        body = utf8.decode(request.body);
      } catch {
        return error(400, 'body is not UTF-8');
      }
      let verdict: void | Promise<void>;
      try {
        verdict = verifySignature(
          {
            clientId: credentials.clientId,
            authKey: credentials.authKey,
            body,
            timestamp: request.headers.get('timestamp'),
            signature: request.headers.get('authorization'),
          },
          verifyOptions,
        );
      } catch (problem) {
        return refused(problem);
      }
      // A verifier that answered at once lets the core answer at once; anything else is awaited (fails closed).
      return verdict === undefined ? undefined : Promise.resolve(verdict).then(passed, refused);
    },
    file(name) {
      const [, id, extension] = /^(.+)\.(mp4|jpg)$/.exec(name) ?? [];
      const task = id === undefined ? undefined : tasks.get(id);
      if (task === undefined || status(task) !== 1) return undefined;
      return extension === 'mp4' ? PLACEHOLDER_MP4 : PLACEHOLDER_JPEG;
    },
    close: () => tasks.clear(),
    handlers: {
      createAvatarVideo({ request, body, reply }) {
        if (!isCallable(body.webhook_url)) {
          return json(400, {
            code: 400,
            msg: 'invalid request',
            details: [{ loc: ['body', 'webhook_url'], msg: 'must be an absolute http(s) URL', type: 'format' }],
          });
        }
        const id = `task-${crypto.randomUUID()}`;
        const outcome = video.outcome?.(body) ?? 'success';
        const cancelWebhook = context.later(renderMs, async () => {
          const task = tasks.get(id);
          if (task !== undefined)
            await context.sendWebhook(task.request.webhook_url, { ...taskObject(task, outcome === 'success' ? 1 : 2) });
        });
        const task: StoredTask = { id, createdAt: now(), outcome, request: body, cancelWebhook };
        tasks.set(id, task);
        const created = taskObject(task);
        return wrapped(request) ? reply(200, { code: 200, msg: 'success', data: created }) : reply(200, created);
      },
      getTaskInfo({ request, body, reply }) {
        const task = tasks.get(body.task_id);
        if (task === undefined) return error(404, 'task not found');
        const taskStatus = status(task);
        const progress = taskStatus === 0 ? Math.min(99, Math.floor(((now() - task.createdAt) / renderMs) * 100)) : 100;
        const info: TaskInfo = {
          app_id: credentials.clientId,
          task_id: task.id,
          status: String(taskStatus),
          progress_bar: String(progress),
          thumb_url: taskStatus === 1 ? context.fileUrl(`${task.id}.jpg`) : '',
          video_url: taskStatus === 1 ? context.fileUrl(`${task.id}.mp4`) : '',
          ...(taskStatus === 2 && { failed_reason: FAILED_REASON }),
        };
        return wrapped(request) ? reply(200, { code: 200, msg: 'success', data: info }) : reply(200, info);
      },
    },
  });
}
