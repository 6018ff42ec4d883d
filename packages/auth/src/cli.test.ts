import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CliIo, EXIT, main } from './cli.js';
import { signVidau } from './index.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const clientId = 'client-1';
const authKey = 'cli-SECRET-key';
const timestamp = 1723515690000;
const body = '{"b":null,"a":1.50,"n":"é"}';
const canonical = '{"a":1.50,"n":"é"}';

/** Runs main with captured output and the given files; credentials set unless `env` says otherwise. */
async function run(argv: string[], io: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const files: Record<string, string> = { 'body.json': body };
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { VIDAU_CLIENT_ID: clientId, VIDAU_AUTH_KEY: authKey },
    readFile: (path) => {
      const content = path === 0 ? files['-'] : files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return content;
    },
    now: () => timestamp,
    ...io,
  });
  return { code, stdout, stderr };
}

/** A user mistake: exit 2, one line on stderr naming the help to read, no stack, no secret. */
function expectUsageError(result: { code: number; stdout: string; stderr: string }, fragment: string) {
  expect(result.code).toBe(EXIT.usage);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(fragment);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/\(see signet( doctor)? --help\)\n$/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain(authKey);
}

describe('signet --help and --version', () => {
  it.each([['--help'], ['-h'], ['help']])('%s prints the command list and exits 0', async (flag) => {
    const result = await run([flag]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('usage: signet <command>');
    expect(result.stdout).toContain('doctor');
  });

  it.each([
    ['doctor', '--help'],
    ['doctor', '-h'],
    ['help', 'doctor'],
    ['doctor', '--body', 'x.json', '--help'],
  ])('signet %s %s prints the doctor help and exits 0', async (...argv) => {
    const result = await run(argv);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('usage: signet doctor --body');
    expect(result.stdout).toContain('VIDAU_AUTH_KEY');
  });

  it.each([[['--version']], [['doctor', '--version']]])('%j prints the package version', async (argv) => {
    expect(await run(argv)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('signet usage errors', () => {
  it.each([
    [[], 'signet: missing command'],
    [['sign'], 'signet: unknown command "sign"'],
    [['help', 'sign'], 'signet: unknown command "sign"'],
    [['--nope'], 'signet: unknown option --nope'],
    [['doctor', '--nope'], 'signet doctor: unknown option --nope'],
    [['doctor', '--body'], 'signet doctor: --body needs a value'],
    [['doctor', 'body.json'], 'signet doctor: unexpected argument body.json'],
    [['doctor'], 'signet doctor: --body is required'],
    [['doctor', '--body', 'body.json', '--timestamp', '1723515690'], undefined],
    [
      ['doctor', '--body', 'body.json', '--timestamp', '12.5'],
      'signet doctor: --timestamp must be an integer number of milliseconds, got "12.5"',
    ],
    [['doctor', '--body', 'body.json', '--timestamp', 'now'], 'got "now"'],
    [['doctor', '--body', 'body.json', '--dialect', 'go'], 'signet doctor: --dialect is java or python, got "go"'],
    [['doctor', '--body', 'missing.json'], 'signet doctor: cannot read missing.json: ENOENT'],
  ])('%j', async (argv, message) => {
    const result = await run(argv);
    if (message === undefined) expect(result.code).toBe(EXIT.ok);
    else expectUsageError(result, message);
  });

  it('names each missing credential and never prints the one that is set', async () => {
    expectUsageError(
      await run(['doctor', '--body', 'body.json'], { env: {} }),
      'set VIDAU_CLIENT_ID and VIDAU_AUTH_KEY in the environment',
    );
    expectUsageError(
      await run(['doctor', '--body', 'body.json'], { env: { VIDAU_CLIENT_ID: clientId, VIDAU_AUTH_KEY: '' } }),
      'set VIDAU_AUTH_KEY in the environment',
    );
    expectUsageError(await run(['doctor', '--body', 'body.json'], { env: { VIDAU_AUTH_KEY: authKey } }), 'set VIDAU_CLIENT_ID in');
  });
});

describe('signet doctor', () => {
  it('exits 0 when the received signature matches, 1 when it does not, and never prints the key', async () => {
    const expected = await signVidau({ clientId, authKey, body: canonical, timestamp });
    const match = await run(['doctor', '--body', 'body.json', '--timestamp', String(timestamp), '--signature', expected]);
    expect(match.code).toBe(EXIT.ok);
    expect(match.stdout).toContain(`canonical body      ${canonical}`);
    expect(match.stdout).toContain(`expected signature  ${expected}`);
    expect(match.stdout).toContain('✓ matches');

    const received = await signVidau({ clientId, authKey, body: '{"a":1.50,"b":null,"n":"é"}', timestamp });
    const mismatch = await run(['doctor', '--body', 'body.json', '--timestamp', String(timestamp), '--signature', received]);
    expect(mismatch.code).toBe(EXIT.failed);
    expect(mismatch.stdout).toContain('explained by nulls');
    for (const result of [match, mismatch]) expect(result.stdout + result.stderr).not.toContain(authKey);
  });

  it('reads the body from standard input with --body -, and uses the clock without --timestamp', async () => {
    const expected = await signVidau({ clientId, authKey, body: canonical, timestamp });
    const result = await run(['doctor', '--body', '-'], {
      readFile: (path) => {
        if (path !== 0) throw new Error('expected standard input');
        return body;
      },
    });
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain(`expected signature  ${expected}`);
  });

  it('exits 1 with the reason when the body cannot be signed', async () => {
    const result = await run(['doctor', '--body', '-'], { readFile: () => '[1, 2]' });
    expect(result.code).toBe(EXIT.failed);
    expect(result.stdout).toContain('canonical body      none:');
  });

  it('reports a bug in one line with exit 70, the stack only with SIGNET_DEBUG', async () => {
    const boom = () => {
      throw new TypeError('boom');
    };
    const quiet = await run(['doctor', '--body', 'body.json'], { now: boom });
    expect(quiet.code).toBe(EXIT.internal);
    expect(quiet.stderr).toBe('signet: internal error: TypeError: boom (set SIGNET_DEBUG=1 for the stack)\n');
    const debug = await run(['doctor', '--body', 'body.json'], {
      now: boom,
      env: { VIDAU_CLIENT_ID: clientId, VIDAU_AUTH_KEY: authKey, SIGNET_DEBUG: '1' },
    });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('bin/signet.js (child process)', () => {
  const bin = fileURLToPath(new URL('../bin/signet.js', import.meta.url));
  const spawn = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [bin, ...args], { input: body, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

  it('prints the version and help, and exits 2 with one line for a usage error', () => {
    expect(spawn(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect(spawn(['doctor', '--help'])).toMatchObject({ status: 0, stderr: '' });
    const bad = spawn(['doctor', '--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('signet doctor: unknown option --bogus (see signet doctor --help)\n');
  });

  it('signs from standard input with the environment credentials', async () => {
    const expected = await signVidau({ clientId, authKey, body: canonical, timestamp });
    const result = spawn(['doctor', '--body', '-', '--timestamp', String(timestamp), '--signature', expected], {
      VIDAU_CLIENT_ID: clientId,
      VIDAU_AUTH_KEY: authKey,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✓ matches');
  });
});
