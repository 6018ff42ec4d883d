import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type CanonicalJsonObject, canonicalJson } from '../canonical/canonical-json.js';
import { CanonicalJsonError } from '../errors.js';
import { observedClient } from '../observed-client.test-support.js';
import { signVidauRequest, vidauAuth } from './request.js';
import { verifyVidauSignature } from './sign.js';

const credentials = { clientId: 'client-1', authKey: 'secret-auth-key' };

async function verifySent(request: Request, now: number) {
  await verifyVidauSignature(
    {
      ...credentials,
      body: await request.text(),
      timestamp: request.headers.get('timestamp'),
      signature: request.headers.get('authorization'),
    },
    { now: () => now },
  );
}

describe('signVidauRequest', () => {
  it('sends the canonical body it signed, and never follows redirects', async () => {
    const original = new Request('https://api.test/v1.0/task/info', {
      method: 'POST',
      body: '{ "task_id": "t-1", "extra": null, "a": 1.50 }',
    });
    const signed = await signVidauRequest(original, { ...credentials, now: () => 1723515690000 });
    expect(signed.redirect).toBe('manual');
    expect(signed.headers.get('x-client-id')).toBe('client-1');
    expect(signed.headers.get('timestamp')).toBe('1723515690000');
    expect(signed.headers.get('content-type')).toBe('application/json');
    expect(signed.headers.has('x-auth-key')).toBe(false);
    expect(await signed.clone().text()).toBe('{"a":1.50,"task_id":"t-1"}');
    await verifySent(signed, 1723515690000);
  });

  it('takes a fresh timestamp each time it is called, as a retry needs', async () => {
    let clock = 1723515690000;
    const original = new Request('https://api.test/x', { method: 'POST', body: '{"a":1}' });
    // Signing reads the body, so each try signs its own copy.
    const first = await signVidauRequest(original.clone(), { ...credentials, now: () => clock });
    clock += 1500;
    const second = await signVidauRequest(original.clone(), { ...credentials, now: () => clock });
    expect(second.headers.get('timestamp')).toBe(String(clock));
    expect(second.headers.get('authorization')).not.toBe(first.headers.get('authorization'));
    await verifySent(second, clock);
  });

  it('signs an empty body as the empty string', async () => {
    const signed = await signVidauRequest(new Request('https://api.test/status'), { ...credentials, now: () => 1723515690000 });
    await verifySent(signed, 1723515690000);
  });

  it('refuses, before anything is sent, a body it cannot canonicalize soundly', async () => {
    // fastjson2 2.0.50-2.0.55 write this double as 6.8E-29, 2.0.56 and later as 6.799999999999999E-29.
    const original = new Request('https://api.test/x', { method: 'POST', body: '{"a":6.8e-29}' });
    await expect(signVidauRequest(original, credentials)).rejects.toMatchObject({ reason: 'version-dependent-number', path: '$.a' });
  });
});

describe('signing under the server JVM charset', () => {
  it('sends a Latin-1 client id byte for byte and signs what an ISO-8859-1 JVM signs', async () => {
    const latin1 = { clientId: 'clïent-ß', authKey: 'kéy' };
    const signed = await signVidauRequest(new Request('https://api.test/x', { method: 'POST', body: '{"t":"é😀","n":1e21}' }), {
      ...latin1,
      charset: 'ISO-8859-1',
      now: () => 1723515690000,
    });
    expect(signed.headers.get('x-client-id')).toBe('clïent-ß');
    expect(await signed.clone().text()).toBe('{"n":1.0E21,"t":"é😀"}');
    const byHand = createHmac('sha256', Buffer.from('kéy', 'latin1'))
      .update(Buffer.from('clïent-ß{"n":1.0E21,"t":"é?"}1723515690000', 'latin1'))
      .digest('base64');
    expect(signed.headers.get('authorization')).toBe(byHand);
  });

  it('vidauAuth takes the charset too, and refuses an unknown one when it is built', async () => {
    const { client, sent } = observedClient();
    client.use(vidauAuth({ ...credentials, charset: 'US-ASCII', now: () => 1723515690000 }));
    await client.POST('/v1.0/task/info', { body: { text: 'ü' } });
    const byHand = createHmac('sha256', 'secret-auth-key').update('client-1{"text":"?"}1723515690000').digest('base64');
    expect((sent[0] as Request).headers.get('authorization')).toBe(byHand);
    expect(() => vidauAuth({ ...credentials, charset: 'ascii' as 'US-ASCII' })).toThrowError(/charset/);
  });
});

describe('vidauAuth middleware', () => {
  it('signs what openapi-fetch sends, byte for byte', async () => {
    const { client, sent } = observedClient();
    client.use(vidauAuth({ ...credentials, now: () => 1723515690000 }));
    const { data } = await client.POST('/v1.0/task/info', { body: { task_id: 't-1', b: { d: 1, c: null } } });
    expect(data).toEqual({ ok: true });
    expect(sent).toHaveLength(1);
    const request = sent[0] as Request;
    expect(await request.clone().text()).toBe('{"b":{"d":1},"task_id":"t-1"}');
    await verifySent(request, 1723515690000);
  });

  it('sends nothing when the body is refused', async () => {
    const { client, sent } = observedClient();
    client.use(vidauAuth(credentials));
    await expect(client.POST('/v1.0/task/info', { body: { n: 6.8e-29 } })).rejects.toThrowError(CanonicalJsonError);
    expect(sent).toHaveLength(0);
  });

  it('with canonicalJson as the body serializer, also refuses values JSON.stringify would quietly change', async () => {
    const { client, sent } = observedClient();
    client.use(vidauAuth(credentials));
    const body = { n: Number.NaN };
    expect(JSON.stringify(body)).toBe('{"n":null}');
    await expect(
      client.POST('/v1.0/task/info', { body, bodySerializer: (b) => canonicalJson(b as CanonicalJsonObject) }),
    ).rejects.toMatchObject({
      reason: 'non-finite-number',
      path: '$.n',
    });
    expect(sent).toHaveLength(0);
  });
});
