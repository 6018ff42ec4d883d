// The local registry: Verdaccio from this folder's tools, started on a free loopback port with no
// uplink, a user to publish as, and patch releases published from packed workspace packages.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { children, freePort, root, run, tools, work } from './job.mjs';

export async function installTools() {
  const lock = join(tools, 'package-lock.json');
  const installed = join(tools, 'node_modules/.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return 'already installed';
  await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools });
  return 'npm ci';
}

export async function startRegistry() {
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

/**
 * Release X: exactly what the release workflow runs (`changeset publish`), pointed at the local
 * registry. Resolves to the `name@version`s the registry then serves; prints the log when one is missing.
 */
export async function publishRelease(registry, versions) {
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
  if (published.length !== versions.size) console.log(publishLog);
  return published;
}

const bumpPatch = (version) => version.replace(/^(\d+)\.(\d+)\.(\d+).*$/, (_, a, b, c) => `${a}.${b}.${Number(c) + 1}`);

/** Publishes a patch of a workspace package: its packed tarball with the next patch version. */
export async function publishPatch(pkg, registry) {
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
