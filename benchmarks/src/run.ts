/**
 * `pnpm bench`: every candidate measured side by side in one run, interleaved,
 * repeated in rounds, reported as the median of each round's ratio, since the
 * machine is noisy and only ratios measured together mean anything.
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { type CanonicalJsonObject, canonicalJson, vidauHeaders } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { startMockServer } from '@signet/mock-server';
import { createVidauClient } from '@signet/vidau';
import canonicalize from 'canonicalize';
import { build } from 'esbuild';
import fastStableStringify from 'fast-json-stable-stringify';
import safeStableStringify from 'safe-stable-stringify';
import { largeBody, smallBody } from './bodies.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 250);
const here = dirname(fileURLToPath(import.meta.url));
const clientId = 'client-1';
const authKey = 'bench-auth-key';
const timestamp = 1723515690000;

const hmac = (message: string) => createHmac('sha256', authKey).update(message, 'utf8').digest('base64');
const signString = (body: string) => hmac(`${clientId}${body}${timestamp}`);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Runs `task` n times, awaiting only tasks that return promises, so sync ones pay no microtask per call. */
async function repeat(task: () => unknown, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const result = task();
    if (result instanceof Promise) await result;
  }
}

/**
 * ops/s of each task, per round. Within a round the tasks take turns in short
 * batches (A B C A B C …), so a noisy moment on the machine falls on all of them
 * alike and their ratios stay meaningful.
 */
async function measure(tasks: Record<string, () => unknown>): Promise<Record<string, number[]>> {
  const entries = Object.entries(tasks);
  const samples: Record<string, number[]> = Object.fromEntries(entries.map(([name]) => [name, []]));
  // Warm every task up first, so that none is calibrated or timed while the JIT is still at work.
  for (let turn = 0; turn < 3; turn++) {
    for (const [, task] of entries) {
      const until = performance.now() + 50;
      while (performance.now() < until) await repeat(task, 16);
    }
  }
  // Calibrate: enough iterations per batch to take about a millisecond.
  const perBatch = new Map<string, number>();
  for (const [name, task] of entries) {
    let n = 1;
    for (;;) {
      const start = performance.now();
      await repeat(task, n);
      if (performance.now() - start >= 1 || n >= 1 << 16) break;
      n *= 2;
    }
    perBatch.set(name, n);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const elapsed = new Map(entries.map(([name]) => [name, 0]));
    const runs = new Map(entries.map(([name]) => [name, 0]));
    const deadline = performance.now() + TIME_MS * entries.length;
    for (let turn = 0; performance.now() < deadline; turn++) {
      for (let k = 0; k < entries.length; k++) {
        const [name, task] = entries[(turn + k) % entries.length] as [string, () => unknown];
        const n = perBatch.get(name) ?? 1;
        const start = performance.now();
        await repeat(task, n);
        elapsed.set(name, (elapsed.get(name) ?? 0) + performance.now() - start);
        runs.set(name, (runs.get(name) ?? 0) + n);
      }
    }
    for (const [name] of entries) samples[name]?.push(((runs.get(name) ?? 0) / (elapsed.get(name) ?? 1)) * 1000);
  }
  return samples;
}

