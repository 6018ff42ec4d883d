import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordingFetch } from '@signet/client-core/testing';
import { describe, expect, it } from 'vitest';
import { createVidauClient, errors } from './index.js';

const credentials = { clientId: 'client-1', authKey: 'vidau-SECRET-key' };
const T0 = 1_795_392_000_000;
const createRequest = {
  webhook_url: 'https://example.com/hook',
  params: { voice_id: 'v-1', avatar_id: 7, text: 'Héllo', language: 'English' },
};
const unauthorized = () => new Response(null, { status: 401 });

/** The 401 a client with these options ends in, and what it sent for it. */
async function refused(options: Partial<Parameters<typeof createVidauClient>[0]> = {}, answer = unauthorized) {
  const io = recordingFetch([answer, answer, answer]);
  const vidau = createVidauClient({ ...credentials, fetch: io.fetch, now: () => T0, ...options });
  const error = await vidau.createAvatarVideo(createRequest).catch((caught: unknown) => caught);
  const sent = io.requests.at(-1)?.request;
  if (sent === undefined) throw new Error('nothing was sent');
  return { error: error as InstanceType<typeof errors.AuthenticationError>, sent, body: await sent.clone().text() };
}

describe('a 401 carries how the request was signed', () => {
  it('as `signing`: what was sent (headers, SHA-256 of the body), the dialect and charset, and no secret', async () => {
    const { error, sent, body } = await refused();
    expect(error).toBeInstanceOf(errors.AuthenticationError);
    expect(error).toMatchObject({ method: 'POST', path: '/openapi/v1.0/avatar/video/create' });
    expect(error.signing).toEqual({
      clientId: 'client-1',
      timestamp: T0,
      bodySha256: createHash('sha256').update(body, 'utf8').digest('base64'),
      signature: sent.headers.get('authorization'),
      dialect: 'java',
      charset: 'UTF-8',
    });
    expect(sent.headers.get('timestamp')).toBe(String(T0));
    expect(JSON.stringify(error)).toContain('"signing":{');
    expect(JSON.stringify(error)).not.toContain(credentials.authKey);
  });

  it('says in its message how to check it, and names includeAuthKey unless the key was sent', async () => {
    const { error } = await refused();
    expect(error.message).toContain('try includeAuthKey: true');
    expect(error.message).toContain('save JSON.stringify(error) as error.json and the body as body.json');
    expect(error.message).toContain('npx @signet/auth doctor --from-error error.json --body body.json` with VIDAU_AUTH_KEY set');
    const withKey = await refused({ includeAuthKey: true });
    expect(withKey.error.message).not.toContain('includeAuthKey');
    expect(withKey.error.message).toContain('--from-error');
  });

  it('also for a 401 inside a 200 envelope, with the charset the client signs under', async () => {
    const wrapped = () => Response.json({ code: 401, msg: 'signature error', data: null });
    const { error } = await refused({ charset: 'ISO-8859-1' }, wrapped);
    expect(error).toBeInstanceOf(errors.AuthenticationError);
    expect(error.signing).toMatchObject({ charset: 'ISO-8859-1', timestamp: T0 });
  });

  it('is what the doctor reads: it matches with the key used, and not with another', async () => {
    const { error, body } = await refused();
    const dir = mkdtempSync(join(tmpdir(), 'vidau-signing-'));
    try {
      writeFileSync(join(dir, 'error.json'), JSON.stringify(error));
      writeFileSync(join(dir, 'body.json'), JSON.stringify(createRequest));
      const bin = createRequire(import.meta.url)
        .resolve('@signet/auth/package.json')
        .replace(/package\.json$/, 'bin/signet-auth.js');
      const doctor = (authKey: string) =>
        spawnSync(process.execPath, [bin, 'doctor', '--from-error', 'error.json', '--body', 'body.json'], {
          cwd: dir,
          env: { PATH: process.env.PATH, VIDAU_AUTH_KEY: authKey },
          encoding: 'utf8',
        });
      const right = doctor(credentials.authKey);
      expect(right.stdout).toContain('request             POST /openapi/v1.0/avatar/video/create, sent 2026-11-23T');
      expect(right.stdout).toContain(`canonical body      ${body}`);
      expect(right.stdout).toContain('✓ matches with the key you gave');
      expect(right.status).toBe(0);
      const wrong = doctor('another-key');
      expect(wrong.stdout).toContain('✗ does not match');
      expect(wrong.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
