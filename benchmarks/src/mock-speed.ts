/**
 * The mock server's speed against a minimal node:http server doing the same work, measured with
 * autocannon on 127.0.0.1, side by side in one run:
 *
 *   pnpm exec turbo run build --output-logs=errors-only && pnpm --filter @signet/benchmarks exec tsx src/mock-speed.ts
 *
 * Workloads: (a) signed VidAU getTaskInfo POSTs, (b) Aiuta reads (GET an operation, GET an uploaded
 * image, alternately). The baseline does what the mock must for them and nothing else: one compiled
 * route pattern, the same body validation (ajv, compiled once, against the same schema of the same
 * spec), the same checks of `x-client-id` and the timestamp window, the same canonical JSON, and
 * the HMAC-SHA256 check through node:crypto with a cached `KeyObject` and `timingSafeEqual`; the
 * Aiuta reads check the API key, look the record up and serialize the same JSON.
 *
 * Before measuring, both must answer every request of both workloads with the same status and
 * body (file URLs aside), or the run stops: otherwise they would not be doing the same work.
 *
 * Each server runs in its own child process (the load generator gets the other core), and only one
 * is under load at a time. Rounds interleave them (mock then baseline, then the other way round);
 * a ratio is the median of the per-round ratios of req/s, with its range. Each server's own CPU
 * time per answered request (user + system, read over IPC) is reported too: other load on a shared
 * machine moves it far less than req/s.
 *
 * Environment: MOCK_SPEED_ROUNDS (5), MOCK_SPEED_SECONDS (3), MOCK_SPEED_CONNECTIONS (10),
 * MOCK_SPEED_ONLY (`vidau` or `aiuta`), MOCK_SPEED_PROF (a directory: the servers run under
 * `--cpu-prof` and write their profiles there), MOCK_SPEED_MOCK (the entry module of another build
 * of @signet/mock-server to serve instead, e.g. an older one for a before/after comparison).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { canonicalJson } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { MOCK_CREDENTIALS, specs, startMockServer } from '@signet/mock-server';

const ROUNDS = Number(process.env.MOCK_SPEED_ROUNDS ?? 5);
const SECONDS = Number(process.env.MOCK_SPEED_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.MOCK_SPEED_CONNECTIONS ?? 10);
const ONLY = process.env.MOCK_SPEED_ONLY;
const PROFILE_DIR = process.env.MOCK_SPEED_PROF;
const MOCK_SPEED_MOCK = process.env.MOCK_SPEED_MOCK;

// autocannon is the root's devDependency and ajv the mock's dependency; neither ships types.
const requireHere = createRequire(import.meta.url);
const requireFromMock = createRequire(fileURLToPath(import.meta.resolve('@signet/mock-server')));

type ServerName = 'mock' | 'baseline';
type WorkloadName = 'vidau' | 'aiuta';

/** What the mock child created, for the baseline to hold too: the same ids make the same requests. */
interface Seed {
  readonly taskId: string;
  readonly operationId: string;
  readonly imageId: string;
  readonly imageExpiresAt: string;
  readonly generatedImageIds: readonly string[];
}

type ChildMessage = { readonly port: number; readonly seed?: Seed };

const AIUTA_PREFIX = '/digital-try-on/v1';
const VIDAU_PREFIX = '/openapi';
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, retry-after, retry-after-ms, x-request-id',
};

// ---- the servers (child processes) ----