function pythonReference(body: unknown): number[] {
  return Array.from({ length: ROUNDS }, () =>
    Number(
      execFileSync('python3', [join(here, 'python-reference.py'), String((TIME_MS * 2) / 1000)], {
        input: JSON.stringify(body),
        encoding: 'utf8',
      }),
    ),
  );
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

function table(title: string, samples: Record<string, number[]>, baseline: string): string {
  const rows = Object.entries(samples).map(([name, values]) => {
    const ratio = median(values.map((v, i) => v / (samples[baseline]?.[i] ?? Number.NaN)));
    return `| ${name} | ${fmt(median(values))} | ${ratio.toFixed(2)}× |`;
  });
  return [`### ${title}`, '', `| candidate | ops/s (median of ${ROUNDS}) | vs ${baseline} |`, '| --- | ---: | ---: |', ...rows, ''].join(
    '\n',
  );
}

async function signing(label: string, body: CanonicalJsonObject): Promise<string> {
  const bytes = Buffer.byteLength(JSON.stringify(body));
  const floor = 'JSON.stringify + createHmac (unsorted floor)';
  const tasks: Record<string, () => unknown> = {
    'signet java: canonicalJson + signVidauSync': () => signVidauSync({ clientId, authKey, body: canonicalJson(body), timestamp }),
    'signet python: canonicalJson + signVidauSync': () =>
      signVidauSync({ clientId, authKey, body: canonicalJson(body, { dialect: 'python' }), timestamp }),
    'safe-stable-stringify + createHmac': () => signString(safeStableStringify(body) ?? ''),
    'fast-json-stable-stringify + createHmac': () => signString(fastStableStringify(body)),
    'canonicalize + createHmac': () => signString(canonicalize(body) ?? ''),
    [floor]: () => signString(JSON.stringify(body)),
  };
  const python = 'Python reference (vendor sample, in-process loop)';
  const samples: Record<string, number[]> = { ...(await measure(tasks)), [python]: pythonReference(body) };
  const vsPython = median(
    (samples['signet java: canonicalJson + signVidauSync'] ?? []).map((v, i) => v / (samples[python]?.[i] ?? Number.NaN)),
  );
  const canonicalOnly = await measure({
    'signet canonicalJson (java)': () => canonicalJson(body),
    'safe-stable-stringify': () => safeStableStringify(body),
    'JSON.stringify (unsorted)': () => JSON.stringify(body),
  });
  return [
    table(`Canonicalize + sign, ${label} (${bytes} bytes)`, samples, floor),
    table(`Canonicalization alone, ${label}`, canonicalOnly, 'safe-stable-stringify'),
    `signet java vs the Python reference: ${vsPython.toFixed(2)}×\n`,
  ].join('\n');
}

async function clientOverhead(): Promise<string> {
  const mock = await startMockServer();
  try {
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.vidauBaseUrl });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.aiutaBaseUrl });
    const task = await vidau.createAvatarVideo({
      webhook_url: 'https://example.com/hook',
      params: { voice_id: 'v', avatar_id: 1, text: 'hi', language: 'English' },
    });
    const taskId = task.task_id ?? '';
    const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: 'model_woman_00', sku_id: 'sku-1' });
    const body = canonicalJson({ task_id: taskId });
    const rawVidau = async () => {
      const headers = await vidauHeaders({ ...mock.credentials.vidau, body, timestamp: Date.now() });
      return (
        await fetch(`${mock.vidauBaseUrl}/v1.0/task/info`, {
          method: 'POST',
          body,
          headers: { ...headers, 'content-type': 'application/json' },
        })
      ).json();
    };
    const rawAiuta = async () =>
      (
        await fetch(`${mock.aiutaBaseUrl}/sku_images_operations/${operation_id}`, {
          headers: { 'x-api-key': mock.credentials.aiuta.apiKey },
        })
      ).json();
    const vidauSamples = await measure({
      'raw fetch, signed by hand with vidauHeaders': rawVidau,
      'createVidauClient().getTaskInfo': () => vidau.getTaskInfo(taskId),
    });
    const aiutaSamples = await measure({
      'raw fetch with X-API-Key': rawAiuta,
      'createAiutaClient().getOperation': () => aiuta.getOperation(operation_id),
    });
    return [
      table(
        'Client overhead, VidAU task info against the local mock server (loopback)',
        vidauSamples,
        'raw fetch, signed by hand with vidauHeaders',
      ),
      table('Client overhead, Aiuta get operation against the local mock server (loopback)', aiutaSamples, 'raw fetch with X-API-Key'),
    ].join('\n');
  } finally {
    await mock.close();
  }
}

async function bundleSizes(): Promise<string> {
  const entries: Record<string, string> = {
    '@signet/vidau: createVidauClient': "import { createVidauClient } from '@signet/vidau'; globalThis.c = createVidauClient;",
    '@signet/aiuta: createAiutaClient + apiKeyAuth':
      "import { createAiutaClient, apiKeyAuth } from '@signet/aiuta'; globalThis.c = [createAiutaClient, apiKeyAuth];",
    '@signet/aiuta: createAiutaClient + bearerAuth':
      "import { createAiutaClient, bearerAuth } from '@signet/aiuta'; globalThis.c = [createAiutaClient, bearerAuth];",
    '@signet/auth: signVidauRequest (browser)': "import { signVidauRequest } from '@signet/auth'; globalThis.c = signVidauRequest;",
  };
  const rows: string[] = [];
  for (const [name, contents] of Object.entries(entries)) {
    const result = await build({
      stdin: { contents, resolveDir: here, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      external: ['node:*'],
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const gz = gzipSync(code, { level: 9 }).byteLength;
    rows.push(`| ${name} | ${(code.byteLength / 1024).toFixed(1)} kB | ${(gz / 1024).toFixed(1)} kB | ${gz <= 8 * 1024 ? 'yes' : 'no'} |`);
  }
  return [
    '### Bundle size (esbuild, minified, browser)',
    '',
    '| entry | min | min+gz | ≤ 8 kB |',
    '| --- | ---: | ---: | --- |',
    ...rows,
    '',
  ].join('\n');
}

const sections = [
  `## Results (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${ROUNDS} rounds, candidates interleaved, ${TIME_MS} ms each per round)`,
  '',
  await signing('206-byte VidAU body', smallBody),
  await signing('~40 KB body', largeBody()),
  await clientOverhead(),
  await bundleSizes(),
];
process.stdout.write(`${sections.join('\n')}\n`);
