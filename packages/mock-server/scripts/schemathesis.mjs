// Runs schemathesis against the mock, one run per bundled spec that has a mock module, with every
// check on, a bounded number of examples per operation, and all phases (examples, coverage,
// fuzzing, stateful: links are inferred from the responses). Exits non-zero on any failure.
//
//   pip install schemathesis==4.32.5
//   pnpm --filter @signet/mock-server build && node scripts/schemathesis.mjs [--max-examples 20] [--seed 1]
//     [--only aiuta-unified] [--keep-har DIR]   (DIR keeps each run's HAR, config and report)
//
// Auth: both Aiuta APIs with the mock's fixed API key (-H); VidAU through a schemathesis auth hook
// that signs each request with the vendor's Python sample (scripts/schemathesis_vidau.py), which is
// why this mock runs with `vidauDialect: python`. Each API's config below names the identifiers
// schemathesis cannot invent and the documented refusals of valid data; nothing else is relaxed.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { python } from '@signet/auth/python';
import { startMockServer } from '../dist/index.js';
import { MOCK_APIS } from '../dist/registry.js';

const specs = Object.fromEntries(MOCK_APIS.map((api) => [api.name, api.spec]));

const venvSchemathesis = new URL('../../../.venv/bin/schemathesis', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    'max-examples': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    // .ci/setup installs the pinned schemathesis into the checkout's .venv.
    schemathesis: {
      type: 'string',
      default: process.env.SCHEMATHESIS ?? (existsSync(venvSchemathesis) ? venvSchemathesis : 'schemathesis'),
    },
    // Run only this spec (aiuta, aiuta-unified or vidau); keep each run's HAR and config in this folder.
    only: { type: 'string' },
    'keep-har': { type: 'string' },
  },
});
const scripts = new URL('.', import.meta.url).pathname;
const out = (line) => process.stdout.write(`${line}\n`);

const mock = await startMockServer({
  vidauDialect: python,
  tryOn: { queuedMs: 0, runningMs: 0 },
  flatLay: { queuedMs: 0, runningMs: 0 },
  skuReadiness: { preparingMs: 0 },
  video: { renderMs: 0 },
});
const dir = mkdtempSync(join(tmpdir(), 'signet-schemathesis-'));
const { aiuta, vidau } = mock.credentials;

// Identifiers schemathesis cannot reach by itself: generated images exist only inside a finished
// operation's response, and the spec has no link from there to DELETE /generated_images/{image_id}.
const generatedImages = [];
for (let i = 0; i < 10; i++) {
  const headers = { 'x-api-key': aiuta.apiKey, 'content-type': 'application/json' };
  const body = JSON.stringify({ uploaded_image_id: 'model_woman_00', sku_id: `fixture-${i}` });
  const { operation_id } = await (await fetch(`${mock.baseUrls.aiuta}/sku_images_operations`, { method: 'POST', headers, body })).json();
  const operation = await (await fetch(`${mock.baseUrls.aiuta}/sku_images_operations/${operation_id}`, { headers })).json();
  generatedImages.push(...operation.generated_images.map((image) => image.id));
}

// The Unified API: SKU items, uploads and operations to address. Separate sets for the operations
// that change or delete what they name, so the reads keep finding theirs.
const unified = await unifiedFixtures(mock.baseUrls['aiuta-unified'], { 'x-api-key': aiuta.apiKey });