async function serveMock(): Promise<ChildMessage> {
  // Another build of the mock (e.g. an older one, for a before/after run) when MOCK_SPEED_MOCK names its entry module.
  const start =
    MOCK_SPEED_MOCK === undefined
      ? startMockServer
      : ((await import(pathToFileURL(resolve(MOCK_SPEED_MOCK)).href)) as { startMockServer: typeof startMockServer }).startMockServer;
  const mock = await start({ tryOn: { queuedMs: 1, runningMs: 1 }, video: { renderMs: 1 } });
  const { aiuta, vidau } = mock.credentials;
  const upload = new FormData();
  upload.set('image_data', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'p.png', { type: 'image/png' }));
  const image = (await (
    await fetch(`${mock.aiutaBaseUrl}/uploaded_images`, { method: 'POST', headers: { 'x-api-key': aiuta.apiKey }, body: upload })
  ).json()) as { id: string; expires_at: string };
  const started = (await (
    await fetch(`${mock.aiutaBaseUrl}/sku_images_operations`, {
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
    await fetch(`${mock.vidauBaseUrl}/v1.0/avatar/video/create`, {
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
    await fetch(`${mock.aiutaBaseUrl}/sku_images_operations/${started.operation_id}`, { headers: { 'x-api-key': aiuta.apiKey } })
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

async function serveBaseline(seed: Seed): Promise<ChildMessage> {
  const { Ajv2020 } = requireFromMock('ajv/dist/2020.js') as { Ajv2020: new (options: object) => AjvLike };
  const addFormats = requireFromMock('ajv-formats') as { default: (ajv: AjvLike) => AjvLike };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ ...specs.vidau, $id: 'spec:vidau' });
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

// ---- the load generator (this process) ----

interface AutocannonRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}
interface AutocannonResult {
  readonly requests: { readonly total: number; readonly average: number };
  readonly duration: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: readonly AutocannonRequest[];
}) => Promise<AutocannonResult>;

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  readonly seed?: Seed;
}

function startChild(role: ServerName, seed?: Seed): Promise<Child> {
  const execArgv = [...process.execArgv];
  if (PROFILE_DIR !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}/${role}`);
  const child = fork(fileURLToPath(import.meta.url), ['serve', role], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  if (seed !== undefined) child.send(seed);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ${role} server exited (${code}) before it listened`)));
    child.once('message', (message) => {
      const { port, seed: made } = message as ChildMessage;
      resolve({ process: child, url: `http://127.0.0.1:${port}`, ...(made && { seed: made }) });
    });
  });
}

/** The server process's CPU time so far, in µs (user + system). */
function cpuOf(child: Child): Promise<number> {
  return new Promise((resolve) => {
    child.process.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    child.process.send('cpu');
  });
}

