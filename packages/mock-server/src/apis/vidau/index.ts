import { SignetAuthError } from '@signet/auth';
import { type AuthInput, defineMockApi, type MockResponse } from '../../core/api.js';
import { json } from '../../core/http.js';
import { PLACEHOLDER_JPEG, PLACEHOLDER_MP4 } from '../assets.js';
import { handlers, vidauError } from './handlers.js';
import { spec } from './spec.gen.js';
import { startVidau, taskStatus, type VidauCredentials, type VidauOptions, type VidauState } from './state.js';
import { seedVidau, webhookTrigger } from './tools.js';

const TEST_CREDENTIALS: VidauCredentials = { clientId: 'mock-vidau-client', authKey: 'mock-vidau-auth-key' };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const passed = (): undefined => undefined;

/** A refusal by the verifier: a body the server cannot canonicalize is a bad request, anything else an authentication failure. */
function refused(problem: unknown): MockResponse {
  if (!(problem instanceof SignetAuthError)) throw problem;
  return vidauError(problem.code === 'ERR_CANONICAL_JSON_UNSUPPORTED' || problem.code === 'ERR_JSON_SYNTAX' ? 400 : 401, problem.code);
}

/** Every request is signed: the client id, then the HMAC over client id, canonical body and timestamp. */
function authenticate({ request }: AuthInput, state: VidauState): MockResponse | undefined | Promise<MockResponse | undefined> {
  const { clientId, authKey } = state.credentials;
  if (request.headers.get('x-client-id') !== clientId) return vidauError(401, 'unknown x-client-id');
  let body: string;
  try {
    body = utf8.decode(request.body);
  } catch {
    return vidauError(400, 'body is not UTF-8');
  }
  let verdict: void | Promise<void>;
  try {
    const timestamp = request.headers.get('timestamp');
    verdict = state.verify({ clientId, authKey, body, timestamp, signature: request.headers.get('authorization') }, state.verifyOptions);
  } catch (problem) {
    return refused(problem);
  }
  // A verifier that answered at once lets the core answer at once; anything else is awaited (fails closed).
  return verdict === undefined ? undefined : Promise.resolve(verdict).then(passed, refused);
}

/** The banner's note of a dialect other than the default. */
const dialectNote = (dialect: VidauOptions['vidauDialect']) =>
  dialect === undefined || dialect === 'java' ? '' : ` | signatures checked in the ${dialect.name} dialect`;

/** VidAU's avatar-video API as documented, in memory, verifying every signature as the server does. */
export const vidau = defineMockApi({
  name: 'vidau',
  title: 'VidAU',
  spec,
  // The server is Java: "text cannot exceed 1200 characters" counts UTF-16 units, as String.length() does.
  stringLength: 'utf-16',
  credentials: { key: 'vidau', defaults: TEST_CREDENTIALS },
  flags: [
    {
      name: 'vidau-dialect',
      value: 'D',
      help: ['how VidAU signatures are checked: java (fastjson2, the default) or python', "(the vendor's Python sample)"],
      // Imported only when asked for, so that a bundle of the mock (MSW in a browser) does not carry the dialect.
      async parse(value): Promise<VidauOptions> {
        if (value === 'java') return { vidauDialect: 'java' };
        if (value === 'python') return { vidauDialect: (await import('@signet/auth/python')).python };
        throw new Error(`must be java or python, not ${JSON.stringify(value)}`);
      },
    },
  ],
  banner: ({ clientId, authKey }: VidauCredentials, { vidauDialect }: VidauOptions) => [
    `clientId ${clientId} | authKey ${authKey}${dialectNote(vidauDialect)}`,
  ],
  start: (setup) => startVidau(setup),
  handlers,
  authenticate,
  error: vidauError,
  invalid: (problems) => json(400, { code: 400, msg: 'invalid request', details: problems }),
  file(name, state) {
    const [, id, extension] = /^(.+)\.(mp4|jpg)$/.exec(name) ?? [];
    const task = id === undefined ? undefined : state.tasks.get(id);
    if (task === undefined || taskStatus(state, task) !== 1) return undefined;
    return extension === 'mp4' ? PLACEHOLDER_MP4 : PLACEHOLDER_JPEG;
  },
  stop: (state) => state.tasks.clear(),
  triggers: { webhook: webhookTrigger },
  seed: seedVidau,
});
