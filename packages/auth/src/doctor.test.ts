import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnoseVidauSignature } from './doctor.js';

const clientId = 'client-1';
const authKey = 'doctor-SECRET-key';
const timestamp = 1723515690000;
const body = '{"b":null,"a":1.50,"10":1,"9":2,"n":"é"}';
/** Signatures of the mistaken strings, written out by hand and signed with node:crypto directly. */
const signed = (message: string) => createHmac('sha256', authKey).update(message).digest('base64');

describe('diagnoseVidauSignature', () => {
  it('gives the canonical body, string to sign and expected signature', async () => {
    const report = await diagnoseVidauSignature({ clientId, authKey, body, timestamp });
    expect(report.canonicalBody).toBe('{"10":1,"9":2,"a":1.50,"n":"é"}');
    expect(report.stringToSign).toBe(`client-1{"10":1,"9":2,"a":1.50,"n":"é"}1723515690000`);
    expect(report.expectedSignature).toBe(signed(`client-1{"10":1,"9":2,"a":1.50,"n":"é"}1723515690000`));
    expect(report.matches).toBeUndefined();
    expect(report.sensitiveTo).toEqual(expect.arrayContaining(['nulls', 'non-ASCII', 'number scale', 'JS object key order']));
  });

  it.each([
    ['python dialect', 'client-1{"10":1,"9":2,"a":1.5,"b":null,"n":"\\u00e9"}1723515690000'],
    ['nulls', 'client-1{"10":1,"9":2,"a":1.50,"b":null,"n":"é"}1723515690000'],
    ['non-ASCII', 'client-1{"10":1,"9":2,"a":1.50,"n":"\\u00e9"}1723515690000'],
    ['number scale', 'client-1{"10":1,"9":2,"a":1.5,"n":"é"}1723515690000'],
    ['JS object key order', 'client-1{"9":2,"10":1,"a":1.5,"b":null,"n":"é"}1723515690000'],
    ['not canonicalized', `client-1${body}1723515690000`],
    ['timestamp unit', 'client-1{"10":1,"9":2,"a":1.50,"n":"é"}1723515690'],
    ['client id', '{"10":1,"9":2,"a":1.50,"n":"é"}1723515690000'],
  ])('names %s as the cause when it reproduces the received signature', async (name, mistaken) => {
    const report = await diagnoseVidauSignature({ clientId, authKey, body, timestamp, receivedSignature: signed(mistaken) });
    expect(report.matches).toBe(false);
    expect(report.explainedBy.map((h) => h.name)).toEqual([name]);
  });

  it('confirms a correct signature and finds no cause for a random one', async () => {
    const expected = signed(`client-1{"10":1,"9":2,"a":1.50,"n":"é"}1723515690000`);
    expect((await diagnoseVidauSignature({ clientId, authKey, body, timestamp, receivedSignature: expected })).matches).toBe(true);
    const unknown = await diagnoseVidauSignature({ clientId, authKey, body, timestamp, receivedSignature: signed('something else') });
    expect(unknown.explainedBy).toEqual([]);
  });

  it('says why a body has no canonical form', async () => {
    const report = await diagnoseVidauSignature({ clientId, authKey, body: '{"a":6.8e-29}', timestamp });
    expect(report.canonicalBody).toBeUndefined();
    expect(report.problem).toMatch(/version-dependent-number/);
  });
});

