/**
 * What a signet client costs, side by side in one run, against the other ways to make the same
 * call: (a) `createVidauClient().getTaskInfo`, (b) `createAiutaClient().getOperation`, each against
 * a raw `fetch` (as it is, and with the timeout signal every client try carries, the least a raw
 * call pays for a deadline that can stop a request whose headers never come), bare openapi-fetch
 * (`createClient` with the signing or the API key header done by hand in an `onRequest`
 * middleware, no deadline), and openai-node's generic `client.post`/`client.get` (its own retries,
 * 2, and timeout, 60 s, as ours). The server is a small node:http one on 127.0.0.1 (keep-alive) in
 * a child process, so this process's CPU time is the callers' alone; it checks every VidAU
 * signature against the bytes it received (401 otherwise) and answers a small JSON body.
 *
 * Measured as `side-by-side.ts` describes. `node --import tsx benchmarks/src/client-speed.ts`
 * (after `pnpm build`); CLIENT_SPEED_ROUNDS (default 9) and CLIENT_SPEED_MS (default 2000) bound
 * it to about four minutes, and CLIENT_SPEED_ONLY=vidau or =aiuta measures one set.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type AiutaPaths, apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { canonicalJson, vidauHeaders } from '@signet/auth';
import { createVidauClient, type VidauPaths } from '@signet/vidau';
import OpenAI from 'openai';
import createClient from 'openapi-fetch';
import { type Call, type Candidate, measure, report } from './side-by-side.js';
import { withTimeout } from './with-timeout.js';

const ROUNDS = Number(process.env.CLIENT_SPEED_ROUNDS ?? 9);
/** Wall time each candidate gets per round. */
const TIME_MS = Number(process.env.CLIENT_SPEED_MS ?? 2000);
/** `vidau` or `aiuta` to measure one set only. */
const ONLY = process.env.CLIENT_SPEED_ONLY;
const clientId = 'bench-client';
const authKey = 'bench-auth-key';
const apiKey = 'bench-api-key';
const taskId = 'task-0123456789';
const operationId = 'operation-0123456789';
/** The clients' defaults, given to openai-node too. */
const MAX_RETRIES = 2;
const TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// The server (child process): `client-speed.ts serve` prints its port and answers until stdin closes.

const TASK_INFO = JSON.stringify({ task_id: taskId, status: 0, progress_bar: 42, video_url: null });
const OPERATION = JSON.stringify({ id: operationId, status: 'IN_PROGRESS', generated_images: [], error: null });

