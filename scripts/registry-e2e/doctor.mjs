// The doctor as someone without the repository reaches it: from an empty folder, with nothing
// installed, `npx @signet/auth doctor` and `npx -p @signet/auth signet-auth doctor` fetch the package
// from the registry and explain a signature made here with node:crypto.
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { run, step, work } from './job.mjs';

/** The versions of @signet/auth that npx installed into its cache. */
function fetchedVersions(cache) {
  const npx = join(cache, '_npx');
  if (!existsSync(npx)) return [];
  return readdirSync(npx)
    .map((hash) => join(npx, hash, 'node_modules/@signet/auth/package.json'))
    .filter((manifest) => existsSync(manifest))
    .map((manifest) => JSON.parse(readFileSync(manifest, 'utf8')).version);
}

export async function doctorFromEmptyFolder(registry) {
  const dir = join(work, 'empty-folder');
  mkdirSync(dir);
  const [clientId, authKey, timestamp] = ['client-1', 'doctor-e2e-key', 1723515690000];
  const body = '{"b":null,"a":1.50}';
  const signature = createHmac('sha256', authKey).update(`${clientId}{"a":1.50}${timestamp}`).digest('base64');
  const cache = join(work, 'npx-cache');
  const env = {
    // No workspace bin on the PATH (`pnpm test` puts the repository's there): npx must fetch one.
    PATH: (process.env.PATH ?? '')
      .split(delimiter)
      .filter((entry) => !entry.includes('node_modules'))
      .join(delimiter),
    'npm_config_@signet:registry': `${registry.url}/`,
    // A cache of its own: nothing from an earlier run or another install is reused.
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
    VIDAU_CLIENT_ID: clientId,
    VIDAU_AUTH_KEY: authKey,
  };
  const doctorArgs = ['doctor', '--body', '-', '--timestamp', String(timestamp), '--signature', signature];
  for (const prefix of [['@signet/auth'], ['-p', '@signet/auth', 'signet-auth']]) {
    const label = `npx ${prefix.join(' ')} doctor, from an empty folder`;
    try {
      const output = await run('npx', ['--yes', ...prefix, ...doctorArgs], { cwd: dir, env, input: body });
      const matched = output.includes(`received signature  ${signature}  ✓ matches with the key you gave`);
      const untouched = readdirSync(dir).length === 0;
      const fetched = fetchedVersions(cache);
      const detail = !matched
        ? output
        : !untouched
          ? `left ${readdirSync(dir).join(', ')}`
          : `matches, exit 0, ran @signet/auth ${fetched}`;
      step(label, matched && untouched && fetched.length > 0, detail);
    } catch (error) {
      step(label, false, error.message);
    }
  }
}
