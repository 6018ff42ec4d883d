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

/**
 * An openapi-fetch client whose fetch records each Request it is handed and
 * answers with `respond`; nothing is mocked but the network.
 */
export function observedClient(respond: (request: Request, attempt: number) => Response = () => Response.json({ ok: true })) {
  const sent: Request[] = [];
  const client = createClient<TestPaths>({
    baseUrl: 'https://api.test',
    fetch: async (request: Request) => {
      sent.push(request.clone());
      return respond(request, sent.length);
    },
  });
  return { client, sent };
}
