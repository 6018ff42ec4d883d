// Runs schemathesis against the mock, one run per bundled spec that has a mock module, with every
// check on, a bounded number of examples per operation, and all phases (examples, coverage,
// fuzzing, stateful: links are inferred from the responses). Exits non-zero on any failure.
//
//   pip install schemathesis==4.32.5
//   pnpm --filter @signet/mock-server build && node scripts/schemathesis.mjs [--max-examples 20] [--seed 1]
//
// Auth: Aiuta with the mock's fixed API key (-H); VidAU through a schemathesis auth hook that signs
// each request with the vendor's Python sample (scripts/schemathesis_vidau.py), which is why this
// mock runs with `vidauDialect: 'python'`. Nothing else is relaxed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { specs, startMockServer } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    'max-examples': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    schemathesis: { type: 'string', default: process.env.SCHEMATHESIS ?? 'schemathesis' },
  },
});
const scripts = new URL('.', import.meta.url).pathname;
const out = (line) => process.stdout.write(`${line}\n`);

const mock = await startMockServer({ vidauDialect: 'python', tryOn: { queuedMs: 0, runningMs: 0 }, video: { renderMs: 0 } });
const dir = mkdtempSync(join(tmpdir(), 'signet-schemathesis-'));
const { aiuta, vidau } = mock.credentials;

// Identifiers schemathesis cannot reach by itself: generated images exist only inside a finished
// operation's response, and the spec has no link from there to DELETE /generated_images/{image_id}.
const generatedImages = [];
for (let i = 0; i < 10; i++) {
  const headers = { 'x-api-key': aiuta.apiKey, 'content-type': 'application/json' };
  const body = JSON.stringify({ uploaded_image_id: 'model_woman_00', sku_id: `fixture-${i}` });
  const { operation_id } = await (await fetch(`${mock.aiutaBaseUrl}/sku_images_operations`, { method: 'POST', headers, body })).json();
  const operation = await (await fetch(`${mock.aiutaBaseUrl}/sku_images_operations/${operation_id}`, { headers })).json();
  generatedImages.push(...operation.generated_images.map((image) => image.id));
}

/** Per-API arguments: credentials, and the identifiers and documented answers schemathesis cannot infer. */
const perApi = {
  aiuta: {
    args: ['-H', `X-API-Key: ${aiuta.apiKey}`],
    // startTryOn needs an image that exists: half the generated bodies name a predefined model. The
    // others name no image and are refused 400 "Input image was not found", as the service does (a
    // documented answer, not a rejection of valid data).
    config: `[dictionaries.predefined-models]
values = ["model_woman_00", "model_man_00"]

[[operations]]
include-operation-id = "startTryOn"
parameters = { "body.uploaded_image_id" = { dictionary = "predefined-models", probability = 0.5 } }
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404"]

[dictionaries.generated-images]
values = ${JSON.stringify(generatedImages)}

[[operations]]
include-operation-id = "deleteGeneratedImage"
parameters = { "path.image_id" = { dictionary = "generated-images", probability = 0.5 } }
`,
  },
  vidau: {
    args: [],
    env: { SCHEMATHESIS_HOOKS: 'schemathesis_vidau', SIGNET_VIDAU_CLIENT_ID: vidau.clientId, SIGNET_VIDAU_AUTH_KEY: vidau.authKey },
  },
};

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, PYTHONPATH: scripts, PYTHONDONTWRITEBYTECODE: '1', ...env },
    });
    child.on('error', (error) => {
      process.stderr.write(`could not run ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
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

const results = [];
try {
  for (const [name, spec] of Object.entries(specs)) {
    const baseUrl = mock.baseUrls[name];
    if (baseUrl === undefined) {
      out(`\n== ${name}: skipped, no mock module serves this spec yet`);
      results.push([name, 'skipped']);
      continue;
    }
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ ...spec, servers: [{ url: baseUrl }] }));
    const options = perApi[name] ?? { args: [] };
    const har = join(dir, `${name}.har`);
    const config = join(dir, `${name}.toml`);
    writeFileSync(config, options.config ?? '');
    out(`\n== ${name}: schemathesis against ${baseUrl}`);
    const code = await run(
      values.schemathesis,
      [
        '--config-file',
        config,
        'run',
        file,
        '--url',
        baseUrl,
        '--checks',
        'all',
        '--phases',
        'examples,coverage,fuzzing,stateful',
        '--max-examples',
        values['max-examples'],
        '--seed',
        values.seed,
        '--workers',
        '1',
        '--suppress-health-check',
        'too_slow',
        '--report',
        'har',
        '--report-har-path',
        har,
        ...options.args,
      ],
      options.env ?? {},
    );
    // Refusals (401, 404, …) count as acceptable answers to valid data, so a run whose auth or data
    // never worked could pass: require a 2xx for every operation.
    const unreached = operationsWithout2xx(spec, baseUrl, har);
    if (unreached.length > 0) out(`${name}: no 2xx answer for ${unreached.join(', ')}`);
    out(`${name}: 2xx answers per operation: ${JSON.stringify(successes(spec, baseUrl, har))}`);
    results.push([
      name,
      code === 0 && unreached.length === 0 ? 'passed' : `failed (exit ${code}, ${unreached.length} operations never answered 2xx)`,
    ]);
  }
} finally {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
}
out(`\nschemathesis: ${results.map(([name, result]) => `${name} ${result}`).join(', ')}`);
process.exit(results.every(([, result]) => result === 'passed' || result === 'skipped') ? 0 : 1);
