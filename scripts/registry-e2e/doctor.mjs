// The doctor as someone without the repository reaches it: from an empty folder, with nothing
// installed, `npx @signet/auth doctor` and `npx -p @signet/auth signet-auth doctor` fetch the package
// from the registry and explain a signature made here with node:crypto; and what a VidAU 401 from
// the installed client says, followed as written, checks the key that signed it.
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { run, step, work } from './job.mjs';

const cache = join(work, 'npx-cache');

/** npx's environment: @signet from the local registry, a cache of its own, no workspace bin on the PATH. */
function npxEnv(registry, extra) {
  return {
    // `pnpm test` puts the repository's bins on the PATH: npx must fetch the package instead.
    PATH: (process.env.PATH ?? '')
      .split(delimiter)
      .filter((entry) => !entry.includes('node_modules'))
      .join(delimiter),
    'npm_config_@signet:registry': `${registry.url}/`,
    // Nothing from an earlier run or another install is reused.
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

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
  const env = npxEnv(registry, { VIDAU_CLIENT_ID: clientId, VIDAU_AUTH_KEY: authKey });
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

/** Signs with a wrong key against the mock, saves the 401 as its message says, and runs what it says. */
const refusedScript = `import { writeFile } from 'node:fs/promises';
import { startMockServer } from '@signet/mock-server';
import { createVidauClient, errors } from '@signet/vidau';

const mock = await startMockServer();
try {
  const request = {
    webhook_url: 'https://example.com/vidau-hook',
    params: { voice_id: 'voice-1', avatar_id: 7, text: 'Grüße, signet', language: 'German' },
  };
  const vidau = createVidauClient({ clientId: mock.credentials.vidau.clientId, authKey: 'not-the-key', baseUrl: mock.baseUrls.vidau });
  const error = await vidau.createAvatarVideo(request).catch((caught) => caught);
  if (!(error instanceof errors.AuthenticationError)) throw error;
  await writeFile(process.argv[2] + '/error.json', JSON.stringify(error));
  await writeFile(process.argv[2] + '/body.json', JSON.stringify(request));
  console.log(JSON.stringify({ message: error.message, authKey: mock.credentials.vidau.authKey }));
} finally {
  await mock.close();
}
`;

export async function doctorFromError(registry, consumerDir) {
  const dir = join(work, 'refused');
  mkdirSync(dir);
  writeFileSync(join(consumerDir, 'refused.mjs'), refusedScript);
  const label = 'a VidAU 401 from the installed client, checked as its message says';
  try {
    const { message, authKey } = JSON.parse(
      (await run(process.execPath, ['refused.mjs', dir], { cwd: consumerDir })).trim().split('\n').pop(),
    );
    const command = ['--yes', '@signet/auth', 'doctor', '--from-error', 'error.json', '--body', 'body.json'];
    const said = message.includes('JSON.stringify(error) as error.json') && message.includes(`npx ${command.slice(1).join(' ')}`);
    const withKeyUsed = await run('npx', command, { cwd: dir, env: npxEnv(registry, { VIDAU_AUTH_KEY: 'not-the-key' }) });
    const withRealKey = await run('npx', command, { cwd: dir, env: npxEnv(registry, { VIDAU_AUTH_KEY: authKey }) }).then(
      (output) => `exit 0: ${output}`,
      (error) => error.message,
    );
    const matched = withKeyUsed.includes('✓ matches with the key you gave');
    const refusedOther = withRealKey.includes('failed (1)') && withRealKey.includes('✗ does not match');
    step(label, said && matched && refusedOther, said ? `the key used matches: ${matched}; another does not: ${refusedOther}` : message);
  } catch (error) {
    step(label, false, error.message);
  }
}
