import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical/canonical-json.js';
import { diagnoseVidauSignature } from '../doctor.js';
import { signVidauSync, verifyVidauSignatureSync } from '../node.js';
import { python } from '../python.js';
import { signVidauRequest } from './request.js';
import { signVidau, verifyVidauSignature, vidauHeaders, vidauStringToSign } from './sign.js';

// A text cut in the middle of an emoji. fastjson2 reads the escape to that one unit and writes it
// raw, and Java's getBytes() writes it as '?' (in UTF-8 as in every charset), so the server signs
// `Hello ?`; the body itself must carry the escape, which UTF-8 can, where it cannot carry the unit.
const credentials = { clientId: 'client-1', authKey: 'secret-auth-key' };
const timestamp = 1723515690000;
const text = '{"b":["\\udc00"],"a":"Hello \\ud83d"}';
const sent = '{"a":"Hello \\ud83d","b":["\\udc00"]}';
const independent = (message: string) => createHmac('sha256', credentials.authKey).update(message, 'utf8').digest('base64');
const javaSignature = independent('client-1{"a":"Hello ?","b":["?"]}1723515690000');

describe('a lone surrogate, java dialect: the body carries the escape, the signature is over what Java writes', () => {
  it('canonicalJson writes the body to send, which is well-formed', () => {
    expect(canonicalJson(text)).toBe(sent);
    expect(canonicalJson(JSON.parse(text))).toBe(sent);
    expect(sent.isWellFormed()).toBe(true);
  });

  it('every signer signs what Java does', async () => {
    const input = { ...credentials, body: sent, timestamp };
    expect(vidauStringToSign(input)).toBe('client-1{"a":"Hello \ud83d","b":["\udc00"]}1723515690000');
    expect(await signVidau(input)).toBe(javaSignature);
    expect(signVidauSync(input)).toBe(javaSignature);
    expect((await vidauHeaders(input)).Authorization).toBe(javaSignature);
    expect(await signVidau(input, { charset: 'US-ASCII' })).toBe(javaSignature);
  });

  it('signVidauRequest sends the escaped body and signs it as the server reads it', async () => {
    const request = new Request('https://vidau.example/openapi/v1.0/task/info', { method: 'POST', body: text });
    const signed = await signVidauRequest(request, { ...credentials, now: () => timestamp });
    expect(new Uint8Array(await signed.arrayBuffer())).toEqual(new TextEncoder().encode(sent));
    expect(signed.headers.get('authorization')).toBe(javaSignature);
  });

  it('the verifiers accept that signature, for the body as sent or in any other form the server reads alike', async () => {
    for (const body of [sent, text, '{"a":"Hello \\uD83D","b":["\\uDC00"]}']) {
      const received = { ...credentials, body, timestamp: String(timestamp), signature: javaSignature, now: () => timestamp };
      await expect(verifyVidauSignature(received, { now: () => timestamp })).resolves.toBeUndefined();
      expect(() => verifyVidauSignatureSync(received, { now: () => timestamp })).not.toThrow();
    }
    // A signature over the escape as sent, or over U+FFFD, is not the server's.
    for (const signature of [
      independent(`client-1${sent}1723515690000`),
      independent('client-1{"a":"Hello \ufffd","b":["\ufffd"]}1723515690000'),
    ]) {
      await expect(
        verifyVidauSignature({ ...credentials, body: sent, timestamp: String(timestamp), signature }, { now: () => timestamp }),
      ).rejects.toMatchObject({ code: 'ERR_SIGNATURE_MISMATCH' });
    }
  });

  it('the doctor expects the same, and names a signature over the escape', async () => {
    const expected = await diagnoseVidauSignature({ ...credentials, body: text, timestamp, receivedSignature: javaSignature });
    expect(expected).toMatchObject({ canonicalBody: sent, expectedSignature: javaSignature, matches: true });
    const overEscape = await diagnoseVidauSignature({
      ...credentials,
      body: text,
      timestamp,
      receivedSignature: independent(`client-1${sent}1723515690000`),
    });
    expect(overEscape.explainedBy.map((h) => h.name)).toContain('lone surrogate');
  });
});

describe('a lone surrogate, python dialect: CPython escapes it and signs the escape', () => {
  it('every signer signs the body as it is', async () => {
    const body = canonicalJson(text, { dialect: python });
    expect(body).toBe('{"a":"Hello \\ud83d","b":["\\udc00"]}');
    const signature = independent(`client-1${body}1723515690000`);
    expect(await signVidau({ ...credentials, body, timestamp }, { dialect: python })).toBe(signature);
    expect(signVidauSync({ ...credentials, body, timestamp }, { dialect: python })).toBe(signature);
    const received = { ...credentials, body: text, timestamp: String(timestamp), signature };
    await expect(verifyVidauSignature(received, { now: () => timestamp, dialect: python })).resolves.toBeUndefined();
    const diagnosis = await diagnoseVidauSignature({
      ...credentials,
      body: text,
      timestamp,
      dialect: python,
      receivedSignature: signature,
    });
    expect(diagnosis.matches).toBe(true);
  });
});
