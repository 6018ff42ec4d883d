// The release as a user meets it: publishes every public package to a local registry with
// `changeset publish`, installs them with npm and with pnpm in fresh consumer projects, type-checks
// a README-like example (moduleResolution nodenext, and bundler for a browser app) and runs it
// against the mock server, and runs the same signed calls under Deno and Bun.
//
// It also publishes a patch release of @signet/auth and @signet/client-core and installs
// @signet/aiuta at the older version beside @signet/auth at the patch: the consumers must end up
// with one @signet/client-core, so that an AuthenticationError thrown by aiuta is
// `instanceof SignetError` as exported by @signet/auth.
//
//   node scripts/registry-e2e.mjs [--keep] [--no-build]
//
// The registry (Verdaccio 5) and the Deno and Bun binaries come from scripts/registry-e2e/, a
// lockfile-pinned npm project installed here with `npm ci` on first use. Verdaccio listens on
// 127.0.0.1 only and has no uplink: only @signet/* is served from it (the consumers' .npmrc scopes
// it), everything else comes from the usual registry. The whole job is bounded by LIMIT_MS.
import { execFile, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publicPackages, repoRoot as root } from './workspace-packages.mjs';

const LIMIT_MS = 6 * 60_000;
const started = Date.now();
const deadline = started + LIMIT_MS;
const keep = process.argv.includes('--keep');
const tools = join(root, 'scripts/registry-e2e');
const bin = (name) => join(tools, 'node_modules/.bin', name);
const work = mkdtempSync(join(tmpdir(), 'signet-registry-e2e-'));
const children = new Set();
const results = [];

let last = started;
function step(label, ok, detail = '') {
  results.push({ label, ok });
  const elapsed = `${((Date.now() - last) / 1000).toFixed(1)} s`;
  last = Date.now();
  console.log(`${ok ? '✓' : '✗'} ${label}${detail ? `: ${detail}` : ''} [${elapsed}]`);
  return ok;
}

/** Runs a command to completion within the job's deadline; rejects with its output on failure. */
function run(command, args, { cwd = root, env = {}, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: Math.max(1_000, deadline - Date.now()), maxBuffer: 64 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        children.delete(child);
        if (error) {
          const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
          reject(new Error(`${[command, ...args].join(' ')} failed (${error.code ?? error.signal}):\n${output}`));
        } else resolve(stdout);
      },
    );
    children.add(child);
    if (input !== undefined) child.stdin.end(input);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function installTools() {
  const lock = join(tools, 'package-lock.json');
  const installed = join(tools, 'node_modules/.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return 'already installed';
  await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools });
  return 'npm ci';
}

