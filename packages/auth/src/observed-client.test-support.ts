import { recordingFetch } from '@signet/client-core/testing';
import createClient from 'openapi-fetch';

/** A two-operation API, enough to drive middleware through openapi-fetch. */
export interface TestPaths {
  '/v1.0/task/info': {
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': Record<string, unknown> } };
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
  };
  '/status': {
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
  };
}

/** An openapi-fetch client on the shared recording fetch; `sent` holds the Requests it was handed. */
export function observedClient(respond: (request: Request, attempt: number) => Response = () => Response.json({ ok: true })) {
  const sent: Request[] = [];
  const io = recordingFetch((recorded, index) => {
    sent.push(recorded.request);
    return respond(recorded.request.clone(), index + 1);
  });
  return { client: createClient<TestPaths>({ baseUrl: 'https://api.test', fetch: io.fetch }), sent };
}
