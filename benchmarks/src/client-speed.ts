/**
 * What a signet client costs over a raw `fetch` to the same server, side by side in one run:
 * (a) a hand-signed raw `fetch` POST vs `createVidauClient().getTaskInfo`, (b) a raw GET vs
 * `createAiutaClient().getOperation`; each raw call also with the timeout signal every client try
 * carries, the least a raw call pays for a deadline that can stop a request whose headers never come. The server is a small node:http one on 127.0.0.1 (keep-alive)
 * in a child process, so this process's CPU time is the client's alone; it checks every VidAU
 * signature against the bytes it received (401 otherwise) and answers a small JSON body.
 *
 * Each set is measured in rounds; within a round the candidates take turns in short batches
 * (A B C, C B A, …) until each has run for CLIENT_SPEED_MS of wall time, so that a busy moment on
 * the machine falls on all of them. Reported: the median, and the range over rounds, of the
 * per-round ratio of calls per second (client / raw) by wall time, and the same by this process's
 * CPU time per call.
 *
 * `node --import tsx benchmarks/src/client-speed.ts` (after `pnpm build`); CLIENT_SPEED_ROUNDS
 * (default 9) and CLIENT_SPEED_MS (default 2000) bound it to about two minutes, and
 * CLIENT_SPEED_ONLY=vidau or =aiuta measures one set.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { canonicalJson, vidauHeaders } from '@signet/auth';
import { createVidauClient } from '@signet/vidau';
import { withTimeout } from './with-timeout.js';

const ROUNDS = Number(process.env.CLIENT_SPEED_ROUNDS ?? 9);
/** Wall time each candidate gets per round. */
const TIME_MS = Number(process.env.CLIENT_SPEED_MS ?? 2000);
/** `vidau` or `aiuta` to measure one pair only. */
const ONLY = process.env.CLIENT_SPEED_ONLY;
/** Calls per turn. */
const BATCH = 25;
const clientId = 'bench-client';
const authKey = 'bench-auth-key';
const apiKey = 'bench-api-key';
const taskId = 'task-0123456789';
const operationId = 'operation-0123456789';

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
// The measurement.

type Call = () => Promise<unknown>;

interface Sample {
  /** Calls per second, by wall time. */
  readonly wall: number;
  /** Microseconds of this process's CPU per call. */
  readonly cpuUs: number;
}

const cpuUs = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

async function batch(call: Call, n: number): Promise<{ wallMs: number; cpuUs: number }> {
  const cpu = cpuUs();
  const start = performance.now();
  for (let i = 0; i < n; i++) await call();
  return { wallMs: performance.now() - start, cpuUs: cpuUs() - cpu };
}

