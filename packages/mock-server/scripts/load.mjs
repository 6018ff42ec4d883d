// Bounded load run: autocannon against the mock started in this process on 127.0.0.1, over a mix of
// every API's requests (each module's part is in src/apis/<name>/service-runs.test-support.ts).
// Fails (exit 1) on any error, timeout or non-2xx answer, or when the process's peak RSS passes the
// ceiling. Needs a build first (`pnpm --filter @signet/mock-server build`); runs under tsx, which
// loads those TypeScript files.
//
//   pnpm --filter @signet/mock-server load [--duration 10] [--connections 10] [--rss-ceiling-mb 400]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startMockServer } from '../dist/index.js';
import { MOCK_APIS } from '../dist/registry.js';

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

/** Each module's part of the load run, when it has one. */
async function loadOf(api) {
  const file = new URL(`../src/apis/${api.name}/service-runs.test-support.ts`, import.meta.url);
  return existsSync(file) ? (await import(file.href)).runs.load : undefined;
}
const apis = (await Promise.all(MOCK_APIS.map(async (api) => ({ api, load: await loadOf(api) })))).filter(({ load }) => load);

const mock = await startMockServer(Object.assign({}, ...apis.map(({ load }) => load.options ?? {})));

/** This API's part of a connection's context. */
const own = (context, name) => {
  context[name] ??= {};
  return context[name];
};
/** A module's requests, each given that API's own per-connection context, so their names never collide. */
const scoped = (name, request) => ({
  ...request,
  ...(request.setupRequest && { setupRequest: (req, context) => request.setupRequest(req, own(context, name)) }),
  ...(request.onResponse && { onResponse: (status, body, context) => request.onResponse(status, body, own(context, name)) }),
});
// Each connection walks the mix in order, and each read targets what that connection just created,
// so the stores' caps (the oldest entries go first) never turn a read into a 404.
const requests = apis.flatMap(({ api, load }) =>
  load
    .requests({ origin: mock.url, baseUrl: mock.baseUrls[api.name], credentials: mock.credentials[api.credentials.key], spec: api.spec })
    .map((request) => scoped(api.name, request)),
);

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
  `mock-server load: ${connections} connections, ${duration} s, ${requests.length}-request mix (${apis.map(({ load }) => load.summary).join('; ')})`,
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
