// The two servers the mock-speed benchmark compares, each run in a child process of its own: the
// mock itself, and a minimal node:http server doing the same work (see mock-speed.ts).
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { canonicalJson } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { MOCK_CREDENTIALS, startMockServer } from '@signet/mock-server';

const MOCK_SPEED_MOCK = process.env.MOCK_SPEED_MOCK;
const MOCK_ENTRY = import.meta.resolve('@signet/mock-server');
// ajv is the mock's dependency, and ships no types.
const requireFromMock = createRequire(fileURLToPath(MOCK_ENTRY));

/** What the mock child created, for the baseline to hold too: the same ids make the same requests. */
export interface Seed {
  readonly taskId: string;
  readonly operationId: string;
  readonly imageId: string;
  readonly imageExpiresAt: string;
  readonly generatedImageIds: readonly string[];
}

export type ChildMessage = { readonly port: number; readonly seed?: Seed };

export const AIUTA_PREFIX = '/digital-try-on/v1';
export const VIDAU_PREFIX = '/openapi';
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, retry-after, retry-after-ms, x-request-id',
};

export async function serveMock(): Promise<ChildMessage> {
  // Another build of the mock (e.g. an older one, for a before/after run) when MOCK_SPEED_MOCK names its entry module.
  const start =
    MOCK_SPEED_MOCK === undefined
      ? startMockServer
      : ((await import(pathToFileURL(resolve(MOCK_SPEED_MOCK)).href)) as { startMockServer: typeof startMockServer }).startMockServer;
  const mock = await start({ tryOn: { queuedMs: 1, runningMs: 1 }, video: { renderMs: 1 } });
  const { aiuta, vidau } = mock.credentials;
  // From the URL, not `baseUrls`, so that an older build serves too.
  const aiutaBase = `${mock.url}${AIUTA_PREFIX}`;
  const upload = new FormData();
  upload.set('image_data', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'p.png', { type: 'image/png' }));
  const image = (await (
    await fetch(`${aiutaBase}/uploaded_images`, { method: 'POST', headers: { 'x-api-key': aiuta.apiKey }, body: upload })
  ).json()) as { id: string; expires_at: string };
  const started = (await (
    await fetch(`${aiutaBase}/sku_images_operations`, {
      method: 'POST',
      headers: { 'x-api-key': aiuta.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ uploaded_image_id: image.id, sku_ids: ['top'] }),
    })
  ).json()) as { operation_id: string };
  const createBody = canonicalJson({
    webhook_url: `${mock.url}/webhook-sink`,
    params: { voice_id: 'voice-1', avatar_id: 7, text: 'bench', language: 'English' },
  });
  const timestamp = Date.now();
  const task = (await (
    await fetch(`${mock.url}${VIDAU_PREFIX}/v1.0/avatar/video/create`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-client-id': vidau.clientId,
        timestamp: String(timestamp),
        authorization: signVidauSync({ ...vidau, body: createBody, timestamp }),
      },
      body: createBody,
    })
  ).json()) as { task_id: string };
  await new Promise((resolve) => setTimeout(resolve, 50));
  // The first read of a finished operation makes its generated image.
  const operation = (await (
    await fetch(`${aiutaBase}/sku_images_operations/${started.operation_id}`, { headers: { 'x-api-key': aiuta.apiKey } })
  ).json()) as { status: string; generated_images: { id: string }[] };
  if (operation.status !== 'SUCCESS') throw new Error(`the seeded operation is ${operation.status}`);
  return {
    port: Number(new URL(mock.url).port),
    seed: {
      taskId: task.task_id,
      operationId: started.operation_id,
      imageId: image.id,
      imageExpiresAt: image.expires_at,
      generatedImageIds: operation.generated_images.map((g) => g.id),
    },
  };
}

interface AjvLike {
  addFormat(name: string, format: boolean): unknown;
  addSchema(schema: object): unknown;
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
}