async function startRegistry() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = join(work, 'registry');
  mkdirSync(dir);
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: 10',
      'web:',
      '  enable: false',
      'uplinks: {}',
      'packages:',
      "  '@signet/*':",
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const server = spawn(
    process.execPath,
    [join(tools, 'node_modules/verdaccio/bin/verdaccio'), '--config', config, '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(server);
  let log = '';
  server.stdout.on('data', (chunk) => {
    log += chunk;
  });
  server.stderr.on('data', (chunk) => {
    log += chunk;
  });
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`verdaccio exited ${server.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) break;
    } catch {}
    if (i > 300) throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const response = await fetch(`${url}/-/user/org.couchdb.user:signet`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      _id: 'org.couchdb.user:signet',
      name: 'signet',
      password: 'signet-e2e',
      type: 'user',
      roles: [],
      date: new Date(),
    }),
  });
  const { token } = await response.json();
  if (!token) throw new Error(`verdaccio gave no token (${response.status})`);
  const npmrc = join(dir, 'npmrc');
  writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  return { url, npmrc, server };
}

const bumpPatch = (version) => version.replace(/^(\d+)\.(\d+)\.(\d+).*$/, (_, a, b, c) => `${a}.${b}.${Number(c) + 1}`);

/** Publishes a patch of a workspace package: its packed tarball with the next patch version. */
async function publishPatch(pkg, registry) {
  const dir = join(work, 'patch', pkg.manifest.name.replace('/', '+'));
  mkdirSync(dir, { recursive: true });
  await run('pnpm', ['pack', '--pack-destination', dir], { cwd: pkg.dir });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  await run('tar', ['-xzf', tarball], { cwd: dir });
  const manifestPath = join(dir, 'package/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.version = bumpPatch(manifest.version);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await run('npm', ['publish', join(dir, 'package'), '--ignore-scripts', '--tag', 'latest', '--registry', `${registry.url}/`], {
    env: { NPM_CONFIG_USERCONFIG: registry.npmrc },
  });
  return manifest.version;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];

/** The README's examples, as a user would paste them; prints one JSON line with what happened. */
const example = `import { writeFile } from 'node:fs/promises';
import { apiKeyAuth, createAiutaClient, errors } from '@signet/aiuta';
import { canonicalJson, signVidau } from '@signet/auth';
import { SignetError } from '@signet/client-core/errors';
import { startMockServer } from '@signet/mock-server';
import { createVidauClient } from '@signet/vidau';

const mock = await startMockServer();
try {
  const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.baseUrls.aiuta });
  const fromBytes = await aiuta.uploadImage(Uint8Array.from(${JSON.stringify(PNG)}));
  await writeFile('person.png', Uint8Array.from(${JSON.stringify(PNG)}));
  const fromPath = await aiuta.uploadImage('./person.png');

  const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau });
  const task = await vidau.createAvatarVideo({
    webhook_url: 'https://example.com/vidau-hook',
    params: { voice_id: 'voice-1', avatar_id: 7, text: 'Hello from signet', language: 'English' },
  });

  // aiuta and auth at different patch versions still share one SignetError.
  const wrongKey = createAiutaClient({ auth: apiKeyAuth('not-the-key'), baseUrl: mock.baseUrls.aiuta });
  const error: unknown = await wrongKey.getUploadedImage(fromBytes.id).catch((e: unknown) => e);

  const body = canonicalJson({ webhook_url: 'https://example.com/hook', params: { avatar_id: 7, text: 'Grüße, signet' } });
  const signature = await signVidau({ clientId: 'client-1', authKey: 'secret', body, timestamp: 1723515690000 });
  console.log(
    JSON.stringify({
      uploaded: [fromBytes.id, fromPath.id].every((id) => id.length > 0),
      task: typeof task.task_id === 'string',
      authenticationError: error instanceof errors.AuthenticationError,
      instanceofSignetError: error instanceof SignetError,
      signature,
    }),
  );
} finally {
  await mock.close();
}
`;

/** What a browser app imports: type-checked with moduleResolution bundler, the DOM lib and no Node types. */
const browserExample = `import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { signVidau } from '@signet/auth';
import { createVidauClient } from '@signet/vidau';

const aiuta = createAiutaClient({ auth: apiKeyAuth('key') });
const input = document.querySelector('input[type=file]') as HTMLInputElement;
const file = input.files?.[0];
if (file) await aiuta.uploadImage(file);
const vidau = createVidauClient({ clientId: 'id', authKey: 'key' });
void vidau;
export const signature: Promise<string> = signVidau({ clientId: 'id', authKey: 'key', body: '{}', timestamp: 0 });
`;

/** The same calls in plain JavaScript for Node, Deno and Bun, against a mock server started by this job. */
const runtimeScript = `import { writeFile } from 'node:fs/promises';
import process from 'node:process';
import { apiKeyAuth, createAiutaClient, errors } from '@signet/aiuta';
import { canonicalJson, signVidau } from '@signet/auth';
import { SignetError } from '@signet/client-core/errors';
import { createVidauClient } from '@signet/vidau';

