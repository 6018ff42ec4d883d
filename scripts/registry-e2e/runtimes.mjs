// The installed packages under Node, Deno and Bun: the same signed calls against one mock server,
// and one VidAU signature from every runtime and install.
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bin, run, step, work } from './job.mjs';

export async function runtimes(consumerDir, nodeSignature) {
  const { startMockServer } = await import(pathToFileURL(join(consumerDir, 'node_modules/@signet/mock-server/dist/index.js')).href);
  const mock = await startMockServer();
  const env = {
    AIUTA_BASE_URL: mock.baseUrls.aiuta,
    VIDAU_BASE_URL: mock.baseUrls.vidau,
    AIUTA_API_KEY: mock.credentials.aiuta.apiKey,
    VIDAU_CLIENT_ID: mock.credentials.vidau.clientId,
    VIDAU_AUTH_KEY: mock.credentials.vidau.authKey,
  };
  const commands = {
    node: [process.execPath, ['runtime.mjs']],
    deno: [bin('deno'), ['run', '--allow-all', '--quiet', 'runtime.mjs']],
    bun: [bin('bun'), ['run', 'runtime.mjs']],
  };
  const signatures = {};
  try {
    for (const [runtime, [command, args]] of Object.entries(commands)) {
      try {
        const version = runtime === 'node' ? process.version : (await run(command, ['--version'], { cwd: consumerDir })).split('\n')[0];
        const output = await run(command, args, {
          cwd: consumerDir,
          env: {
            ...env,
            RUNTIME: runtime,
            DENO_DIR: join(work, 'deno-cache'),
            DENO_NO_UPDATE_CHECK: '1',
            BUN_INSTALL_CACHE_DIR: join(work, 'bun-cache'),
          },
        });
        const outcome = JSON.parse(output.trim().split('\n').pop());
        signatures[runtime] = outcome.signature;
        step(
          `${runtime} (${version.trim()}): reads a path, makes a signed call, one SignetError`,
          outcome.uploaded && outcome.task && outcome.authenticationError && outcome.instanceofSignetError,
          JSON.stringify(outcome),
        );
      } catch (error) {
        step(`${runtime}: the same calls`, false, error.message);
      }
    }
  } finally {
    await mock.close();
  }
  // The same bytes signed here with node:crypto directly: what every runtime must have produced.
  const expected = createHmac('sha256', 'secret')
    .update('client-1{"params":{"avatar_id":7,"text":"Grüße, signet"},"webhook_url":"https://example.com/hook"}1723515690000')
    .digest('base64');
  const distinct = new Set([nodeSignature, ...Object.values(signatures)]);
  step(
    'identical VidAU signature (fixed timestamp) from every runtime and install',
    distinct.size === 1 && distinct.has(expected),
    `${[...distinct].join(' | ')} (expected ${expected})`,
  );
}
