/**
 * `pnpm bench`: canonical JSON + signing against the floor, peers and the vendors' references,
 * the clients against raw calls, and bundle sizes, every table measured side by side in one run
 * (measure.ts says how).
 */
import { createHmac } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { type CanonicalJsonObject, canonicalJson, vidauHeaders } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { python as pythonDialect } from '@signet/auth/python';
import { startMockServer } from '@signet/mock-server';
import { createVidauClient } from '@signet/vidau';
import canonicalize from 'canonicalize';
import { build } from 'esbuild';
import fastStableStringify from 'fast-json-stable-stringify';
import safeStableStringify from 'safe-stable-stringify';
import { scenesBody, smallBody } from './bodies.js';
import {
  type Candidate,
  type External,
  fmtBytes,
  fmtOps,
  fmtRatio,
  measure,
  median,
  ROUNDS,
  ratio,
  TIME_MS,
  table,
  WALL,
} from './measure.js';
import { type Reference, startJavaReference, startPythonReference } from './references.js';
import { sortedCopy } from './sorted-copy.js';
import { withTimeout } from './with-timeout.js';

/** How much CPU time the JVM spends signing each body before it is measured, so that it runs compiled code. */
const JAVA_WARMUP_MS = Number(process.env.BENCH_JAVA_WARMUP_MS ?? 2500);
const here = dirname(fileURLToPath(import.meta.url));
const clientId = 'client-1';
const authKey = 'bench-auth-key';
const timestamp = 1723515690000;

const signString = (body: string) => createHmac('sha256', authKey).update(`${clientId}${body}${timestamp}`, 'utf8').digest('base64');
const signVidau = (body: string) => signVidauSync({ clientId, authKey, body, timestamp });

const FLOOR = 'JSON.stringify + createHmac (unsorted floor)';
const SORTED = 'sorted full copy + JSON.stringify + createHmac (checks nothing)';
const JAVA_SIGNED = 'signet java: canonicalJson + signVidauSync';
const JAVA_HMAC = 'signet java: canonicalJson + createHmac';
const PYTHON_SIGNED = 'signet python: canonicalJson + signVidauSync';
const PYTHON_HMAC = 'signet python: canonicalJson + createHmac';
const PYTHON_REF = 'Python reference (vendor sample, CPython)';
const JAVA_REF = 'Java reference (vendor sample, fastjson2, warmed JVM)';

interface SizeResult {
  readonly label: string;
  readonly bytes: number;
  readonly samples: Record<string, number[]>;
}

async function check(reference: Reference | undefined, text: string, canonical: string): Promise<string> {
  if (reference === undefined) return 'not run';
  const answer = await reference.load(text);
  const same = answer.canonical.equals(Buffer.from(canonical, 'utf8')) && answer.signature === signString(canonical);
  return same ? 'same bytes and signature' : 'DIFFERENT OUTPUT';
}

async function signing(label: string, body: CanonicalJsonObject, java?: Reference, python?: Reference): Promise<SizeResult> {
  const text = JSON.stringify(body);
  const bytes = Buffer.byteLength(text);
  const checks = [
    `java dialect vs Java reference: ${await check(java, text, canonicalJson(body))}`,
    `python dialect vs Python reference: ${await check(python, text, canonicalJson(body, { dialect: pythonDialect }))}`,
  ];
  if (java !== undefined) {
    // The JVM compiles the sample's hot paths while it runs: time it only once they are compiled,
    // after it has run the sample for JAVA_WARMUP_MS of its own CPU time (however busy the machine).
    for (let spent = 0, n = 1; spent < JAVA_WARMUP_MS; ) {
      const { cpuMs } = await java.run(n);
      spent += cpuMs;
      if (cpuMs < 50) n *= 2;
    }
  }
  const candidates: Record<string, Candidate> = {
    [FLOOR]: () => signString(JSON.stringify(body)),
    [SORTED]: () => signString(JSON.stringify(sortedCopy(body))),
    [JAVA_SIGNED]: () => signVidau(canonicalJson(body)),
    [JAVA_HMAC]: () => signString(canonicalJson(body)),
    [PYTHON_SIGNED]: () => signVidau(canonicalJson(body, { dialect: pythonDialect })),
    [PYTHON_HMAC]: () => signString(canonicalJson(body, { dialect: pythonDialect })),
    'safe-stable-stringify + createHmac': () => signString(safeStableStringify(body) ?? ''),
    'fast-json-stable-stringify + createHmac': () => signString(fastStableStringify(body)),
    'canonicalize + createHmac': () => signString(canonicalize(body) ?? ''),
    ...(python === undefined ? {} : { [PYTHON_REF]: { external: (n: number) => python.run(n) } }),
    ...(java === undefined ? {} : { [JAVA_REF]: { external: (n: number) => java.run(n) } }),
  };
  const samples = await measure(candidates);
  process.stderr.write(`measured ${label}\n`);
  return { label: `${label} (${bytes.toLocaleString('en-US')} bytes; outputs: ${checks.join('; ')})`, bytes, samples };
}

