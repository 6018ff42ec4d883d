// Runs schemathesis against the mock, one run per API module, with every check on, a bounded number
// of examples per operation, and all phases (examples, coverage, fuzzing, stateful: links are
// inferred from the responses). Exits non-zero on any failure.
//
//   pip install schemathesis==4.32.5
//   pnpm --filter @signet/mock-server build && pnpm --filter @signet/mock-server schemathesis [--max-examples 20] [--seed 1]
//     [--only <api>] [--keep-har DIR]   (DIR keeps each run's HAR, config and report)
//
// What each API needs beyond its spec (credentials as headers or an auth hook, the identifiers
// schemathesis cannot invent, the documented refusals of valid data, the mock options the run
// takes) is in its module's folder: src/apis/<name>/service-runs.test-support.ts. Nothing else is
// relaxed. Runs under tsx, which loads those TypeScript files; the mock itself is the build.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockServer } from '../dist/index.js';
import { MOCK_APIS } from '../dist/registry.js';

const venvSchemathesis = new URL('../../../.venv/bin/schemathesis', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    'max-examples': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    // .ci/setup --tests installs the pinned schemathesis into the checkout's .venv.
    schemathesis: {
      type: 'string',
      default: process.env.SCHEMATHESIS ?? (existsSync(venvSchemathesis) ? venvSchemathesis : 'schemathesis'),
    },
    // Run only this API (a module's name); keep each run's HAR and config in this folder.
    only: { type: 'string' },
    'keep-har': { type: 'string' },
  },
});
const out = (line) => process.stdout.write(`${line}\n`);

/** Each module's part of the service runs, when it has one. */
async function runsOf(api) {
  const file = new URL(`../src/apis/${api.name}/service-runs.test-support.ts`, import.meta.url);
  return existsSync(file) ? ((await import(file.href)).runs.schemathesis ?? {}) : {};
}
const apis = await Promise.all(MOCK_APIS.map(async (api) => ({ api, runs: await runsOf(api) })));

const mock = await startMockServer(Object.assign({}, ...apis.map(({ runs }) => runs.options ?? {})));
const dir = mkdtempSync(join(tmpdir(), 'signet-schemathesis-'));

// Schemathesis's own report is kept, not echoed, on success: its pytest-style closing banner
// ("=== 1 warning in 16.11s ===") reads to a CI log parser as a test run that executed no test.
// A failed run prints the whole report.
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => {
      resolve({ code: 127, report: `could not run ${command}: ${error.message}` });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, report: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** Schemathesis's "Test cases:" figures, e.g. "1684 generated, 1684 passed, 40 skipped". */
function testCases(report) {
  const plain = report.replace(/\x1b\[[0-9;]*m/g, '');
  return /Test cases:\s*\n\s*(.+)/.exec(plain)?.[1]?.trim() ?? 'no test case count in the report';
}

/** How many 2xx answers each operation of `spec` gave, from the HAR file of the run. */
function successes(spec, baseUrl, harFile) {
  const base = new URL(baseUrl).pathname;
  const routes = Object.entries(spec.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([, operation]) => typeof operation === 'object' && operation !== null && 'operationId' in operation)
      .map(([method, operation]) => ({
        id: operation.operationId,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${base}${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      })),
  );
  const counts = Object.fromEntries(routes.map((route) => [route.id, 0]));
  let entries = [];
  try {
    entries = JSON.parse(readFileSync(harFile, 'utf8')).log.entries;
  } catch {
    return counts;
  }
  for (const { request, response } of entries) {
    const path = new URL(request.url).pathname;
    const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
    if (route && response.status >= 200 && response.status < 300) counts[route.id] += 1;
  }
  return counts;
}

function operationsWithout2xx(spec, baseUrl, harFile) {
  return Object.entries(successes(spec, baseUrl, harFile))
    .filter(([, count]) => count === 0)
    .map(([id]) => id);
}

/** One API's run: its spec served at its base URL, its config, its arguments; the verdict. */
async function runOne({ api, runs }) {
  const { name, spec } = api;
  const baseUrl = mock.baseUrls[name];
  const credentials = mock.credentials[api.credentials.key];
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...spec, servers: [{ url: baseUrl }] }));
  const har = join(dir, `${name}.har`);
  const config = join(dir, `${name}.toml`);
  const apiConfig = (await runs.config?.({ origin: mock.url, baseUrl, credentials, spec })) ?? '';
  // Every check, from the config file rather than `--checks all`: a check named on the command line
  // overrides the file, and the file must be able to switch one off for one operation.
  writeFileSync(config, `[checks]\nenabled = true\n\n${apiConfig}`);
  out(`\n== ${name}: schemathesis against ${baseUrl}`);
  const { code, report } = await run(
    values.schemathesis,
    [
      ...['--config-file', config, 'run', file, '--url', baseUrl, '--phases', 'examples,coverage,fuzzing,stateful'],
      ...['--max-examples', values['max-examples'], '--seed', values.seed, '--workers', '1', '--suppress-health-check', 'too_slow'],
      ...['--report', 'har', '--report-har-path', har, ...(runs.args?.(credentials) ?? [])],
    ],
    runs.env?.(credentials) ?? {},
  );
  if (values['keep-har'] !== undefined) {
    copyFileSync(har, join(values['keep-har'], `${name}.har`));
    copyFileSync(config, join(values['keep-har'], `${name}.toml`));
  }
  writeFileSync(join(values['keep-har'] ?? dir, `${name}.log`), report);
  // Refusals (401, 404, …) count as acceptable answers to valid data, so a run whose auth or data
  // never worked could pass: require a 2xx for every operation.
  const unreached = operationsWithout2xx(spec, baseUrl, har);
  if (code !== 0 || unreached.length > 0) out(report);
  out(`${name}: schemathesis exit ${code}; cases ${testCases(report)}`);
  if (unreached.length > 0) out(`${name}: no 2xx answer for ${unreached.join(', ')}`);
  out(`${name}: 2xx answers per operation: ${JSON.stringify(successes(spec, baseUrl, har))}`);
  return code === 0 && unreached.length === 0 ? 'passed' : `failed (exit ${code}, ${unreached.length} operations never answered 2xx)`;
}

const served = new Set(MOCK_APIS.map((api) => api.name));
const unserved = readdirSync(new URL('../../../specs/', import.meta.url))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length))
  .filter((name) => !served.has(name));
const results = [];
try {
  for (const name of unserved) {
    if (values.only !== undefined && values.only !== name) continue;
    out(`\n== ${name}: skipped, no mock module serves this spec yet`);
    results.push([name, 'skipped']);
  }
  for (const entry of apis) {
    if (values.only === undefined || values.only === entry.api.name) results.push([entry.api.name, await runOne(entry)]);
  }
} finally {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
}
out(`\nschemathesis: ${results.map(([name, result]) => `${name} ${result}`).join(', ')}`);
process.exit(results.every(([, result]) => result === 'passed' || result === 'skipped') ? 0 : 1);
