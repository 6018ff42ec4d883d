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
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { MOCK_CREDENTIALS } from '@signet/mock-server';
import { AIUTA_PREFIX, type ChildMessage, type Seed, serveBaseline, serveMock, VIDAU_PREFIX } from './mock-speed-servers.js';

const ROUNDS = Number(process.env.MOCK_SPEED_ROUNDS ?? 5);
const SECONDS = Number(process.env.MOCK_SPEED_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.MOCK_SPEED_CONNECTIONS ?? 10);
const ONLY = process.env.MOCK_SPEED_ONLY;
const PROFILE_DIR = process.env.MOCK_SPEED_PROF;

// autocannon is the root's devDependency, and ships no types.
const requireHere = createRequire(import.meta.url);

type ServerName = 'mock' | 'baseline';
type WorkloadName = 'vidau' | 'aiuta';

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
