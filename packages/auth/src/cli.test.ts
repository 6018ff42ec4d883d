import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
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
const hmacBase64 = (key: string, message: string) => createHmac('sha256', key).update(message).digest('base64');

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
  expect(result.stderr).toMatch(/\(see signet-auth( doctor)? --help\)\n$/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain(authKey);
}

describe('signet-auth --help and --version', () => {
  it.each([['--help'], ['-h'], ['help']])('%s prints the command list and exits 0', async (flag) => {
    const result = await run([flag]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('usage: signet-auth <command>');
    expect(result.stdout).toContain('npx @signet/auth <command>');
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
    expect(result.stdout).toContain('usage: signet-auth doctor --body');
    expect(result.stdout).toContain('VIDAU_AUTH_KEY');
  });

  it.each([[['--version']], [['doctor', '--version']]])('%j prints the package version', async (argv) => {
    expect(await run(argv)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('signet-auth usage errors', () => {
  it.each([
    [[], 'signet-auth: missing command'],
    [['sign'], 'signet-auth: unknown command "sign"'],
    [['help', 'sign'], 'signet-auth: unknown command "sign"'],
    [['--nope'], 'signet-auth: unknown option --nope'],
    [['doctor', '--nope'], 'signet-auth doctor: unknown option --nope'],
    [['doctor', '--body'], 'signet-auth doctor: --body needs a value'],
    [['doctor', 'body.json'], 'signet-auth doctor: unexpected argument body.json'],
    [['doctor'], 'signet-auth doctor: --body is required'],
    [
      ['doctor', '--body', 'body.json', '--timestamp', '12.5'],
      'signet-auth doctor: --timestamp must be an integer number of milliseconds, got "12.5"',
    ],
    [['doctor', '--body', 'body.json', '--timestamp', 'now'], 'got "now"'],
    [['doctor', '--body', 'body.json', '--dialect', 'go'], 'signet-auth doctor: --dialect is java or python, got "go"'],
    [['doctor', '--body', 'missing.json'], 'signet-auth doctor: cannot read missing.json: ENOENT'],
  ])('%j', async (argv, message) => {
    expectUsageError(await run(argv), message);
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

describe('signet-auth doctor', () => {
  it('exits 0 when the received signature matches, 1 when it does not, and never prints the key', async () => {
    const expected = await signVidau({ clientId, authKey, body: canonical, timestamp });
    const match = await run(['doctor', '--body', 'body.json', '--timestamp', String(timestamp), '--signature', expected]);
    expect(match.code).toBe(EXIT.ok);
    expect(match.stdout).toContain(`canonical body      ${canonical}`);
    expect(match.stdout).toContain(`expected signature  ${expected}`);
    expect(match.stdout).toContain('✓ matches with the key you gave; if the server still refuses, the key itself is wrong');
    expect(match.stderr).toBe('');

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
    expect(quiet.stderr).toBe('signet-auth: internal error: TypeError: boom (set SIGNET_DEBUG=1 for the stack)\n');
    const debug = await run(['doctor', '--body', 'body.json'], {
      now: boom,
      env: { VIDAU_CLIENT_ID: clientId, VIDAU_AUTH_KEY: authKey, SIGNET_DEBUG: '1' },
    });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('signet-auth doctor warnings', () => {
  const doctorAt = (at: number, signature: string, env: Record<string, string>) =>
    run(['doctor', '--body', 'body.json', '--timestamp', String(at), '--signature', signature], { env });

  it('warns of a timestamp in seconds and exits 1, even when the signature over it matches', async () => {
    const seconds = Math.floor(timestamp / 1000);
    // signVidau refuses a timestamp in seconds; an app signing by hand does not.
    const sameMistake = hmacBase64(authKey, `${clientId}${canonical}${seconds}`);
    const result = await doctorAt(seconds, sameMistake, { VIDAU_CLIENT_ID: clientId, VIDAU_AUTH_KEY: authKey });
    expect(result.stdout).toContain('✓ matches');
    expect(result.code).toBe(EXIT.failed);
    expect(result.stderr).toBe(
      `signet-auth doctor: warning: --timestamp ${seconds} is in seconds (2024-08-13T02:21:30.000Z); VidAU's timestamp header is milliseconds (${seconds * 1000}), and a server refuses a request outside its time window however it is signed.\n`,
    );
  });

  it.each([
    ['a trailing newline', `${authKey}\n`, 'VIDAU_AUTH_KEY ends with a line break'],
    ['leading spaces', `  ${authKey}`, 'VIDAU_AUTH_KEY begins with spaces'],
    ['a tab and a newline around it', `\t${authKey}\r\n`, 'VIDAU_AUTH_KEY begins with whitespace and ends with a line break'],
  ])('warns of a key with %s without printing it, and exits 1 on a match made with that same key', async (_, key, warning) => {
    // What an app that signs by hand with the same untrimmed key sends.
    const signature = hmacBase64(key, `${clientId}${canonical}${timestamp}`);
    const result = await doctorAt(timestamp, signature, { VIDAU_CLIENT_ID: clientId, VIDAU_AUTH_KEY: key });
    expect(result.stdout).toContain('✓ matches');
    expect(result.code).toBe(EXIT.failed);
    expect(result.stderr).toContain(`signet-auth doctor: warning: ${warning}: no header can carry it, every signet client refuses it`);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout + result.stderr).not.toContain(authKey);
  });

  it('warns of a client id with whitespace too', async () => {
    const result = await run(['doctor', '--body', 'body.json', '--timestamp', String(timestamp)], {
      env: { VIDAU_CLIENT_ID: `${clientId} `, VIDAU_AUTH_KEY: authKey },
    });
    expect(result.code).toBe(EXIT.failed);
    expect(result.stderr).toContain('warning: VIDAU_CLIENT_ID ends with spaces');
  });
});

describe('bin/signet-auth.js (child process)', () => {
  const bin = fileURLToPath(new URL('../bin/signet-auth.js', import.meta.url));
  const spawn = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [bin, ...args], { input: body, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

  it('prints the version and help, and exits 2 with one line for a usage error', () => {
    expect(spawn(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect(spawn(['doctor', '--help'])).toMatchObject({ status: 0, stderr: '' });
    const bad = spawn(['doctor', '--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('signet-auth doctor: unknown option --bogus (see signet-auth doctor --help)\n');
  });

  it('signs from standard input with the environment credentials', async () => {
    const expected = await signVidau({ clientId, authKey, body: canonical, timestamp });
    const result = spawn(['doctor', '--body', '-', '--timestamp', String(timestamp), '--signature', expected], {
      VIDAU_CLIENT_ID: clientId,
      VIDAU_AUTH_KEY: authKey,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✓ matches with the key you gave');
  });
});