function serve(): void {
  const answer = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const server = createServer({ keepAliveTimeout: 60_000 }, (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST' && req.url === '/openapi/v1.0/task/info') {
        // The signature must cover exactly the bytes received, and those must be canonical already.
        const timestamp = req.headers.timestamp;
        const expected = createHmac('sha256', authKey).update(`${clientId}${body}${timestamp}`, 'utf8').digest('base64');
        const ok =
          req.headers['x-client-id'] === clientId &&
          req.headers.authorization === expected &&
          body === canonicalJson(body) &&
          JSON.parse(body).task_id === taskId;
        return ok ? answer(res, 200, TASK_INFO) : answer(res, 401, '{"code":401,"msg":"signature mismatch"}');
      }
      if (req.method === 'GET' && req.url === `/digital-try-on/v1/sku_images_operations/${operationId}`) {
        return req.headers['x-api-key'] === apiKey ? answer(res, 200, OPERATION) : answer(res, 401, '{"detail":"no key"}');
      }
      answer(res, 404, '{"detail":"not found"}');
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${typeof address === 'object' && address !== null ? address.port : 0}\n`);
  });
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

async function startServer(): Promise<{ port: number; child: ChildProcess }> {
  // Same loader flags (tsx), without profiling flags meant for this process.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--cpu-prof') && !flag.startsWith('--inspect'));
  const child = spawn(process.execPath, [...execArgv, fileURLToPath(import.meta.url), 'serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) return { port: Number(line), child };
  throw new Error('the benchmark server did not start');
}

// ---------------------------------------------------------------------------------------------
// The candidates: the same call made each way, every one reading the whole answer.

const TIMED = 'with a timeout signal (AbortController + setTimeout, cleared after the body)';

/** A raw fetch call that checks the status and parses the answer, with the signal a deadline would give it. */
async function rawCall(url: string, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { ...init, ...(signal && { signal }) });
  if (!response.ok) throw new Error(`raw call answered ${response.status}`);
  return response.json();
}

function vidauCandidates(origin: string): [string, Call][] {
  const signed = async () => {
    const body = canonicalJson({ task_id: taskId });
    return { body, headers: await vidauHeaders({ clientId, authKey, body, timestamp: Date.now() }) };
  };
  const sendRaw = async (signal?: AbortSignal) => {
    const { body, headers } = await signed();
    return rawCall(
      `${origin}/openapi/v1.0/task/info`,
      { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } },
      signal,
    );
  };
  const bare = createClient<VidauPaths>({ baseUrl: `${origin}/openapi`, bodySerializer: (body) => canonicalJson(body as never) });
  bare.use({
    onRequest: async ({ request }) => {
      const body = await request.clone().text();
      const headers = await vidauHeaders({ clientId, authKey, body, timestamp: Date.now() });
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    },
  });
  const openai = new OpenAI({ apiKey: 'unused', baseURL: `${origin}/openapi`, maxRetries: MAX_RETRIES, timeout: TIMEOUT_MS });
  const vidau = createVidauClient({ clientId, authKey, baseUrl: `${origin}/openapi` });
  return [
    ['raw fetch POST, canonicalJson + vidauHeaders', () => sendRaw()],
    [`raw fetch POST ${TIMED}`, withTimeout(sendRaw)],
    [
      'bare openapi-fetch, signed in onRequest',
      async () => {
        const { data, response } = await bare.POST('/v1.0/task/info', { body: { task_id: taskId } });
        if (!response.ok) throw new Error(`bare openapi-fetch call answered ${response.status}`);
        return data;
      },
    ],
    [
      'openai-node client.post, signed per call',
      async () => {
        const { headers } = await signed();
        return openai.post('/v1.0/task/info', { body: { task_id: taskId }, headers });
      },
    ],
    ['createVidauClient().getTaskInfo', () => vidau.getTaskInfo(taskId)],
  ];
}

function aiutaCandidates(origin: string): [string, Call][] {
  const baseUrl = `${origin}/digital-try-on/v1`;
  const sendRaw = (signal?: AbortSignal) =>
    rawCall(`${baseUrl}/sku_images_operations/${operationId}`, { headers: { 'x-api-key': apiKey } }, signal);
  const bare = createClient<AiutaPaths>({ baseUrl });
  bare.use({
    onRequest: ({ request }) => {
      request.headers.set('x-api-key', apiKey);
    },
  });
  const openai = new OpenAI({
    apiKey: 'unused',
    baseURL: baseUrl,
    defaultHeaders: { 'x-api-key': apiKey },
    maxRetries: MAX_RETRIES,
    timeout: TIMEOUT_MS,
  });
  const aiuta = createAiutaClient({ auth: apiKeyAuth(apiKey), baseUrl });
  return [
    ['raw fetch GET with x-api-key', () => sendRaw()],
    [`raw fetch GET ${TIMED}`, withTimeout(sendRaw)],
    [
      'bare openapi-fetch, x-api-key in onRequest',
      async () => {
        const { data, response } = await bare.GET('/sku_images_operations/{operation_id}', {
          params: { path: { operation_id: operationId } },
        });
        if (!response.ok) throw new Error(`bare openapi-fetch call answered ${response.status}`);
        return data;
      },
    ],
    ['openai-node client.get', () => openai.get(`/sku_images_operations/${operationId}`)],
    ['createAiutaClient().getOperation', () => aiuta.getOperation(operationId)],
  ];
}

/** Measures one set; the last candidate is the signet client, compared with every other. */
async function section(title: string, candidates: readonly [string, Call][]): Promise<string> {
  // Each answers what the server sent, so each sends what the server checks.
  for (const [name, call] of candidates) {
    const answer = (await call()) as { task_id?: string; id?: string };
    if (answer.task_id !== taskId && answer.id !== operationId) throw new Error(`${name}: unexpected answer`);
  }
  const samples = await measure(
    candidates.map(([, call]) => call),
    ROUNDS,
    TIME_MS,
  );
  const measured: Candidate[] = candidates.map(([name], i) => ({ name, samples: samples[i] ?? [] }));
  const client = measured.at(-1) as Candidate;
  return report(title, measured, client, measured.slice(0, -1));
}

async function main(): Promise<void> {
  const started = performance.now();
  const load = loadavg()[0]?.toFixed(1);
  const { port, child } = await startServer();
  try {
    const origin = `http://127.0.0.1:${port}`;
    const sections: string[] = [];
    if (ONLY !== 'aiuta') sections.push(await section('VidAU task info (signed POST)', vidauCandidates(origin)));
    if (ONLY !== 'vidau') sections.push(await section('Aiuta operation (GET with an API key)', aiutaCandidates(origin)));
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stdout.write(
      [
        `## Clients side by side (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length}× ${cpus()[0]?.model ?? 'CPU'}, ${ROUNDS} rounds of ${TIME_MS} ms per candidate, load average ${load} at start, ${seconds} s)`,
        '',
        ...sections,
      ].join('\n'),
    );
  } finally {
    child.stdin?.end();
  }
}

if (process.argv[2] === 'serve') serve();
else await main();
