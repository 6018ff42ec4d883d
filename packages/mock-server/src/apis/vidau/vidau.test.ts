import { signVidauSync } from '@signet/auth/node';
import { describe, expect, it } from 'vitest';
import type { IncomingMockRequest, MockResponse } from '../../core/api.js';
import { createMockCore, responderOf } from '../../core/core.js';
import { vidau } from './index.js';
import { startVidau } from './state.js';
import { verifySignature as portable } from './verifier.js';

const NOW = 1_723_515_690_000;
const credentials = vidau.credentials.defaults;

/** A signed task-info POST whose body the test hands over by hand, as node:http does from its `'end'` event. */
function taskInfoRequest(signature?: string) {
  const body = '{"task_id":"task-none"}';
  const headers = new Headers({
    'content-type': 'application/json',
    'content-length': String(body.length),
    'x-client-id': credentials.clientId,
    timestamp: String(NOW),
    authorization: signature ?? signVidauSync({ ...credentials, body, timestamp: NOW }),
  });
  let deliver: (() => void) | undefined;
  const request: IncomingMockRequest = {
    method: 'POST',
    url: new URL('http://mock.test/openapi/v1.0/task/info'),
    headers,
    readBody(_limit, done) {
      deliver = () => done(new TextEncoder().encode(body));
    },
  };
  return { request, deliver: () => deliver?.() };
}

describe('the VidAU module', () => {
  it.each([
    // On Node, `#vidau-verifier` is node:crypto's synchronous verifier.
    ['the verifier its import map gives Node', vidau, true],
    ['the portable verifier', { ...vidau, start: (setup: Parameters<typeof vidau.start>[0]) => startVidau(setup, portable) }, false],
  ])('checks signatures with %s, answering in the tick the body ends only when it answers at once', async (_name, api, atOnce) => {
    const core = createMockCore({ apis: [api], origin: 'http://mock.test', options: { now: () => NOW } });
    const respond = responderOf(core);
    const answer = async (signature?: string) => {
      const answers: MockResponse[] = [];
      const { request, deliver } = taskInfoRequest(signature);
      expect(respond(request, (response) => answers.push(response))).toBeUndefined();
      deliver();
      const inTheSameTick = answers.length;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(answers).toHaveLength(1);
      return { inTheSameTick, status: answers[0]?.status, body: answers[0]?.body };
    };

    // Past the signature check: the handler's own 404.
    expect(await answer()).toEqual({ inTheSameTick: atOnce ? 1 : 0, status: 404, body: { code: 404, msg: 'task not found' } });
    expect(await answer('AAAA')).toEqual({
      inTheSameTick: atOnce ? 1 : 0,
      status: 401,
      body: { code: 401, msg: 'ERR_SIGNATURE_MISMATCH' },
    });
    core.close();
  });
});
