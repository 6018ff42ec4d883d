// VidAU in the repository's service runs (see src/service-runs.test-support.ts).
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { python } from '@signet/auth/python';
import type { LoadRequest, ServiceRuns } from '../../service-runs.test-support.js';
import type { VidauCredentials } from './state.js';

/** Signed headers for `body`, as the client sends them (the java dialect, the mock's default in the load run). */
const signed = (credentials: VidauCredentials, body: string) => {
  const timestamp = Date.now();
  return {
    'content-type': 'application/json',
    'x-client-id': credentials.clientId,
    timestamp: String(timestamp),
    authorization: signVidauSync({ ...credentials, body, timestamp }),
  };
};

/** A signed create, then the task's info: signed per request, so the timestamp stays in the window. */
function loadRequests(prefix: string, origin: string, credentials: VidauCredentials): LoadRequest[] {
  const createBody = canonicalJson({
    webhook_url: `${origin}/webhook-sink`,
    params: { voice_id: 'voice-1', avatar_id: 7, text: 'Load test — 负载 😀', language: 'English' },
  });
  return [
    {
      method: 'POST',
      path: `${prefix}/v1.0/avatar/video/create`,
      body: createBody,
      setupRequest: (request) => ({ ...request, headers: signed(credentials, createBody) }),
      onResponse(status, body, context) {
        if (status === 200) context.task = JSON.parse(body).task_id;
      },
    },
    {
      method: 'POST',
      path: `${prefix}/v1.0/task/info`,
      setupRequest(request, context) {
        const body = canonicalJson({ task_id: context.task ?? '' });
        return { ...request, body, headers: signed(credentials, body) };
      },
    },
  ];
}

export const runs: ServiceRuns<VidauCredentials> = {
  schemathesis: {
    // The auth hook signs as the vendor's Python sample does: the mock checks in that dialect.
    options: { vidauDialect: python, video: { renderMs: 0 } },
    env: ({ clientId, authKey }) => ({
      SCHEMATHESIS_HOOKS: 'schemathesis_vidau',
      PYTHONPATH: fileURLToPath(new URL('.', import.meta.url)),
      SIGNET_VIDAU_CLIENT_ID: clientId,
      SIGNET_VIDAU_AUTH_KEY: authKey,
    }),
  },
  load: {
    options: { video: { renderMs: 500 } },
    summary: 'signed VidAU info and creates',
    requests: ({ baseUrl, origin, credentials }) => loadRequests(new URL(baseUrl).pathname, origin, credentials),
  },
};
