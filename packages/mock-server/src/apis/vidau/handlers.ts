import type { Handlers, MockRequest } from '../../core/api.js';
import { json } from '../../core/http.js';
import type { operations } from './operations.gen.js';
import { addTask, taskInfo, taskObject, type VidauState } from './state.js';

/** VidAU's error shape. */
export const vidauError = (status: number, message: string) => json(status, { code: status, msg: message });

/** `RESPONSE-WRAP: true` asks for the `{code, msg, data}` envelope; anything else gets the bare object. */
const wrapped = (request: MockRequest) => (request.headers.get('response-wrap') ?? '').trim().toLowerCase() === 'true';

/** Whether the service could ever call this webhook URL: an absolute http(s) URL that parses (`format: uri` alone admits `http://256.256.256.256/`). */
function isCallable(webhookUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(webhookUrl).protocol);
  } catch {
    return false;
  }
}

/** receiveAvatarVideoTask is the spec's outgoing webhook: sent, not served. */
export type Served = Exclude<keyof operations, 'receiveAvatarVideoTask'>;

/** Every served operation of `specs/vidau.yaml`, each over the instance's state. */
export const handlers: Handlers<operations, VidauState, Served> = {
  createAvatarVideo({ request, body, reply }, state) {
    if (!isCallable(body.webhook_url)) {
      return json(400, {
        code: 400,
        msg: 'invalid request',
        details: [{ loc: ['body', 'webhook_url'], msg: 'must be an absolute http(s) URL', type: 'format' }],
      });
    }
    const outcome = state.video.outcome?.(body) ?? 'success';
    const task = addTask(state, `task-${crypto.randomUUID()}`, body, outcome, { createdAt: state.context.now(), notify: true });
    const created = taskObject(state, task);
    return wrapped(request) ? reply(200, { code: 200, msg: 'success', data: created }) : reply(200, created);
  },

  getTaskInfo({ request, body, reply }, state) {
    const task = state.tasks.get(body.task_id);
    if (task === undefined) return vidauError(404, 'task not found');
    const info = taskInfo(state, task);
    return wrapped(request) ? reply(200, { code: 200, msg: 'success', data: info }) : reply(200, info);
  },
};