async function unifiedFixtures(base, key) {
  const call = async (method, path, body) => {
    const init = {
      method,
      headers: { ...key, ...(body !== undefined && !(body instanceof FormData) && { 'content-type': 'application/json' }) },
    };
    if (body !== undefined) init.body = body instanceof FormData ? body : JSON.stringify(body);
    const response = await fetch(`${base}${path}`, init);
    if (!response.ok) throw new Error(`fixture ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
  const png = () => {
    const form = new FormData();
    form.append(
      'image_data',
      new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' }),
      'p.png',
    );
    return form;
  };
  // Every flat-lay variant, so a flat-lay of a kept SKU item succeeds whatever image_type is drawn.
  const variants = ['flat', 'ghost_mannequin', 'detail'].flatMap((flat_lay_type) =>
    ['front', 'back'].map((viewpoint) => ({ flat_lay_type, viewpoint })),
  );
  const capabilities = { try_on: true, outfit_recommendations: true, size_and_fit: true, off_figure_product_images: variants };
  const skus = async (prefix, count) => {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
    for (const sku_id of ids)
      await call('POST', '/sku_items', { sku_id, product_info: { image_urls: ['https://shop.example/p.jpg'] }, capabilities });
    return ids;
  };
  const uploads = async (count) => {
    const ids = [];
    for (let i = 0; i < count; i++) ids.push((await call('POST', '/uploaded_images', png())).id);
    return ids;
  };
  const keptImages = await uploads(10);
  const tryOns = [];
  const generated = [];
  for (let i = 0; i < 20; i++) {
    const { operation_id } = await call('POST', '/sku_try_on_operations', {
      uploaded_image_id: keptImages[i % 10],
      sku_ids: ['fixture-sku'],
    });
    tryOns.push(operation_id);
    generated.push(...(await call('GET', `/sku_try_on_operations/${operation_id}`)).generated_images.map((image) => image.id));
  }
  const flatLays = [];
  for (let i = 0; i < 5; i++) {
    flatLays.push((await call('POST', '/flat_lay_operations', { product_info: { image_urls: [] }, image_type: variants[0] })).operation_id);
  }
  return {
    keptSkus: await skus('fixture-keep', 10),
    changedSkus: await skus('fixture-change', 10),
    deletedSkus: await skus('fixture-delete', 40),
    keptImages,
    deletedImages: await uploads(40),
    generated,
    tryOns,
    flatLays,
  };
}

/** Whether the spec documents `status` for the operation: the mock's image 404s wait for a spec change. */
function documents(spec, operationId, status) {
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (operation?.operationId === operationId) return String(status) in (operation.responses ?? {});
    }
  }
  return false;
}

const dictionary = (name, values) => `[dictionaries.${name}]\nvalues = ${JSON.stringify(values)}\n`;
const operation = (id, lines) => `\n[[operations]]\ninclude-operation-id = "${id}"\n${lines.join('\n')}\n`;
const pick = (field, name) => `parameters = { "${field}" = { dictionary = "${name}", probability = 0.5 } }`;
// Valid data the service still refuses with a documented answer: the rules the spec states in prose
// (exactly one of sku_id/sku_ids, of product_info/sku_id; human QA only offline; an uploaded image
// that must exist) are 400s; a SKU item that exists already, or whose capability is not ready, 409.
const businessRules = 'checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "409"]';
// Creating takes a new sku_id: values taken from earlier responses name SKU items that exist (409).
const freshIdentifiers = 'phases.fuzzing.extra-data-sources.responses = false';
// The prose rules leave a random body a small chance of being one the service takes: draw more of them.
const moreExamples = 'generation.max-examples = 100';

// The Unified spec documents no 404 for images yet (nor does the vendor's). The mock answers 404
// `{"detail": …}` as the Digital Try-On API does, which schemathesis's own use-after-free check
// expects after a DELETE. Until the spec documents it, the status check alone is off for these three.
const untilImage404IsDocumented = (operationId) =>
  documents(specs['aiuta-unified'], operationId, 404) ? [] : ['checks.status_code_conformance.enabled = false'];

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
  'aiuta-unified': {
    args: ['-H', `x-api-key: ${aiuta.apiKey}`],
    config: [
      dictionary('kept-skus', unified.keptSkus),
      dictionary('changed-skus', unified.changedSkus),
      dictionary('deleted-skus', unified.deletedSkus),
      dictionary('try-on-images', ['model_woman_00', 'model_man_00', ...unified.keptImages]),
      dictionary('kept-images', unified.keptImages),
      dictionary('deleted-images', unified.deletedImages),
      dictionary('generated-images', unified.generated),
      dictionary('try-ons', unified.tryOns),
      dictionary('flat-lays', unified.flatLays),
      operation('getSkuItem', [pick('path.sku_id', 'kept-skus')]),
      operation('getOutfitRecommendations', [pick('path.sku_id', 'kept-skus')]),
      operation('updateSkuItemCapabilities', [pick('path.sku_id', 'changed-skus')]),
      operation('updateSkuItemMerchandising', [pick('path.sku_id', 'changed-skus')]),
      operation('deleteSkuItem', [pick('path.sku_id', 'deleted-skus')]),
      operation('createSkuItem', [businessRules, freshIdentifiers, moreExamples]),
      operation('createFlatLayOperation', [pick('body.sku_id', 'kept-skus'), businessRules, freshIdentifiers, moreExamples]),
      operation('getFlatLayOperation', [pick('path.operation_id', 'flat-lays')]),
      operation('createSkuTryOnOperation', [pick('body.uploaded_image_id', 'try-on-images'), businessRules, moreExamples]),
      operation('getSkuTryOnOperation', [pick('path.operation_id', 'try-ons')]),
      operation('getUploadedImage', [pick('path.image_id', 'kept-images'), ...untilImage404IsDocumented('getUploadedImage')]),
      operation('deleteUploadedImage', [pick('path.image_id', 'deleted-images'), ...untilImage404IsDocumented('deleteUploadedImage')]),
      operation('deleteGeneratedImage', [pick('path.image_id', 'generated-images'), ...untilImage404IsDocumented('deleteGeneratedImage')]),
    ].join(''),
  },
  vidau: {
    args: [],
    env: { SCHEMATHESIS_HOOKS: 'schemathesis_vidau', SIGNET_VIDAU_CLIENT_ID: vidau.clientId, SIGNET_VIDAU_AUTH_KEY: vidau.authKey },
  },
};

// Schemathesis's own report is kept, not echoed, on success: its pytest-style closing banner
// ("=== 1 warning in 16.11s ===") reads to a CI log parser as a test run that executed no test.
// A failed run prints the whole report.
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONPATH: scripts, PYTHONDONTWRITEBYTECODE: '1', ...env },
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

const results = [];
try {
  for (const [name, spec] of Object.entries(specs)) {
    if (values.only !== undefined && values.only !== name) continue;
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
    // Every check, from the config file rather than `--checks all`: a check named on the command line
    // overrides the file, and the file must be able to switch one off for one operation.
    writeFileSync(config, `[checks]\nenabled = true\n\n${options.config ?? ''}`);
    out(`\n== ${name}: schemathesis against ${baseUrl}`);
    const { code, report } = await run(
      values.schemathesis,
      [
        '--config-file',
        config,
        'run',
        file,
        '--url',
        baseUrl,
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
    if (values['keep-har'] !== undefined) {
      copyFileSync(har, join(values['keep-har'], `${name}.har`));
      copyFileSync(config, join(values['keep-har'], `${name}.toml`));
    }
    writeFileSync(join(values['keep-har'] ?? dir, `${name}.log`), report);
    const unreached = operationsWithout2xx(spec, baseUrl, har);
    if (code !== 0 || unreached.length > 0) out(report);
    out(`${name}: schemathesis exit ${code}; cases ${testCases(report)}`);
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
