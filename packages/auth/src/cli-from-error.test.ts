import { describe, expect, it } from 'vitest';
import { gbk } from './charsets.js';
import { EXIT, main } from './cli.js';
import { canonicalJson, signVidau, vidauSigningRecord } from './index.js';
import { python } from './python.js';

const clientId = 'client-1';
const authKey = 'from-error-SECRET';
const timestamp = 1723515690000;
const body = '{"b":null,"a":1.50,"n":"é"}';
const canonical = '{"a":1.50,"n":"é"}';

/** Runs `doctor --body body.json --from-error error.json` with the files and environment given. */
interface DoctorRun {
  readonly env?: Record<string, string>;
  readonly files?: Record<string, string>;
  readonly args?: string[];
}

async function doctor(signing: unknown, { env = { VIDAU_AUTH_KEY: authKey }, files = {}, args = [] }: DoctorRun = {}) {
  let stdout = '';
  let stderr = '';
  const all: Record<string, string> = { 'body.json': body, 'error.json': JSON.stringify(signing), ...files };
  const code = await main(['doctor', '--body', 'body.json', '--from-error', 'error.json', ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    readFile: (path) => {
      const content = typeof path === 'string' ? all[path] : undefined;
      if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return content;
    },
    now: () => 0,
  });
  return { code, stdout, stderr };
}

/** What the VidAU client records for a request it signed with `key`. */
const signedWith = async (key: string, options: { dialect?: typeof python; charset?: typeof gbk; sent?: string } = {}) => {
  const sent = options.sent ?? canonical;
  const signature = await signVidau({ clientId, authKey: key, body: sent, timestamp, ...options });
  return vidauSigningRecord({ clientId, timestamp, body: sent, signature, ...options });
};

describe('signet-auth doctor --from-error', () => {
  it('checks the signature sent against the key given, with the record’s client id, timestamp and dialect', async () => {
    const path = '/openapi/v1.0/avatar/video/create';
    const result = await doctor({ code: 'ERR_API', status: 401, method: 'POST', path, signing: await signedWith(authKey) });
    expect(result).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(result.stdout).toContain(
      'request             POST /openapi/v1.0/avatar/video/create, sent 2024-08-13T02:21:30.000Z as client client-1',
    );
    expect(result.stdout).toContain(`string to sign      client-1${canonical}${timestamp}`);
    expect(result.stdout).toContain('✓ matches with the key you gave; if the server still refuses, the key itself is wrong');
    expect(result.stdout + result.stderr).not.toContain(authKey);
  });

  it('says the key given is not the one the request was signed with', async () => {
    const result = await doctor(await signedWith('another-key'));
    expect(result.code).toBe(EXIT.failed);
    expect(result.stdout).toContain('✗ does not match');
    expect(result.stdout).toContain('check the auth key: it is not the one the request was signed with');
  });

  it('refuses to compare when the body given is not the one sent', async () => {
    const result = await doctor(await signedWith(authKey, { sent: '{"a":1.5,"n":"é"}' }));
    expect(result.code).toBe(EXIT.failed);
    expect(result.stdout).toContain('✗ not the body that was sent');
    expect(result.stdout).not.toContain('expected signature');
  });

  it('signs under the record’s dialect and charset, an imported one included', async () => {
    const record = await signedWith(authKey, { dialect: python, charset: gbk, sent: canonicalJson(body, { dialect: python }) });
    const result = await doctor(record);
    expect(result.stdout).toContain('dialect             python, charset GBK');
    expect(result).toMatchObject({ code: EXIT.ok });
  });

  it('reads a record on its own too', async () => {
    const result = await doctor(await signedWith(authKey));
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('request             sent 2024-08-13T02:21:30.000Z as client client-1');
  });

  it('warns when VIDAU_CLIENT_ID names another client than the one the request was sent as', async () => {
    const result = await doctor(await signedWith(authKey), { env: { VIDAU_AUTH_KEY: authKey, VIDAU_CLIENT_ID: 'client-2' } });
    expect(result.code).toBe(EXIT.failed);
    expect(result.stderr).toContain('warning: VIDAU_CLIENT_ID is not the client id the request was sent with (client-1)');
    expect(result.stdout).toContain('✓ matches');
  });

  it.each([
    [['--timestamp', '1'], '--timestamp comes from --from-error: leave it out'],
    [['--signature', 'x'], '--signature comes from --from-error: leave it out'],
  ])('refuses %j beside it', async (args, message) => {
    const result = await doctor(await signedWith(authKey), { args });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain(message);
  });

  it.each([
    [
      { status: 401, signing: { clientId, timestamp, signature: 'x' } },
      'signet-auth doctor: --from-error error.json: bodySha256 is missing or malformed',
    ],
    ['not json', 'signet-auth doctor: --from-error error.json: it is not JSON'],
  ])('names what is wrong with the file', async (signing, message) => {
    const files = typeof signing === 'string' ? { 'error.json': signing } : {};
    const result = await doctor(signing, { files });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain(message);
  });

  it('needs only VIDAU_AUTH_KEY from the environment', async () => {
    const result = await doctor(await signedWith(authKey), { env: {} });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('set VIDAU_AUTH_KEY in the environment');
  });
});
