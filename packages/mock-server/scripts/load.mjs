// Bounded load run: autocannon against the mock started in this process on 127.0.0.1, over a mix of
// Aiuta Digital Try-On, Aiuta Unified and signed VidAU requests. Fails (exit 1) on any error, timeout or non-2xx answer, or when the
// process's peak RSS passes the ceiling. Needs a build first: `pnpm --filter @signet/mock-server build`.
//
//   node scripts/load.mjs [--duration 10] [--connections 10] [--rss-ceiling-mb 400]
import { parseArgs } from 'node:util';
import { canonicalJson } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import autocannon from 'autocannon';
import { startMockServer } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'rss-ceiling-mb': { type: 'string', default: '400' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const ceilingMb = Number(values['rss-ceiling-mb']);
const out = (line) => process.stdout.write(`${line}\n`);

const mock = await startMockServer({
  tryOn: { queuedMs: 50, runningMs: 200 },
  flatLay: { queuedMs: 50, runningMs: 200 },
  skuReadiness: { preparingMs: 100 },
  video: { renderMs: 500 },
});
const { aiuta: aiutaKeys, vidau: vidauKeys } = mock.credentials;
const aiutaPath = new URL(mock.baseUrls.aiuta).pathname;
const vidauPath = new URL(mock.baseUrls.vidau).pathname;
const unifiedPath = new URL(mock.baseUrls['aiuta-unified']).pathname;
const apiKey = { 'x-api-key': aiutaKeys.apiKey };
const signed = (body) => {
  const timestamp = Date.now();
  return {
    'content-type': 'application/json',
    'x-client-id': vidauKeys.clientId,
    timestamp: String(timestamp),
    authorization: signVidauSync({ ...vidauKeys, body, timestamp }),
  };
};
const createBody = canonicalJson({
  webhook_url: `${mock.url}/webhook-sink`,
  params: { voice_id: 'voice-1', avatar_id: 7, text: 'Load test — 负载 😀', language: 'English' },
});

// A multipart body autocannon can send as is.
const boundary = 'signet-load-boundary';
const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="image_data"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\r\n--${boundary}--\r\n`;

let skuCounter = 0;
// Each connection walks the mix in order, and each read targets what that connection just created,
// so the stores' caps (the oldest entries go first) never turn a read into a 404.
const remember = (key, field) => (status, body, context) => {
  if (status === 200) context[key] = JSON.parse(body)[field];
};
const requests = [
  {
    method: 'POST',
    path: `${aiutaPath}/uploaded_images`,
    headers: { ...apiKey, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: multipart,
    onResponse: (status, body, context) => {
      if (status === 200) Object.assign(context, { image: JSON.parse(body).id, file: new URL(JSON.parse(body).url).pathname });
    },
  },
  {
    method: 'GET',
    headers: apiKey,
    setupRequest: (request, context) => ({ ...request, path: `${aiutaPath}/uploaded_images/${context.image}` }),
  },
  { method: 'GET', setupRequest: (request, context) => ({ ...request, path: context.file }) },
  {
    method: 'POST',
    path: `${aiutaPath}/sku_images_operations`,
    headers: { ...apiKey, 'content-type': 'application/json' },
    setupRequest: (request, context) => ({
      ...request,
      body: JSON.stringify({ uploaded_image_id: context.image, sku_ids: ['top', 'skirt'] }),
    }),
    onResponse: remember('operation', 'operation_id'),
  },
  {
    method: 'GET',
    headers: apiKey,
    setupRequest: (request, context) => ({ ...request, path: `${aiutaPath}/sku_images_operations/${context.operation}` }),
  },
  { method: 'GET', path: `${aiutaPath}/predefined_try_on_models`, headers: apiKey },
  // Unified API: a new SKU item per round (a counter keeps sku_id unique), a page of the catalogue,
  // a try-on on the image uploaded above, its status, and the model list.
  {
    method: 'POST',
    path: `${unifiedPath}/sku_items`,
    headers: { ...apiKey, 'content-type': 'application/json' },
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({ sku_id: `load-${++skuCounter}`, product_info: { image_urls: [] }, capabilities: { try_on: true } }),
    }),
    onResponse: (status, body, context) => {
      if (status === 201) context.sku = JSON.parse(body).sku_id;
    },
  },
  {
    method: 'GET',
    headers: apiKey,
    setupRequest: (request, context) => ({ ...request, path: `${unifiedPath}/sku_items/${encodeURIComponent(context.sku)}` }),
  },
  { method: 'GET', path: `${unifiedPath}/sku_items?limit=20`, headers: apiKey },
  {
    method: 'POST',
    path: `${unifiedPath}/sku_try_on_operations`,
    headers: { ...apiKey, 'content-type': 'application/json' },
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ uploaded_image_id: 'model_woman_00', sku_ids: ['top', 'skirt'] }) }),
    onResponse: remember('unifiedOperation', 'operation_id'),
  },
  {
    method: 'GET',
    headers: apiKey,
    setupRequest: (request, context) => ({ ...request, path: `${unifiedPath}/sku_try_on_operations/${context.unifiedOperation}` }),
  },
  { method: 'GET', path: `${unifiedPath}/try_on_models`, headers: { 'x-user-id': aiutaKeys.subscriptionId } },
  {
    method: 'POST',
    path: `${vidauPath}/v1.0/avatar/video/create`,
    body: createBody,
    setupRequest: (request) => ({ ...request, headers: signed(createBody) }),
    onResponse: remember('task', 'task_id'),
  },
  {
    method: 'POST',
    path: `${vidauPath}/v1.0/task/info`,
    setupRequest: (request, context) => {
      const body = canonicalJson({ task_id: context.task });
      return { ...request, body, headers: signed(body) };
    },
  },
];

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const result = await autocannon({ url: mock.url, connections, duration, requests });
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await mock.close();

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
out(
  `mock-server load: ${connections} connections, ${duration} s, ${requests.length}-request mix (Aiuta reads, try-on starts, uploads, files; Unified SKU items, pages, try-ons, models; signed VidAU info and creates)`,
);
out(
  `  requests   ${result.requests.total} total, ${result.requests.average} req/s average (min ${result.requests.min}, max ${result.requests.max})`,
);
out(`  latency    p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
out(`  answers    2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`);
out(`  peak RSS   ${mb(peakRss)} MiB (ceiling ${ceilingMb} MiB)`);
out(`  webhooks   ${mock.webhooks.length} remembered (bounded)`);

const failures = [];
if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} errors, ${result.timeouts} timeouts`);
if (result.non2xx > 0) failures.push(`${result.non2xx} non-2xx answers`);
if (result.requests.total === 0) failures.push('no requests completed');
if (peakRss > ceilingMb * 1024 * 1024) failures.push(`peak RSS ${mb(peakRss)} MiB over ${ceilingMb} MiB`);
if (failures.length > 0) {
  process.stderr.write(`load run failed: ${failures.join('; ')}\n`);
  process.exit(1);
}
out('load run passed');