const { AIUTA_BASE_URL, VIDAU_BASE_URL, AIUTA_API_KEY, VIDAU_CLIENT_ID, VIDAU_AUTH_KEY, RUNTIME } = process.env;
const aiuta = createAiutaClient({ auth: apiKeyAuth(AIUTA_API_KEY), baseUrl: AIUTA_BASE_URL });
await writeFile(\`person-\${RUNTIME}.png\`, Uint8Array.from(${JSON.stringify(PNG)}));
const fromPath = await aiuta.uploadImage(\`./person-\${RUNTIME}.png\`);
const vidau = createVidauClient({ clientId: VIDAU_CLIENT_ID, authKey: VIDAU_AUTH_KEY, baseUrl: VIDAU_BASE_URL });
const task = await vidau.createAvatarVideo({
  webhook_url: 'https://example.com/vidau-hook',
  params: { voice_id: 'voice-1', avatar_id: 7, text: 'Hello from signet', language: 'English' },
});
const error = await createAiutaClient({ auth: apiKeyAuth('not-the-key'), baseUrl: AIUTA_BASE_URL })
  .getUploadedImage(fromPath.id)
  .catch((e) => e);
const body = canonicalJson({ webhook_url: 'https://example.com/hook', params: { avatar_id: 7, text: 'Grüße, signet' } });
const signature = await signVidau({ clientId: 'client-1', authKey: 'secret', body, timestamp: 1723515690000 });
console.log(JSON.stringify({
  uploaded: fromPath.id.length > 0,
  task: typeof task.task_id === 'string',
  authenticationError: error instanceof errors.AuthenticationError,
  instanceofSignetError: error instanceof SignetError,
  signature,
}));
`;

/** Distinct installed copies of a package under a consumer's node_modules (pnpm's store included). */
function copiesOf(dir, name) {
  const found = new Set();
  const visit = (modules, depth) => {
    if (depth > 8 || !existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry === '.bin') continue;
      const path = join(modules, entry);
      if (entry === '.pnpm') {
        for (const store of readdirSync(path)) visit(join(path, store, 'node_modules'), depth + 1);
      } else if (entry.startsWith('@')) {
        for (const scoped of readdirSync(path)) {
          const full = join(path, scoped);
          if (`${entry}/${scoped}` === name && existsSync(join(full, 'package.json'))) found.add(realpathSync(full));
          visit(join(full, 'node_modules'), depth + 1);
        }
      } else visit(join(path, 'node_modules'), depth + 1);
    }
  };
  visit(join(dir, 'node_modules'), 0);
  return [...found].map((path) => `${JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).version}`);
}

async function consumer(pm, registry, versions, { aiuta, auth }) {
  const dir = join(work, `consumer-${pm}`);
  mkdirSync(join(dir, 'src'), { recursive: true });
  const typescript = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version;
  // Exact versions, but aiuta one patch behind auth; client-core (the clients' peer) by range, as a
  // user who imports it lists it: whatever they pick, one copy must satisfy every peer.
  const dependencies = Object.fromEntries(versions);
  Object.assign(dependencies, {
    '@signet/aiuta': aiuta,
    '@signet/auth': auth,
    '@signet/client-core': `^${versions.get('@signet/client-core')}`,
  });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: `consumer-${pm}`, private: true, type: 'module', dependencies, devDependencies: { typescript, '@types/node': '^20.19.0' } },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, '.npmrc'), `@signet:registry=${registry.url}/\n`);
  const base = { strict: true, target: 'ES2022', skipLibCheck: false, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true };
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...base, module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'dist', rootDir: 'src', types: ['node'] },
      include: ['src/example.ts', 'src/smoke.ts'],
    }),
  );
  writeFileSync(
    join(dir, 'tsconfig.bundler.json'),
    JSON.stringify({
      compilerOptions: {
        ...base,
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        noEmit: true,
      },
      include: ['src/browser.ts'],
    }),
  );
  writeFileSync(join(dir, 'src/example.ts'), example);
  writeFileSync(join(dir, 'src/browser.ts'), browserExample);
  // Every public package, found on disk: each must install, type-check and import.
  const names = [...versions.keys()];
  writeFileSync(
    join(dir, 'src/smoke.ts'),
    `${names.map((name, i) => `import * as p${i} from '${name}';`).join('\n')}\nconsole.log(JSON.stringify([${names.map((_, i) => `Object.keys(p${i}).length`).join(', ')}]));\n`,
  );
  writeFileSync(join(dir, 'runtime.mjs'), runtimeScript);

  if (pm === 'npm') await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  else await run('pnpm', ['install', '--reporter=silent', '--config.confirmModulesPurge=false'], { cwd: dir });
  step(`${pm}: install from the registry`, true);

  const core = copiesOf(dir, '@signet/client-core');
  const installedAuth = copiesOf(dir, '@signet/auth');
  const installedAiuta = copiesOf(dir, '@signet/aiuta');
  step(
    `${pm}: one @signet/client-core beside aiuta ${installedAiuta.join(',')} and auth ${installedAuth.join(',')}`,
    core.length === 1 && installedAiuta.join() === aiuta && installedAuth.join() === auth,
    `client-core ${core.join(', ') || 'missing'}`,
  );

  const tsc = join(dir, 'node_modules/typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir }).then(
    () => step(`${pm}: example type-checks (moduleResolution nodenext, skipLibCheck off)`, true),
    (error) => step(`${pm}: example type-checks (moduleResolution nodenext, skipLibCheck off)`, false, error.message),
  );
  await run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], { cwd: dir }).then(
    () => step(`${pm}: browser example type-checks (moduleResolution bundler, DOM, no Node types)`, true),
    (error) => step(`${pm}: browser example type-checks (moduleResolution bundler, DOM, no Node types)`, false, error.message),
  );
  try {
    const smoke = JSON.parse(await run(process.execPath, ['dist/smoke.js'], { cwd: dir }));
    step(
      `${pm}: every package imports`,
      smoke.every((count) => count > 0),
      names.map((n, i) => `${n} ${smoke[i]}`).join(', '),
    );
  } catch (error) {
    step(`${pm}: every package imports`, false, error.message);
  }
  try {
    const outcome = JSON.parse((await run(process.execPath, ['dist/example.js'], { cwd: dir })).trim().split('\n').pop());
    step(
      `${pm}: example runs against the mock server (upload bytes and path, signed VidAU call)`,
      outcome.uploaded && outcome.task,
      JSON.stringify(outcome),
    );
    step(
      `${pm}: aiuta's AuthenticationError is instanceof auth's SignetError`,
      outcome.authenticationError && outcome.instanceofSignetError,
    );
    return { dir, signature: outcome.signature };
  } catch (error) {
    step(`${pm}: example runs against the mock server`, false, error.message);
    return { dir, signature: undefined };
  }
}