/** CPython's ensure_ascii on one long string: linear, and how it compares with writing the string raw. */
async function longStrings(): Promise<string> {
  const rows: string[] = [];
  for (const length of [10_000, 100_000, 1_000_000]) {
    const body = { text: 'é'.repeat(length) };
    const samples = await measure({
      java: () => signString(canonicalJson(body)),
      python: () => signString(canonicalJson(body, { dialect: pythonDialect })),
    });
    const perChar = (name: string) => (1e9 / median(samples[name] ?? []) / length).toFixed(2);
    rows.push(
      `| ${length.toLocaleString('en-US')} | ${perChar('java')} | ${perChar('python')} | ${fmtRatio(ratio(samples, 'python', 'java'))} |`,
    );
  }
  return [
    '### One long non-ASCII string (`{"text":"éé…"}`), canonicalJson + createHmac',
    '',
    '| characters | java ns/char | python ns/char | python vs java |',
    '| ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

async function clientOverhead(): Promise<string> {
  const mock = await startMockServer();
  try {
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.baseUrls.aiuta });
    const task = await vidau.createAvatarVideo({
      webhook_url: 'https://example.com/hook',
      params: { voice_id: 'v', avatar_id: 1, text: 'hi', language: 'English' },
    });
    const taskId = task.task_id ?? '';
    const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: 'model_woman_00', sku_id: 'sku-1' });
    const body = canonicalJson({ task_id: taskId });
    const rawVidau = async (signal?: AbortSignal) => {
      const headers = await vidauHeaders({ ...mock.credentials.vidau, body, timestamp: Date.now() });
      return (
        await fetch(`${mock.baseUrls.vidau}/v1.0/task/info`, {
          method: 'POST',
          body,
          headers: { ...headers, 'content-type': 'application/json' },
          ...(signal && { signal }),
        })
      ).json();
    };
    const rawAiuta = async (signal?: AbortSignal) =>
      (
        await fetch(`${mock.baseUrls.aiuta}/sku_images_operations/${operation_id}`, {
          headers: { 'x-api-key': mock.credentials.aiuta.apiKey },
          ...(signal && { signal }),
        })
      ).json();
    // Round trips over loopback: wall time, whatever the clock of the other tables.
    const asExternal = (task: () => Promise<unknown>): External => ({
      external: async (n) => {
        const start = performance.now();
        for (let i = 0; i < n; i++) await task();
        const wallMs = performance.now() - start;
        return { wallMs, cpuMs: wallMs };
      },
    });
    const timed = 'the same, with a timeout signal';
    const vidauSamples = await measure({
      'raw fetch, signed by hand with vidauHeaders': asExternal(() => rawVidau()),
      [timed]: asExternal(withTimeout(rawVidau)),
      'createVidauClient().getTaskInfo': asExternal(() => vidau.getTaskInfo(taskId)),
    });
    const aiutaSamples = await measure({
      'raw fetch with X-API-Key': asExternal(() => rawAiuta()),
      [timed]: asExternal(withTimeout(rawAiuta)),
      'createAiutaClient().getOperation': asExternal(() => aiuta.getOperation(operation_id)),
    });
    const simple = (samples: Record<string, number[]>, baseline: string) =>
      [
        `| candidate | ops/s (median of ${ROUNDS}) | vs ${baseline} | vs ${timed} |`,
        '| --- | ---: | ---: | ---: |',
        ...Object.keys(samples).map(
          (name) =>
            `| ${name} | ${fmtOps(median(samples[name] ?? []))} | ${fmtRatio(ratio(samples, name, baseline))} | ${fmtRatio(ratio(samples, name, timed))} |`,
        ),
      ].join('\n');
    return [
      '### Client overhead, VidAU task info against the local mock server (loopback, wall time)',
      '',
      simple(vidauSamples, 'raw fetch, signed by hand with vidauHeaders'),
      '',
      '### Client overhead, Aiuta get operation against the local mock server (loopback, wall time)',
      '',
      simple(aiutaSamples, 'raw fetch with X-API-Key'),
      '',
    ].join('\n');
  } finally {
    await mock.close();
  }
}

