// The test tools from the command line: faults and seeds at start, record and replay, and `webhook send`.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { createVidauClient } from '@signet/vidau';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli } from './cli.test-support.js';
import { MOCK_CREDENTIALS, type MockRecording, startMockServer } from './index.js';
import { cleanups, webhookReceiver } from './modes.test-support.js';
import { SEED } from './seed.test-support.js';

const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Hello', language: 'English' };
const dir = mkdtempSync(join(tmpdir(), 'signet-mock-cli-'));
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

async function start(args: string[]) {
  const cli = await startCli(['--port', '0', ...args]);
  children.push(cli.process);
  return cli;
}

const stopped = (child: ChildProcess) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

describe('signet-mock, the test tools', () => {
  it('--fault and --seed shape the mock it starts', async () => {
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(SEED));
    const cli = await start(['--seed', seedFile, '--fault', '{"api":"aiuta","operationId":"getOperation","status":503,"times":1}']);
    const aiuta = createAiutaClient({ auth: apiKeyAuth(MOCK_CREDENTIALS.aiuta.apiKey), baseUrl: cli.aiuta, maxRetries: 0 });
    await expect(aiuta.getOperation('sku_op-done')).rejects.toMatchObject({ status: 503 });
    expect(await aiuta.getOperation('sku_op-done')).toMatchObject({ status: 'SUCCESS' });
  });

  it.each([
    [['--fault', '{"api":"aiuta","status":'], /^signet-mock: --fault takes a JSON object, not /],
    [['--fault', '{"api":"aiuta","kind":"explode"}'], /^signet-mock: kind: must be one of reset, stall, truncate, malformed-json\n$/],
    [['--seed', '/nonexistent/seed.json'], /^signet-mock: --seed \/nonexistent\/seed.json: cannot read it \(ENOENT\)\n$/],
    [['--record', 'out.json'], /^signet-mock: --record needs --upstream NAME=URL\n$/],
    [['--upstream', 'vidau'], /^signet-mock: --upstream takes NAME=URL/],
  ])('%j: one line on stderr, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli(['--port', '0', ...args]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(message);
  });

  it('a bad seed file is refused at start, naming the field', async () => {
    const seedFile = join(dir, 'bad-seed.json');
    writeFileSync(seedFile, JSON.stringify({ vidau: { tasks: [{ task_id: 't' }] } }));
    const { code, stderr } = await runCli(['--port', '0', '--seed', seedFile]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: "signet-mock: seed.vidau.tasks[0].webhook_url: must have required property 'webhook_url'\n",
    });
  });

  it('--upstream and --record write what went through on stop, and --replay answers it', async () => {
    const real = await startMockServer({ video: { renderMs: 0 } });
    cleanups.push(() => real.close());
    const file = join(dir, 'recording.json');
    const proxy = await start(['--upstream', `vidau=${real.baseUrls.vidau}`, '--record', file]);
    const task = await createVidauClient({ ...MOCK_CREDENTIALS.vidau, baseUrl: proxy.vidau }).createAvatarVideo({
      webhook_url: 'http://127.0.0.1:9/hook',
      params: PARAMS,
    });
    expect(await stopped(proxy.process)).toBe(0);
    const recording = JSON.parse(readFileSync(file, 'utf8')) as MockRecording;
    expect(recording.exchanges).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).not.toContain(MOCK_CREDENTIALS.vidau.authKey);

    const replay = await start(['--replay', file]);
    const again = await createVidauClient({ ...MOCK_CREDENTIALS.vidau, baseUrl: replay.vidau }).createAvatarVideo({
      webhook_url: 'http://127.0.0.1:9/hook',
      params: PARAMS,
    });
    expect(again).toEqual(task);
  });

  it('webhook send tells a running mock to send a task’s webhook, duplicated and out of order', async () => {
    const { url: hook, received } = await webhookReceiver();
    // A seeded task that is done: it sends no webhook of its own, so the sink gets only what is asked for.
    const seedFile = join(dir, 'task-seed.json');
    writeFileSync(seedFile, JSON.stringify({ vidau: { tasks: [{ task_id: 'task-seeded', webhook_url: hook, params: PARAMS }] } }));
    const cli = await start(['--seed', seedFile]);

    const sent = await runCli(['webhook', 'send', '--url', cli.url, '--task-id', 'task-seeded', '--duplicates', '1', '--out-of-order']);
    expect([sent.code, sent.stderr]).toEqual([0, '']);
    expect(
      (JSON.parse(sent.stdout) as { status: number; payload: { task_status: number } }[]).map((d) => [d.status, d.payload.task_status]),
    ).toEqual([
      [204, 1],
      [204, 1],
      [204, 0],
    ]);
    expect(received).toHaveLength(3);

    const unknown = await runCli(['webhook', 'send', '--url', cli.url, '--task-id', 'task-none']);
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'signet-mock: task_id: no task "task-none"\n' });
    const nobody = await runCli(['webhook', 'send', '--url', 'http://127.0.0.1:9', '--task-id', 'x']);
    expect([nobody.code, nobody.stderr]).toEqual([
      1,
      'signet-mock: no mock answers at http://127.0.0.1:9 (start one with signet-mock, or give --url)\n',
    ]);
    expect((await runCli(['webhook', 'send', '--duplicates', 'two'])).stderr).toBe(
      'signet-mock: --duplicates: must be a whole number, not "two"\n',
    );
    expect((await runCli(['webhook', 'push'])).stderr).toBe(
      'signet-mock: webhook takes one command: send (see signet-mock webhook send --help)\n',
    );
  });

  it('lists the tools and the commands in --help, and each command’s options in its own', async () => {
    const { stdout } = await runCli(['--help']);
    for (const option of ['--fault JSON', '--seed FILE', '--upstream NAME=URL', '--record FILE', '--replay FILE', 'webhook send'])
      expect(stdout).toContain(option);
    const send = await runCli(['webhook', 'send', '--help']);
    expect(send.code).toBe(0);
    for (const option of ['--task-id VALUE', '--status VALUE', '--webhook-url VALUE', '--duplicates N', '--out-of-order'])
      expect(send.stdout).toContain(option);
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
