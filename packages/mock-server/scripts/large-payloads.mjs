// Bounded large-payload run: the mock, started in a child process on 127.0.0.1 with its default
// limits, is sent what once took it from 78 to 803 MB or into empty replies: 70 SKU items with
// 8 MiB of metadata each, every page of them at limit=500, 20 uploads of 8 MiB, JSON nested 5,000
// deep, and a create with 5,000,000 wrong-typed values. Fails (exit 1) when an answer is not the
// one expected, a page passes its byte bound, more items are kept than the byte budget holds, or
// the mock's peak RSS (the kernel's high-water mark for its process) passes the ceiling. Needs a
// build first (`pnpm --filter @signet/mock-server build`).
//
//   pnpm --filter @signet/mock-server large-payloads [--rss-ceiling-mb 512]
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { MOCK_CREDENTIALS } from '../dist/index.js';

const { values } = parseArgs({ options: { 'rss-ceiling-mb': { type: 'string', default: '512' }, serve: { type: 'boolean' } } });
const MiB = 1024 * 1024;

if (values.serve) {
  // The child: the mock alone in its process, so its RSS is the mock's; answers the parent's questions.
  const { startMockServer } = await import('../dist/index.js');
  const mock = await startMockServer();
  process.on('message', async (message) => {
    if (message === 'peak-rss') process.send?.({ peakRss: process.resourceUsage().maxRSS * 1024 });
    if (message === 'close') {
      await mock.close();
      process.disconnect();
    }
  });
  process.send?.({ base: mock.baseUrls['aiuta-unified'] });
} else {
  await run(Number(values['rss-ceiling-mb']));
}

async function run(ceilingMb) {
  const out = (line) => process.stdout.write(`${line}\n`);
  const mb = (bytes) => (bytes / MiB).toFixed(1);
  const child = fork(new URL(import.meta.url), ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const answer = () => new Promise((resolve) => child.once('message', resolve));
  const { base } = await answer();

  const key = { 'x-api-key': MOCK_CREDENTIALS.aiuta.apiKey };
  const failures = [];
  const expectStatus = async (what, response, status) => {
    const text = await response.text();
    if (response.status !== status) failures.push(`${what}: ${response.status}, not ${status}: ${text.slice(0, 200)}`);
    return text;
  };
  const send = (method, path, body) =>
    fetch(`${base}${path}`, { method, headers: { ...key, 'content-type': 'application/json' }, ...(body !== undefined && { body }) });

  const started = performance.now();
  const metadata = `{"blob":"${'m'.repeat(8 * MiB)}"}`;
  for (let i = 0; i < 70; i++) {
    const body = `{"sku_id":"big-${i}","product_info":{},"metadata":${metadata}}`;
    await expectStatus(`create ${i}`, await send('POST', '/sku_items', body), 201);
  }
  let largestPage = 0;
  let listed = 0;
  for (let offset = 0, pages = 0; offset !== null && pages < 100; pages++) {
    const text = await expectStatus(`page at ${offset}`, await send('GET', `/sku_items?limit=500&offset=${offset}`), 200);
    const page = JSON.parse(text);
    largestPage = Math.max(largestPage, text.length);
    listed += page.items.length;
    offset = page.next_offset;
  }
  const image = new Uint8Array(8 * MiB);
  image.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  for (let i = 0; i < 20; i++) {
    const form = new FormData();
    form.append('image_data', new Blob([image], { type: 'image/png' }), 'p.png');
    await expectStatus(`upload ${i}`, await fetch(`${base}/uploaded_images`, { method: 'POST', headers: key, body: form }), 200);
  }
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  await expectStatus(
    'deep metadata',
    await send('POST', '/sku_items', `{"sku_id":"deep","product_info":{},"metadata":{"x":${deep}}}`),
    422,
  );
  const wrong = `{"sku_id":"wrong","product_info":{"image_urls":[${'1,'.repeat(4_999_999)}1]}}`;
  await expectStatus('5,000,000 wrong values', await send('POST', '/sku_items', wrong), 422);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  child.send('peak-rss');
  const { peakRss } = await answer();
  child.send('close');
  await new Promise((resolve) => child.once('exit', resolve));

  out(`mock-server large payloads: 70 items of 8 MiB (${listed} kept), 20 uploads of 8 MiB, deep and wide refusals, in ${seconds} s`);
  out(`  largest page ${mb(largestPage)} MiB; the mock's peak RSS ${mb(peakRss)} MiB (ceiling ${ceilingMb} MiB)`);
  // A page stops before 8 MiB (as the mock estimates memory), its first item aside: one item of 8 MiB here.
  if (largestPage > 9 * MiB) failures.push(`a page of ${mb(largestPage)} MiB`);
  if (listed === 0 || listed > 16) failures.push(`${listed} items kept: the byte budget (128 MiB) holds 15 of 8 MiB`);
  if (peakRss > ceilingMb * MiB) failures.push(`peak RSS ${mb(peakRss)} MiB over ${ceilingMb} MiB`);
  if (failures.length > 0) {
    process.stderr.write(`large-payload run failed:\n  ${failures.join('\n  ')}\n`);
    process.exit(1);
  }
  out('large-payload run passed');
}
