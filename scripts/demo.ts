/**
 * The main job until the full mock server lands: a loopback server that checks
 * auth exactly as the vendors document it, and typed openapi-fetch clients that
 * sign through @signet/auth. Prints what happened and exits 0 when every
 * genuine request is accepted and every forged one refused.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiKeyAuth, bearerAuth, issueAiutaJwt, SignetAuthError, verifyAiutaJwt, verifyVidauSignature, vidauAuth } from '@signet/auth';
import createClient from 'openapi-fetch';

const VIDAU = { clientId: 'demo-client', authKey: 'demo-auth-key-not-a-real-secret' };
const AIUTA = { apiKey: 'demo-aiuta-api-key', jwtSecret: 'demo-jwt-secret-not-a-real-secret', issuer: 'demo-issuer' };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function authenticate(request: IncomingMessage, body: string): Promise<string> {
  if (request.url?.startsWith('/openapi/')) {
    await verifyVidauSignature({
      ...VIDAU,
      body,
      timestamp: request.headers.timestamp as string,
      signature: request.headers.authorization,
    });
    return 'VidAU HMAC signature verified';
  }
  if (request.headers['x-api-key'] === AIUTA.apiKey) return 'Aiuta API key accepted';
  const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const claims = await verifyAiutaJwt(bearer, { secret: AIUTA.jwtSecret, issuer: AIUTA.issuer });
  return `Aiuta JWT verified (uploaded_image_id ${String(claims.uploaded_image_id)})`;
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const body = await readBody(request);
  try {
    const verdict = await authenticate(request, body);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ verdict, received: body }));
  } catch (error) {
    const code = error instanceof SignetAuthError ? error.code : 'ERR_INTERNAL';
    response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ code }));
  }
}

const server = createServer((request, response) => void handle(request, response));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log(`local verifying server on ${baseUrl}`);

type Reply = { verdict?: string; received?: string; code?: string };
// biome-ignore lint/suspicious/noExplicitAny: the typed clients with generated paths arrive with the specs.
type AnyPaths = any;
const outcomes: boolean[] = [];
const report = (label: string, expectAccepted: boolean, status: number, reply: Reply) => {
  outcomes.push((status === 200) === expectAccepted);
  console.log(
    `${status === 200 ? 'accepted' : 'refused '} ${label}: ${reply.verdict ?? reply.code}${reply.received ? `\n         body sent: ${reply.received}` : ''}`,
  );
};

const vidau = createClient<AnyPaths>({ baseUrl: `${baseUrl}/openapi` });
vidau.use(vidauAuth(VIDAU));
const created = await vidau.POST('/v1.0/avatar/video/create', {
  body: {
    webhook_url: 'https://example.com/hook',
    params: { voice_id: 'v-1', avatar_id: 7, text: 'Hello from signet', language: 'English', speed: null },
  },
});
report('VidAU create task', true, created.response.status, (created.data ?? created.error) as Reply);

const forged = createClient<AnyPaths>({ baseUrl: `${baseUrl}/openapi` });
forged.use(vidauAuth({ ...VIDAU, authKey: 'a-wrong-key' }));
const rejected = await forged.POST('/v1.0/task/info', { body: { task_id: 't-1' } });
report('VidAU request signed with a wrong key', false, rejected.response.status, (rejected.data ?? rejected.error) as Reply);

const aiutaServer = createClient<AnyPaths>({ baseUrl });
aiutaServer.use(apiKeyAuth(AIUTA.apiKey));
const byKey = await aiutaServer.GET('/digital-try-on/v1/predefined_try_on_models');
report('Aiuta with X-API-Key', true, byKey.response.status, (byKey.data ?? byKey.error) as Reply);

const aiutaApp = createClient<AnyPaths>({ baseUrl });
aiutaApp.use(
  bearerAuth({
    // Stands in for the customer's backend, which issues the token with the server-side component.
    getToken: () =>
      issueAiutaJwt({ secret: AIUTA.jwtSecret, issuer: AIUTA.issuer, claims: { uploaded_image_id: 'img-1' }, expiresInSeconds: 60 }),
  }),
);
const byJwt = await aiutaApp.POST('/digital-try-on/v1/sku_images_operations', { body: { uploaded_image_id: 'img-1', sku_id: 'sku-1' } });
report('Aiuta with a bearer JWT', true, byJwt.response.status, (byJwt.data ?? byJwt.error) as Reply);

server.close();
const ok = outcomes.every(Boolean);
console.log(ok ? 'demo: every genuine request accepted, every forged one refused' : 'demo: unexpected outcome');
process.exit(ok ? 0 : 1);
