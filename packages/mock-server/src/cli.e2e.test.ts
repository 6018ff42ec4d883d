import { type ChildProcess, spawn } from 'node:child_process';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { createVidauClient } from '@signet/vidau';
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from './index.js';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/** Starts the built `signet-mock` bin and reads the base URLs it prints. */
function startCli(args: string[]): Promise<{ aiuta: string; vidau: string; output: () => string }> {
  const started = spawn(process.execPath, [new URL('../bin/signet-mock.js', import.meta.url).pathname, ...args], { stdio: 'pipe' });
  child = started;
  let output = '';
  return new Promise((resolve, reject) => {
    started.on('error', reject);
    started.on('exit', (code) => reject(new Error(`signet-mock exited ${code}: ${output}`)));
    started.stderr?.on('data', (data) => {
      output += data;
    });
    started.stdout?.on('data', (data) => {
      output += data;
      const [aiuta, vidau] = [...output.matchAll(/baseUrl (\S+)/g)].map((m) => m[1]);
      if (aiuta && vidau && output.includes('Ctrl-C')) resolve({ aiuta, vidau, output: () => output });
    });
  });
}

describe('the signet-mock CLI', () => {
  it('serves both APIs to real clients, and stops on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--vidau-dialect', 'python']);
    expect(cli.output()).toContain('signatures checked in the python dialect');
    const aiuta = createAiutaClient({ auth: apiKeyAuth(MOCK_CREDENTIALS.aiuta.apiKey), baseUrl: cli.aiuta });
    expect((await aiuta.listPredefinedModels()).modified).toBe(true);
    const vidau = createVidauClient({ ...MOCK_CREDENTIALS.vidau, baseUrl: cli.vidau, dialect: 'python' });
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

  it('refuses an unknown dialect', async () => {
    await expect(startCli(['--port', '0', '--vidau-dialect', 'ruby'])).rejects.toThrowError(
      /exited 2: --vidau-dialect must be java or python/,
    );
  });
});