export async function serveBaseline(seed: Seed): Promise<ChildMessage> {
  const { Ajv2020 } = requireFromMock('ajv/dist/2020.js') as { Ajv2020: new (options: object) => AjvLike };
  const addFormats = requireFromMock('ajv-formats') as { default: (ajv: AjvLike) => AjvLike };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('binary', true);
  // The spec the mock bundles: an internal module of its build, read here so both validate against the same schema.
  const { spec } = (await import(new URL('./apis/vidau/spec.gen.js', MOCK_ENTRY).href)) as { spec: object };
  ajv.addSchema({ ...spec, $id: 'spec:vidau' });
  const validateTaskInfo = ajv.compile({ $ref: 'spec:vidau#/components/schemas/TaskInfoRequest' });

  const { clientId, authKey } = MOCK_CREDENTIALS.vidau;
  const apiKey = MOCK_CREDENTIALS.aiuta.apiKey;
  const key = createSecretKey(Buffer.from(authKey, 'utf8'));
  const toleranceMs = 5 * 60 * 1000;
  const maxBodyBytes = 10 * 1024 * 1024;
  const tasks = new Map([[seed.taskId, { id: seed.taskId, createdAt: Date.now() - 10_000 }]]);
  const uploads = new Map([[seed.imageId, { expiresAt: seed.imageExpiresAt }]]);
  const operations = new Map([[seed.operationId, { id: seed.operationId, images: seed.generatedImageIds }]]);
  const generated = new Set(seed.generatedImageIds);
  const routes =
    /^(?:\/digital-try-on\/v1\/sku_images_operations\/([^/]+)|\/digital-try-on\/v1\/uploaded_images\/([^/]+)|\/openapi\/v1\.0\/task\/info)$/;
  let origin = '';
  const fileUrl = (api: string, name: string) => `${origin}/files/${api}/${encodeURIComponent(name)}`;

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const bytes = Buffer.from(JSON.stringify(body));
    // One literal (a spread of CORS_HEADERS here would cost V8 a slow path per key added).
    res
      .writeHead(status, {
        'access-control-allow-origin': CORS_HEADERS['access-control-allow-origin'],
        'access-control-expose-headers': CORS_HEADERS['access-control-expose-headers'],
        'content-type': 'application/json',
        'content-length': String(bytes.byteLength),
      })
      .end(bytes);
  };

  const taskInfo = (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    if (req.headers['x-client-id'] !== clientId) return reply(res, 401, { code: 401, msg: 'unknown x-client-id' });
    const signature = req.headers.authorization;
    const stamp = req.headers.timestamp;
    if (!signature || typeof stamp !== 'string' || !/^\d{1,16}$/.test(stamp)) return reply(res, 401, { code: 401, msg: 'unsigned' });
    const timestamp = Number(stamp);
    if (!(Math.abs(timestamp - Date.now()) <= toleranceMs)) return reply(res, 401, { code: 401, msg: 'out of window' });
    let text: string;
    let canonical: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      canonical = text === '' ? '' : canonicalJson(text, { dialect: 'java' });
    } catch {
      return reply(res, 400, { code: 400, msg: 'bad body' });
    }
    const tag = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(signature)
      ? Buffer.from(signature, 'base64')
      : undefined;
    const expected = createHmac('sha256', key).update(`${clientId}${canonical}${timestamp}`, 'utf8').digest();
    if (tag === undefined || tag.length !== expected.length || !timingSafeEqual(tag, expected)) {
      return reply(res, 401, { code: 401, msg: 'signature mismatch' });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return reply(res, 400, { code: 400, msg: 'invalid request' });
    }
    if (!validateTaskInfo(body)) return reply(res, 400, { code: 400, msg: 'invalid request', details: validateTaskInfo.errors });
    const task = tasks.get((body as { task_id: string }).task_id);
    if (task === undefined) return reply(res, 404, { code: 404, msg: 'task not found' });
    return reply(res, 200, {
      app_id: clientId,
      task_id: task.id,
      status: '1',
      progress_bar: '100',
      thumb_url: fileUrl('vidau', `${task.id}.jpg`),
      video_url: fileUrl('vidau', `${task.id}.mp4`),
    });
  };

  const server = createServer((req, res) => {
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    const match = routes.exec(query < 0 ? target : target.slice(0, query));
    if (match === null) return reply(res, 404, { error: 'Not Found' });
    if (match[1] === undefined && match[2] === undefined) {
      if (req.method !== 'POST') return reply(res, 405, { code: 405, msg: 'Method Not Allowed' });
      const chunks: Buffer[] = [];
      let length = 0;
      req.on('data', (chunk: Buffer) => {
        length += chunk.byteLength;
        if (length <= maxBodyBytes) chunks.push(chunk);
      });
      req.on('end', () => {
        if (length > maxBodyBytes) return reply(res, 413, { code: 413, msg: 'too large' });
        taskInfo(req, res, Buffer.concat(chunks, length));
      });
      return;
    }
    if (req.method !== 'GET') return reply(res, 405, { detail: 'Method Not Allowed' });
    if (req.headers['x-api-key'] !== apiKey) return reply(res, 401, { detail: 'API key or token is missing or invalid' });
    if (match[1] !== undefined) {
      const operation = operations.get(decodeURIComponent(match[1]));
      if (operation === undefined) return reply(res, 404, { detail: 'Operation not found' });
      const images = operation.images
        .filter((id) => generated.has(id))
        .map((id) => ({ id, owner_type: 'user', url: fileUrl('aiuta', id), image_url: fileUrl('aiuta', id), expires_at: null }));
      return reply(res, 200, { id: operation.id, error: null, generated_images: images, status: 'SUCCESS' });
    }
    const id = decodeURIComponent(match[2] ?? '');
    const upload = uploads.get(id);
    if (upload === undefined) return reply(res, 404, { detail: 'Image not found' });
    return reply(res, 200, { id, owner_type: 'user', url: fileUrl('aiuta', id), expires_at: upload.expiresAt });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return { port };
}