async function bundleSizes(): Promise<string> {
  const entries: Record<string, { contents: string } | { file: string }> = {
    '@signet/vidau: createVidauClient': {
      contents: "import { createVidauClient } from '@signet/vidau'; globalThis.c = createVidauClient;",
    },
    '@signet/aiuta: createAiutaClient + apiKeyAuth': {
      contents: "import { createAiutaClient, apiKeyAuth } from '@signet/aiuta'; globalThis.c = [createAiutaClient, apiKeyAuth];",
    },
    '@signet/aiuta: createAiutaClient + bearerAuth': {
      contents: "import { createAiutaClient, bearerAuth } from '@signet/aiuta'; globalThis.c = [createAiutaClient, bearerAuth];",
    },
    '@signet/auth: signVidauRequest (browser)': {
      contents: "import { signVidauRequest } from '@signet/auth'; globalThis.c = signVidauRequest;",
    },
    '@signet/auth: canonicalJson (browser)': { contents: "import { canonicalJson } from '@signet/auth'; globalThis.c = canonicalJson;" },
    '@signet/auth: packages/auth/dist/index.js, every export': { file: join(here, '..', '..', 'packages', 'auth', 'dist', 'index.js') },
  };
  const rows: string[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    const result = await build({
      ...('file' in entry
        ? { entryPoints: [entry.file] }
        : { stdin: { contents: entry.contents, resolveDir: here, loader: 'ts' as const } }),
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      external: ['node:*'],
      logLevel: 'silent',
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

async function optional<T>(what: string, start: () => Promise<T>): Promise<T | undefined> {
  try {
    return await start();
  } catch (error) {
    process.stderr.write(`${what} not measured: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

function summary(results: readonly SizeResult[]): string {
  const size = (r: SizeResult) => fmtBytes(r.bytes);
  const row = (name: string, f: (r: SizeResult) => string) => `| ${name} | ${results.map(f).join(' | ')} |`;
  const has = (r: SizeResult, name: string) => (r.samples[name]?.length ?? 0) > 0;
  const cell = (r: SizeResult, a: string, b: string) => (has(r, a) && has(r, b) ? fmtRatio(ratio(r.samples, a, b)) : 'n/a');
  const nsPerByte = (r: SizeResult, name: string) => 1e9 / median(r.samples[name] ?? []) / r.bytes;
  const byBytes = [...results].sort((a, b) => a.bytes - b.bytes);
  const linearity = (name: string) => {
    const near15k = byBytes.reduce((best, r) => (Math.abs(r.bytes - 15_000) < Math.abs(best.bytes - 15_000) ? r : best));
    const largest = byBytes.at(-1) as SizeResult;
    return `| ${name} | ${nsPerByte(near15k, name).toFixed(2)} (${size(near15k)}) | ${nsPerByte(largest, name).toFixed(2)} (${size(largest)}) | ${(nsPerByte(largest, name) / nsPerByte(near15k, name)).toFixed(2)}× |`;
  };
  return [
    '### Side by side, every size (median of the per-round ratios, range in parentheses)',
    '',
    `| ratio | ${results.map(size).join(' | ')} |`,
    `| --- |${results.map(() => ' ---: |').join('')}`,
    row('signet java (canonicalJson + signVidauSync) vs floor', (r) => cell(r, JAVA_SIGNED, FLOOR)),
    row('signet java (canonicalJson + createHmac) vs floor', (r) => cell(r, JAVA_HMAC, FLOOR)),
    row('signet python (canonicalJson + createHmac) vs floor', (r) => cell(r, PYTHON_HMAC, FLOOR)),
    row('sorted full copy, no checks (+ createHmac) vs floor', (r) => cell(r, SORTED, FLOOR)),
    row('signet java (+ createHmac) vs sorted full copy, no checks (+ createHmac)', (r) => cell(r, JAVA_HMAC, SORTED)),
    row('python dialect vs java dialect (both + createHmac)', (r) => cell(r, PYTHON_HMAC, JAVA_HMAC)),
    row('signet java (+ signVidauSync) vs Python reference', (r) => cell(r, JAVA_SIGNED, PYTHON_REF)),
    row('signet python (+ signVidauSync) vs Python reference', (r) => cell(r, PYTHON_SIGNED, PYTHON_REF)),
    row('signet java (+ signVidauSync) vs warmed Java reference', (r) => cell(r, JAVA_SIGNED, JAVA_REF)),
    row('signet java (+ createHmac) vs Python reference', (r) => cell(r, JAVA_HMAC, PYTHON_REF)),
    row('signet java (+ createHmac) vs warmed Java reference', (r) => cell(r, JAVA_HMAC, JAVA_REF)),
    row('the floor vs Python reference (the most any canonicalizer could reach)', (r) => cell(r, FLOOR, PYTHON_REF)),
    row('the floor vs warmed Java reference', (r) => cell(r, FLOOR, JAVA_REF)),
    row('signVidauSync vs createHmac (the signer alone, java dialect)', (r) => cell(r, JAVA_SIGNED, JAVA_HMAC)),
    '',
    '### Linearity: ns per byte, near 15 KB and at the largest size',
    '',
    '| candidate | ~15 KB | largest | largest vs ~15 KB |',
    '| --- | ---: | ---: | ---: |',
    linearity(FLOOR),
    linearity(SORTED),
    linearity(JAVA_SIGNED),
    linearity(JAVA_HMAC),
    linearity(PYTHON_HMAC),
    ...(results.every((r) => has(r, PYTHON_REF)) ? [linearity(PYTHON_REF)] : []),
    ...(results.every((r) => has(r, JAVA_REF)) ? [linearity(JAVA_REF)] : []),
    '',
  ].join('\n');
}

const started = performance.now();
const load = loadavg()[0]?.toFixed(1);
const [java, python] = [await optional('Java reference', startJavaReference), await optional('Python reference', startPythonReference)];
const sizes: [string, CanonicalJsonObject][] = [
  ['206-byte VidAU create body', smallBody],
  ['2 KB body (10 scenes)', scenesBody(10)],
  ['15 KB body (80 scenes)', scenesBody(80)],
  ['40 KB body (221 scenes)', scenesBody(221)],
  ['1 MB body (5,500 scenes)', scenesBody(5_500)],
  ['6 MB body (33,000 scenes)', scenesBody(33_000)],
];
const results: SizeResult[] = [];
for (const [label, body] of sizes) results.push(await signing(label, body, java, python));
await java?.close();
await python?.close();
const sections = [
  `## Results (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length}× ${cpus()[0]?.model ?? 'CPU'}, ${ROUNDS} rounds, candidates interleaved, ${TIME_MS} ms of ${WALL ? 'wall' : 'CPU'} time each per round; references: ${[java?.version, python?.version].filter(Boolean).join(', ') || 'not run'}; load average ${load} at start)`,
  '',
  summary(results),
  ...results.flatMap((r) => [`### Canonicalize + sign, ${r.label}`, '', table(r.samples, FLOOR, r.bytes), '']),
  await longStrings(),
  (await optional('client overhead', clientOverhead)) ?? '',
  await bundleSizes(),
  `(${((performance.now() - started) / 1000).toFixed(0)} s)`,
];
process.stdout.write(`${sections.join('\n')}\n`);