async function runtimes(consumerDir, nodeSignature) {
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

async function main() {
  const packages = publicPackages();
  const versions = new Map(packages.map((p) => [p.manifest.name, p.manifest.version]));
  step('tools (Verdaccio, Deno, Bun)', true, await installTools());
  if (!process.argv.includes('--no-build')) {
    await run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
    step('build', true);
  }
  const registry = await startRegistry();
  step('Verdaccio on 127.0.0.1', true, registry.url);

  // Release X: exactly what the release workflow runs, pointed at the local registry.
  const registryEnv = {
    NPM_CONFIG_USERCONFIG: registry.npmrc,
    npm_config_registry: `${registry.url}/`,
    'npm_config_@signet:registry': `${registry.url}/`,
  };
  const publishLog = await run(join(root, 'node_modules/.bin/changeset'), ['publish', '--no-git-tag'], { env: registryEnv });
  const published = [];
  for (const [name, version] of versions) {
    const packument = await (await fetch(`${registry.url}/${name.replace('/', '%2f')}`)).json();
    if (packument.versions?.[version]) published.push(`${name}@${version}`);
  }
  if (!step('changeset publish: every public package', published.length === versions.size, published.join(', '))) console.log(publishLog);

  // X+patch of the lower packages, as a later patch release would leave the registry.
  const byName = new Map(packages.map((p) => [p.manifest.name, p]));
  const authPatch = await publishPatch(byName.get('@signet/auth'), registry);
  const corePatch = await publishPatch(byName.get('@signet/client-core'), registry);
  step('patch releases published', true, `@signet/auth@${authPatch}, @signet/client-core@${corePatch}`);

  const mixed = { aiuta: versions.get('@signet/aiuta'), auth: authPatch };
  const npmConsumer = await consumer('npm', registry, versions, mixed);
  await consumer('pnpm', registry, versions, mixed);
  await runtimes(npmConsumer.dir, npmConsumer.signature);
}

const timer = setTimeout(() => {
  step(`finished within ${LIMIT_MS / 60_000} minutes`, false);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, LIMIT_MS);
try {
  await main();
} catch (error) {
  step('registry e2e', false, error instanceof Error ? error.message : String(error));
} finally {
  clearTimeout(timer);
  for (const child of children) child.kill();
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  const failed = results.filter((r) => !r.ok).length;
  console.log(`registry e2e (${((Date.now() - started) / 1000).toFixed(0)} s): ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
