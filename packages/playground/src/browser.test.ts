import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { python } from '@signet/auth/python';
import { type MockServer, startMockServer } from '@signet/mock-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vectorsDir = join(root, '../vidau-conformance/vectors');
const CHROMIUM = process.env.SIGNET_CHROMIUM ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
};

let site: Server;
let siteUrl: string;
let mock: MockServer;
let browser: Browser;

/** Serves the playground, the bundles, and the committed vectors; loopback only. */
function serve(): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname);
    const file =
      path === '/'
        ? join(root, 'index.html')
        : path === '/suite.html'
          ? undefined
          : path.startsWith('/vectors/')
            ? join(vectorsDir, path.slice('/vectors/'.length))
            : path.startsWith('/dist/')
              ? join(root, path)
              : undefined;
    if (path === '/suite.html') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script type="module" src="/dist/browser-suite.js"></script>');
      return;
    }
    try {
      if (file === undefined) throw new Error('not found');
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  site = await serve();
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  mock = await startMockServer();
  // Required, not optional: a missing Chromium fails the suite.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${siteUrl}${path}`);
  expect(errors).toEqual([]);
  return page;
}

describe('in headless Chromium', () => {
  it('the Web Crypto path reproduces every committed vector, and both clients work against the mock', async () => {
    const page = await open('/suite.html');
    await page.waitForFunction(() => 'run' in ((window as unknown as { __signet?: object }).__signet ?? {}));
    const results = (await page.evaluate(
      (mockInfo) => (window as unknown as { __signet: { run(m: unknown): Promise<unknown> } }).__signet.run(mockInfo),
      {
        aiuta: mock.baseUrls.aiuta,
        vidau: mock.baseUrls.vidau,
        apiKey: mock.credentials.aiuta.apiKey,
        clientId: mock.credentials.vidau.clientId,
        authKey: mock.credentials.vidau.authKey,
      },
    )) as {
      java: { checked: number; mismatches: number[] };
      python: { checked: number; mismatches: number[] };
      clients: Record<string, string>;
      userAgent: string;
    };
    console.log(
      `Chromium (${results.userAgent.match(/Chrome\/[\d.]+/)?.[0]}): java vectors ${results.java.checked}, python vectors ${results.python.checked}, 0 expected mismatches`,
    );
    expect(results.java.mismatches).toEqual([]);
    expect(results.python.mismatches).toEqual([]);
    expect(results.java.checked).toBeGreaterThan(100);
    expect(results.python.checked).toBeGreaterThan(100);
    expect(results.clients.taskId).toMatch(/^task-/);
    expect(results.clients.imageId).toMatch(/^user_image-/);
    expect(results.clients.operationId).toMatch(/^sku_op-/);
    await page.close();
  });

  it('the playground shows the canonical body, string to sign and signature that Node computes', async () => {
    const page = await open('/');
    await page.waitForSelector('body[data-state="ready"]');
    const body = await page.inputValue('#body');
    const expectedBody = canonicalJson(body);
    expect(await page.textContent('#canonical')).toBe(expectedBody);
    expect(await page.textContent('#stringToSign')).toBe(`client-1${expectedBody}1723515690000`);
    expect(await page.textContent('#signature')).toBe(
      signVidauSync({ clientId: 'client-1', authKey: 'secret-auth-key', body: expectedBody, timestamp: 1723515690000 }),
    );

    await page.selectOption('#dialect', 'python');
    await expect.poll(() => page.textContent('#canonical')).toBe(canonicalJson(body, { dialect: python }));

    const screenshot = await page.screenshot({ fullPage: false });
    await page.screenshot({ path: join(root, 'screenshots/playground.png') });
    // A PNG of the viewport, with enough detail that the page really rendered (a blank one is ~4 kB).
    expect(screenshot.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([screenshot.readUInt32BE(16), screenshot.readUInt32BE(20)]).toEqual([1000, 760]);
    expect(screenshot.byteLength).toBeGreaterThan(20_000);

    await page.selectOption('#dialect', 'java');
    // fastjson2 up to 2.0.55 writes 6.8E-29, later releases 6.799999999999999E-29: refused.
    await page.fill('#body', '{"a":6.8e-29}');
    await expect.poll(() => page.textContent('#error')).toContain('version-dependent-number');
    expect(await page.textContent('dl')).not.toContain('secret-auth-key');
    await page.close();
  });
});