/** Rounds of the candidates taking turns (A B C, then C B A, …) for TIME_MS each. */
async function measure(calls: readonly Call[]): Promise<Sample[][]> {
  // Warm up every candidate (JIT, connection pool).
  const warmUntil = performance.now() + Math.min(3000, TIME_MS);
  while (performance.now() < warmUntil) for (const call of calls) await batch(call, BATCH);
  const samples = calls.map(() => [] as Sample[]);
  const order = calls.map((_, i) => i);
  for (let round = 0; round < ROUNDS; round++) {
    const total = calls.map(() => ({ wallMs: 0, cpuUs: 0, n: 0 }));
    for (let turn = 0; total.some((t) => t.wallMs < TIME_MS); turn++) {
      for (const i of turn % 2 === 0 ? order : [...order].reverse()) {
        const timing = await batch(calls[i] as Call, BATCH);
        const t = total[i] as { wallMs: number; cpuUs: number; n: number };
        t.wallMs += timing.wallMs;
        t.cpuUs += timing.cpuUs;
        t.n += BATCH;
      }
    }
    for (const [i, t] of total.entries()) samples[i]?.push({ wall: (t.n / t.wallMs) * 1000, cpuUs: t.cpuUs / t.n });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return samples;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const spread = (values: readonly number[]) =>
  `${median(values).toFixed(2)}× (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;

interface Candidate {
  readonly name: string;
  readonly samples: readonly Sample[];
}

/** `client` against each baseline, round by round. */
function report(title: string, baselines: readonly Candidate[], client: Candidate): string {
  const row = ({ name, samples }: Candidate) =>
    `| ${name} | ${Math.round(median(samples.map((s) => s.wall)))} | ${median(samples.map((s) => s.cpuUs)).toFixed(0)} |`;
  const against = (baseline: Candidate) => {
    const raw = baseline.samples;
    const wallRatio = client.samples.map((sample, i) => sample.wall / (raw[i]?.wall ?? Number.NaN));
    // CPU per call: raw / client, so that 1× means no overhead and less means slower, like the wall ratio.
    const cpuRatio = client.samples.map((sample, i) => (raw[i]?.cpuUs ?? Number.NaN) / sample.cpuUs);
    const overheadUs = client.samples.map((sample, i) => sample.cpuUs - (raw[i]?.cpuUs ?? Number.NaN));
    return [
      `- client vs ${baseline.name}, calls/s by wall time: **${spread(wallRatio)}** (median, range of ${ROUNDS} rounds)`,
      `  - by this process's CPU per call: ${spread(cpuRatio)}; client overhead ${median(overheadUs).toFixed(0)} µs/call (${Math.min(...overheadUs).toFixed(0)}–${Math.max(...overheadUs).toFixed(0)})`,
    ].join('\n');
  };
  return [
    `### ${title}`,
    '',
    "| candidate | calls/s, wall (median) | this process's CPU µs/call (median) |",
    '| --- | ---: | ---: |',
    ...baselines.map(row),
    row(client),
    '',
    ...baselines.map(against),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const load = loadavg()[0]?.toFixed(1);
  const { port, child } = await startServer();
  try {
    const origin = `http://127.0.0.1:${port}`;
    const vidau = createVidauClient({ clientId, authKey, baseUrl: `${origin}/openapi` });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(apiKey), baseUrl: `${origin}/digital-try-on/v1` });

    const sendVidau = async (signal?: AbortSignal) => {
      const body = canonicalJson({ task_id: taskId });
      const headers = await vidauHeaders({ clientId, authKey, body, timestamp: Date.now() });
      const response = await fetch(`${origin}/openapi/v1.0/task/info`, {
        method: 'POST',
        body,
        headers: { ...headers, 'content-type': 'application/json' },
        ...(signal && { signal }),
      });
      if (!response.ok) throw new Error(`raw VidAU call answered ${response.status}`);
      return response.json();
    };
    const sendAiuta = async (signal?: AbortSignal) => {
      const response = await fetch(`${origin}/digital-try-on/v1/sku_images_operations/${operationId}`, {
        headers: { 'x-api-key': apiKey },
        ...(signal && { signal }),
      });
      if (!response.ok) throw new Error(`raw Aiuta call answered ${response.status}`);
      return response.json();
    };
    const rawVidau = () => sendVidau();
    const rawVidauTimed = withTimeout(sendVidau);
    const rawAiuta = () => sendAiuta();
    const rawAiutaTimed = withTimeout(sendAiuta);
    const clientVidau = () => vidau.getTaskInfo(taskId);
    const clientAiuta = () => aiuta.getOperation(operationId);
    // Each answers what the server sent, so each sends what the server checks.
    for (const call of [rawVidau, rawVidauTimed, clientVidau, rawAiuta, rawAiutaTimed, clientAiuta]) {
      const answer = (await call()) as { task_id?: string; id?: string };
      if (answer.task_id !== taskId && answer.id !== operationId) throw new Error('unexpected answer');
    }

    const vidauSamples = ONLY === 'aiuta' ? undefined : await measure([rawVidau, rawVidauTimed, clientVidau]);
    const aiutaSamples = ONLY === 'vidau' ? undefined : await measure([rawAiuta, rawAiutaTimed, clientAiuta]);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const timedNote = 'with a timeout signal (AbortController + setTimeout, cleared after the body)';
    const section = (title: string, rawName: string, clientName: string, [raw, timed, client]: Sample[][]) =>
      report(
        title,
        [
          { name: rawName, samples: raw ?? [] },
          { name: `${rawName} ${timedNote}`, samples: timed ?? [] },
        ],
        { name: clientName, samples: client ?? [] },
      );
    process.stdout.write(
      [
        `## Client overhead over raw fetch (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length}× ${cpus()[0]?.model ?? 'CPU'}, ${ROUNDS} rounds of ${TIME_MS} ms per candidate, load average ${load} at start, ${seconds} s)`,
        '',
        vidauSamples &&
          section(
            'VidAU task info: hand-signed raw fetch POST vs createVidauClient().getTaskInfo',
            'raw fetch POST, canonicalJson + vidauHeaders',
            'createVidauClient().getTaskInfo',
            vidauSamples,
          ),
        aiutaSamples &&
          section(
            'Aiuta operation: raw fetch GET vs createAiutaClient().getOperation',
            'raw fetch GET with x-api-key',
            'createAiutaClient().getOperation',
            aiutaSamples,
          ),
      ]
        .filter((text) => text !== undefined)
        .join('\n'),
    );
  } finally {
    child.stdin?.end();
  }
}

if (process.argv[2] === 'serve') serve();
else await main();