function stopChild(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.send('stop');
  });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const out = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const autocannon = requireHere('autocannon') as Autocannon;
  const mock = await startChild('mock');
  const seed = mock.seed;
  if (seed === undefined) throw new Error('the mock sent no seed');
  const baseline = await startChild('baseline', seed);
  const servers: Record<ServerName, Child> = { mock, baseline };

  const { clientId, authKey } = MOCK_CREDENTIALS.vidau;
  const apiKey = MOCK_CREDENTIALS.aiuta.apiKey;
  const infoBody = canonicalJson({ task_id: seed.taskId });
  /** Signed once per round (the mock keeps no replay guard; the window is 5 minutes). */
  const workloads: Record<WorkloadName, () => AutocannonRequest[]> = {
    vidau: () => {
      const timestamp = Date.now();
      const headers = {
        'content-type': 'application/json',
        'x-client-id': clientId,
        timestamp: String(timestamp),
        authorization: signVidauSync({ clientId, authKey, body: infoBody, timestamp }),
      };
      return [{ method: 'POST', path: `${VIDAU_PREFIX}/v1.0/task/info`, headers, body: infoBody }];
    },
    aiuta: () => [
      { method: 'GET', path: `${AIUTA_PREFIX}/sku_images_operations/${seed.operationId}`, headers: { 'x-api-key': apiKey } },
      { method: 'GET', path: `${AIUTA_PREFIX}/uploaded_images/${seed.imageId}`, headers: { 'x-api-key': apiKey } },
    ],
  };
  const names = (Object.keys(workloads) as WorkloadName[]).filter((name) => ONLY === undefined || name === ONLY);

  const run = async (server: ServerName, workload: WorkloadName, seconds: number) => {
    const cpuBefore = await cpuOf(servers[server]);
    const result = await autocannon({
      url: servers[server].url,
      connections: CONNECTIONS,
      duration: seconds,
      requests: workloads[workload](),
    });
    if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || result.requests.total === 0) {
      throw new Error(`${workload} on ${server}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    }
    const cpuMicros = (await cpuOf(servers[server])) - cpuBefore;
    return { rate: result.requests.total / seconds, cpuPerRequest: cpuMicros / result.requests.total };
  };

  // Both must give the same answers (but for the port in file URLs), or they are not doing the same work.
  for (const workload of names) {
    for (const request of workloads[workload]()) {
      const bodies = await Promise.all(
        (['mock', 'baseline'] as const).map(async (server) => {
          const init: RequestInit = {
            method: request.method,
            ...(request.headers && { headers: request.headers }),
            ...(request.body && { body: request.body }),
          };
          const response = await fetch(`${servers[server].url}${request.path}`, init);
          return `${response.status} ${(await response.text()).replaceAll(servers[server].url, 'ORIGIN')}`;
        }),
      );
      if (bodies[0] !== bodies[1])
        throw new Error(`${workload} ${request.path}: the mock answered ${bodies[0]}, the baseline ${bodies[1]}`);
    }
  }

  out(`mock-speed: ${ROUNDS} rounds × ${SECONDS} s × 2 servers × ${names.length} workloads, ${CONNECTIONS} connections, 127.0.0.1`);
  out(
    `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const workload of names) for (const server of ['mock', 'baseline'] as const) await run(server, workload, 1); // warm-up

  type Sample = { rate: number; cpuPerRequest: number };
  const samples: Record<WorkloadName, Record<ServerName, Sample[]>> = {
    vidau: { mock: [], baseline: [] },
    aiuta: { mock: [], baseline: [] },
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const workload of names) {
      const order: ServerName[] = round % 2 === 0 ? ['mock', 'baseline'] : ['baseline', 'mock'];
      for (const server of order) samples[workload][server].push(await run(server, workload, SECONDS));
    }
  }
  await Promise.all([stopChild(mock), stopChild(baseline)]);

  const titles: Record<WorkloadName, string> = {
    vidau: '(a) signed VidAU getTaskInfo POSTs',
    aiuta: '(b) Aiuta GET operation / uploaded image',
  };
  const range = (values: readonly number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  out();
  out(
    '| workload | mock req/s | baseline req/s | mock ÷ baseline req/s | range | server CPU µs/req, mock / baseline | baseline ÷ mock CPU/req | range |',
  );
  out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const workload of names) {
    const { mock: m, baseline: b } = samples[workload];
    const rateRatios = m.map((s, i) => s.rate / (b[i]?.rate ?? Number.NaN));
    const cpuRatios = m.map((s, i) => (b[i]?.cpuPerRequest ?? Number.NaN) / s.cpuPerRequest);
    const mCpu = median(m.map((s) => s.cpuPerRequest));
    const bCpu = median(b.map((s) => s.cpuPerRequest));
    out(
      `| ${titles[workload]} | ${int(median(m.map((s) => s.rate)))} | ${int(median(b.map((s) => s.rate)))} | ${median(rateRatios).toFixed(2)}× | ${range(rateRatios)} | ${mCpu.toFixed(0)} / ${bCpu.toFixed(0)} | ${median(cpuRatios).toFixed(2)}× | ${range(cpuRatios)} |`,
    );
  }
  out();
  out("req/s, medians of rounds; ratios are medians of the per-round ratios. CPU µs/req is the server process's own");
  out('user + system time per answered request, which other load on the machine disturbs far less than req/s.');
  for (const workload of names) {
    const { mock: m, baseline: b } = samples[workload];
    out(`${workload} req/s per round: mock ${m.map((s) => int(s.rate)).join(', ')}; baseline ${b.map((s) => int(s.rate)).join(', ')}`);
  }
}

async function serve(role: ServerName): Promise<void> {
  const stop = () => process.exit(0);
  process.on('disconnect', stop);
  let message: ChildMessage;
  if (role === 'mock') message = await serveMock();
  else {
    const seed = await new Promise<Seed>((resolve) => process.once('message', (m) => resolve(m as Seed)));
    message = await serveBaseline(seed);
  }
  process.on('message', (m) => {
    if (m === 'stop') stop();
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
  process.send?.(message);
}

if (process.argv[2] === 'serve') await serve(process.argv[3] as ServerName);
else await main();