describe('diagnoseVidauSignature: server settings', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  // Every charset but US-ASCII writes é or 中 as bytes of its own.
  const unicode = '{"n":"é中"}';

  it("names the server JVM's charset, and the option that fixes it, when that reproduces the signature", async () => {
    // A US-ASCII JVM signs '?' for each non-ASCII code point, of the key too: worked out by hand.
    const ascii = createHmac('sha256', latin1('doctor-SECRET-key')).update(latin1('client-1{"n":"??"}1723515690000')).digest('base64');
    const report = await diagnoseVidauSignature({ clientId, authKey, body: unicode, timestamp, receivedSignature: ascii });
    expect(report.matches).toBe(false);
    expect(report.explainedBy.map((h) => h.name)).toEqual(['US-ASCII charset']);
    expect(report.explainedBy[0]?.explanation).toContain("charset: 'US-ASCII'");
    expect(report.sensitiveTo).toEqual(expect.arrayContaining(['US-ASCII charset', 'ISO-8859-1 charset']));

    // windows-1252 writes é as ISO-8859-1 does: either server could have sent this one.
    const iso = createHmac('sha256', latin1('doctor-SECRET-key')).update(latin1('client-1{"n":"é?"}1723515690000')).digest('base64');
    const isoReport = await diagnoseVidauSignature({ clientId, authKey, body: unicode, timestamp, receivedSignature: iso });
    expect(isoReport.explainedBy.map((h) => h.name)).toEqual(['ISO-8859-1 charset', 'windows-1252 charset']);
  });

  it('names an imported charset, and where to import it from, when that reproduces the signature', async () => {
    // 中 is d6d0 in GBK and GB18030; 😀 is '?' in GBK and 9439fc36 in GB18030 (Java 17's getBytes, measured).
    const body = '{"n":"中😀"}';
    const message = (hex: string) => Buffer.concat([latin1('client-1{"n":"'), Buffer.from(hex, 'hex'), latin1('"}1723515690000')]);
    const gbk = createHmac('sha256', authKey).update(message('d6d03f')).digest('base64');
    const report = await diagnoseVidauSignature({ clientId, authKey, body, timestamp, receivedSignature: gbk });
    expect(report.explainedBy.map((h) => h.name)).toEqual(['GBK charset']);
    expect(report.explainedBy[0]?.explanation).toContain("charset: gbk (from '@signet/auth/charsets')");
    const gb18030 = createHmac('sha256', authKey).update(message('d6d09439fc36')).digest('base64');
    const other = await diagnoseVidauSignature({ clientId, authKey, body, timestamp, receivedSignature: gb18030 });
    expect(other.explainedBy.map((h) => h.name)).toEqual(['GB18030 charset']);
    expect(other.sensitiveTo).toEqual(expect.arrayContaining(['windows-1252 charset', 'Shift_JIS charset', 'Big5 charset']));
  });

  it('takes the charset the server is known to use, and then names UTF-8 as the mistake', async () => {
    const utf8 = signed('client-1{"n":"é中"}1723515690000');
    const report = await diagnoseVidauSignature({
      clientId,
      authKey,
      body: unicode,
      timestamp,
      charset: 'US-ASCII',
      receivedSignature: utf8,
    });
    expect(report.charset).toBe('US-ASCII');
    expect(report.expectedSignature).not.toBe(utf8);
    expect(report.explainedBy.map((h) => h.name)).toEqual(['UTF-8 charset']);
  });

  it('does not suspect the charset when the key and message are ASCII', async () => {
    const report = await diagnoseVidauSignature({ clientId, authKey, body: '{"a":1}', timestamp });
    expect(report.sensitiveTo).not.toContain('US-ASCII charset');
  });

  it('names the fastjson2 family a refused double came from', async () => {
    const body = '{"a":6.8e-29}';
    const newer = await diagnoseVidauSignature({
      clientId,
      authKey,
      body,
      timestamp,
      receivedSignature: signed('client-1{"a":6.799999999999999E-29}1723515690000'),
    });
    expect(newer.canonicalBody).toBeUndefined();
    expect(newer.explainedBy.map((h) => h.name)).toEqual(['fastjson2 2.0.56–2.0.66']);
    expect(newer.explainedBy[0]?.explanation).toMatch(/plain decimal/);
    const older = await diagnoseVidauSignature({
      clientId,
      authKey,
      body,
      timestamp,
      receivedSignature: signed('client-1{"a":6.8E-29}1723515690000'),
    });
    expect(older.explainedBy.map((h) => h.name)).toEqual(['fastjson2 2.0.45–2.0.55']);
  });
});

describe('signet-auth doctor (CLI)', () => {
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const env = { ...process.env, VIDAU_CLIENT_ID: clientId, VIDAU_AUTH_KEY: authKey };

  it('reads credentials from the environment and never prints the key', () => {
    const received = signed('client-1{"10":1,"9":2,"a":1.50,"b":null,"n":"é"}1723515690000');
    const run = spawnSync(process.execPath, [cli, 'doctor', '--body', '-', '--timestamp', String(timestamp), '--signature', received], {
      input: body,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('canonical body      {"10":1,"9":2,"a":1.50,"n":"é"}');
    expect(run.stdout).toContain('explained by nulls');
    expect(run.stdout + run.stderr).not.toContain(authKey);
  });

  it('exits 0 on a match and 2 without credentials', () => {
    const expected = signed(`client-1{"10":1,"9":2,"a":1.50,"n":"é"}1723515690000`);
    expect(
      execFileSync(process.execPath, [cli, 'doctor', '--body', '-', '--timestamp', String(timestamp), '--signature', expected], {
        input: body,
        env,
        encoding: 'utf8',
      }),
    ).toContain('✓ matches with the key you gave');
    const bare = spawnSync(process.execPath, [cli, 'doctor', '--body', '-'], {
      input: body,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('VIDAU_CLIENT_ID');
  });
});
