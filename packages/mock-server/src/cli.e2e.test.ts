import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { createAiutaUnifiedClient } from '@signet/aiuta-unified';
import { createVidauClient, python } from '@signet/vidau';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli as startBin } from './cli.test-support.js';
import { MOCK_CREDENTIALS } from './index.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let child: ChildProcess | undefined;
let blocker: Server | undefined;
/** Starts the built `signet-mock` bin and reads the base URLs it prints. */
async function startCli(args: string[]) {
  const started = await startBin(args);
  child = started.process;
  return started;
}

afterEach(async () => {
  child?.kill('SIGTERM');
  child = undefined;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
});

describe('the signet-mock CLI', () => {
  it('serves all three APIs on 127.0.0.1 to real clients, and stops on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--vidau-dialect', 'python']);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.output()).toContain('signatures checked in the python dialect');
    const aiuta = createAiutaClient({ auth: apiKeyAuth(MOCK_CREDENTIALS.aiuta.apiKey), baseUrl: cli.aiuta });
    expect((await aiuta.listPredefinedModels()).modified).toBe(true);
    const unified = createAiutaUnifiedClient({ auth: apiKeyAuth(MOCK_CREDENTIALS.aiuta.apiKey), baseUrl: cli.unified });
    expect(cli.unified).toBe(`${cli.url}/v1`);
    expect((await unified.skuItems.listPage()).total).toBe(0);
    const vidau = createVidauClient({ ...MOCK_CREDENTIALS.vidau, baseUrl: cli.vidau, dialect: python });
    const task = await vidau.createAvatarVideo({
      webhook_url: 'http://127.0.0.1:9/hook',
      params: { voice_id: 'v', avatar_id: 7, text: 'Grüße 😀', language: 'English' },
    });
    expect(task.task_status).toBe(0);
    // A java-dialect client signs non-ASCII raw; the python-dialect server signs it \\u-escaped: refused.
    const java = createVidauClient({ ...MOCK_CREDENTIALS.vidau, baseUrl: cli.vidau });
    await expect(
      java.createAvatarVideo({
        webhook_url: 'http://127.0.0.1:9/hook',
        params: { text: 'Grüße', voice_id: 'v', avatar_id: 7, language: 'English' },
      }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(java.getTaskInfo(task.task_id ?? '')).resolves.toMatchObject({ task_id: task.task_id }); // ASCII: the same bytes in both
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
  });

  it.each([['--help'], ['-h'], ['--port', 'nonsense', '--help']])(
    '%s prints the usage and exits 0 without starting a server',
    async (...args) => {
      const { code, stdout, stderr } = await runCli(args);
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout).toMatch(/^Usage: signet-mock \[options\]/);
      for (const option of ['--port', '--host', '--allow-remote', '--vidau-dialect', '--max-body-bytes', '--version'])
        expect(stdout).toContain(option);
      expect(stdout).not.toContain('server on');
    },
  );

  it('--version prints the package version and exits 0', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it.each([
    [['--bogus'], 'signet-mock: unknown option --bogus (see --help)'],
    [['--port'], 'signet-mock: --port needs a value'],
    [['--port', 'abc'], 'signet-mock: --port must be an integer from 0 to 65535, not "abc"'],
    [['--port', '70000'], 'signet-mock: --port must be an integer from 0 to 65535, not "70000"'],
    [['--port', '-1'], 'signet-mock: --port needs a value'],
    [['serve'], 'signet-mock: unexpected argument "serve" (see --help)'],
    [['--help=yes'], 'signet-mock: --help takes no value'],
    [['--vidau-dialect', 'ruby'], 'signet-mock: --vidau-dialect must be java or python, not "ruby"'],
    [['--max-body-bytes', '0'], 'signet-mock: --max-body-bytes must be an integer from 1 to 9007199254740991, not "0"'],
    [
      ['--host', '0.0.0.0'],
      'signet-mock: --host 0.0.0.0 is not a loopback address; add --allow-remote to let other machines reach the mock',
    ],
    [
      ['--host', '192.0.2.10', '--port', '0'],
      'signet-mock: --host 192.0.2.10 is not a loopback address; add --allow-remote to let other machines reach the mock',
    ],
  ])('%j: one line on stderr, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('refuses a bad $PORT the same way', async () => {
    expect(await runCli([], { PORT: 'eighty' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'signet-mock: $PORT must be an integer from 0 to 65535, not "eighty"\n',
    });
  });

  it('names a busy port in one line and exits 1', async () => {
    const busy = createServer();
    blocker = busy;
    const port = await new Promise<number>((resolve) => {
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port));
    });
    expect(await runCli(['--port', String(port)])).toEqual({
      code: 1,
      stdout: '',
      stderr: `signet-mock: port ${port} on 127.0.0.1 is already in use; pick another with --port (0 for any free port)\n`,
    });
  });

  it('says in one line when --host is no address of this machine', async () => {
    const { code, stderr } = await runCli(['--host', '192.0.2.10', '--allow-remote', '--port', '0']);
    expect({ code, stderr }).toEqual({ code: 1, stderr: 'signet-mock: cannot listen on 192.0.2.10: not an address of this machine\n' });
  });

  it('listens on every interface only with --allow-remote, and says so', async () => {
    const cli = await startCli(['--host', '0.0.0.0', '--allow-remote', '--port', '0']);
    expect(cli.output()).toMatch(/listening on 0\.0\.0\.0: other machines can reach it/);
    const unified = createAiutaUnifiedClient({ auth: apiKeyAuth(MOCK_CREDENTIALS.aiuta.apiKey), baseUrl: cli.unified });
    expect((await unified.tryOnModels.list()).modified).toBe(true);
  });
});
