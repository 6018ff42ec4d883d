import { FASTJSON2_RANGE, SignatureMismatchError, verifyVidauSignature } from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { loadVectors } from '@signet/vidau-conformance';
import { describe, expect, it } from 'vitest';
import { CHARSET_OPTIONS, OTHER_CHARSETS } from './charsets.js';
import { signetAnswer, signetSigned } from './compare.js';
import type { Vector } from './kit.js';
import { fastjson2Range, type JvmCharset } from './references.js';
import { DIALECT_OPTION, type DialectName } from './vectors.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe.each(['java', 'python'] as const)('the %s vectors of @signet/vidau-conformance, through @signet/auth', (name: DialectName) => {
  const file = loadVectors(name);
  const dialect = DIALECT_OPTION[name];

  it('cover every kind of result', () => {
    expect(file.numberOfTests).toBe(file.tests.length);
    for (const result of ['valid', 'invalid', 'refused', 'acceptable'] as const) {
      expect(file.tests.some((t: Vector) => t.result === result)).toBe(true);
    }
  });

  if (name === 'java') {
    it('record the whole fastjson2 range and every JVM charset they were produced on', () => {
      expect(file.generator.version).toBe(`fastjson2=${fastjson2Range().join(',')}`);
      expect(file.generator.version).toMatch(new RegExp(`^fastjson2=${FASTJSON2_RANGE.from}(,[\\d.]+)*,${FASTJSON2_RANGE.to}$`));
      expect(file.generator.charsets).toEqual(['UTF-8', ...OTHER_CHARSETS]);
      // Where the releases differ, the vector says what each did.
      expect(file.tests.some((t) => t.result === 'refused' && t.referenceOutputByVersion !== undefined)).toBe(true);
    });
  }

  for (const vector of file.tests) {
    const credentials = { clientId: vector.clientId, authKey: vector.authKey };
    it(`tcId ${vector.tcId} ${vector.result}: ${vector.comment}`, async () => {
      const now = () => vector.timestamp;
      if (vector.result === 'refused' || vector.result === 'acceptable') {
        const ours = await signetAnswer({ text: vector.input, ...credentials, timestamp: vector.timestamp }, name);
        expect(ours).toEqual({ ok: false, code: vector.error, ...(vector.refusal === undefined ? {} : { reason: vector.refusal }) });
        return;
      }
      if (vector.result === 'invalid') {
        const charset = CHARSET_OPTIONS[vector.charset as JvmCharset];
        await expect(
          verifyVidauSignature(
            { ...credentials, body: vector.canonicalBody, timestamp: String(vector.timestamp), signature: vector.signature },
            { now, dialect, charset },
          ),
        ).rejects.toBeInstanceOf(SignatureMismatchError);
        return;
      }
      const c = { text: vector.input, ...credentials, timestamp: vector.timestamp };
      const body = (await signetAnswer(c, name)) as { canonical?: string };
      expect(body.canonical).toBe(vector.canonicalBody);
      expect(hex(new TextEncoder().encode(vector.canonicalBody))).toBe(vector.canonicalBodyHex);
      const input = { ...credentials, body: vector.canonicalBody, timestamp: vector.timestamp };
      for (const [name, steps] of Object.entries(vector.byCharset)) {
        const charset = CHARSET_OPTIONS[name as JvmCharset];
        const signed = await signetSigned(c, vector.canonicalBody, file.dialect, charset);
        expect(signed.stringToSign).toBe(vector.stringToSign);
        expect(hex(signed.key), `${name} key`).toBe(steps.keyHex);
        expect(hex(signed.message), `${name} message`).toBe(steps.messageHex);
        expect(signed.signature).toBe(steps.signature);
        expect(signVidauSync(input, { charset, dialect })).toBe(steps.signature);
        await expect(
          verifyVidauSignature(
            { ...credentials, body: vector.canonicalBody, timestamp: String(vector.timestamp), signature: steps.signature },
            { now, dialect, charset },
          ),
        ).resolves.toBeUndefined();
      }
    });
  }
});
