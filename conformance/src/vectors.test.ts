import {
  CanonicalJsonError,
  canonicalJson,
  FASTJSON2_RANGE,
  SignatureMismatchError,
  signVidau,
  type VidauCharset,
  verifyVidauSignature,
  vidauStringToSign,
} from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { describe, expect, it } from 'vitest';
import { fastjson2Range } from './references.js';
import { DIALECT_OPTION, type DialectName, loadVectors } from './vectors.js';

describe.each(['java', 'python'] as const)('committed %s vectors', (name: DialectName) => {
  const file = loadVectors(name);
  const dialect = DIALECT_OPTION[name];

  it('cover every kind of result', () => {
    expect(file.numberOfTests).toBe(file.tests.length);
    for (const result of ['valid', 'invalid', 'refused'] as const) {
      expect(file.tests.some((t) => t.result === result)).toBe(true);
    }
  });

  if (name === 'java') {
    it('record the whole fastjson2 range and the JVM charsets they were produced on', () => {
      expect(file.generator.version).toBe(`fastjson2=${fastjson2Range().join(',')}`);
      expect(file.generator.version).toMatch(new RegExp(`^fastjson2=${FASTJSON2_RANGE.from}(,[\\d.]+)*,${FASTJSON2_RANGE.to}$`));
      expect(file.generator.charsets).toEqual(['US-ASCII (fastjson2=2.0.64)', 'ISO-8859-1 (fastjson2=2.0.64)']);
      // Where the releases differ, the vector says what each did.
      expect(file.tests.some((t) => t.result === 'refused' && t.referenceOutputByVersion !== undefined)).toBe(true);
    });
  }

  for (const vector of file.tests) {
    const credentials = { clientId: vector.clientId, authKey: vector.authKey };
    it(`tcId ${vector.tcId} ${vector.result}: ${vector.comment}`, async () => {
      if (vector.result === 'refused') {
        const error = (() => {
          try {
            canonicalJson(vector.input, { dialect });
          } catch (e) {
            return e;
          }
          return undefined;
        })();
        expect(error).toBeInstanceOf(CanonicalJsonError);
        expect((error as CanonicalJsonError).reason).toBe(vector.refusal);
        return;
      }
      const now = () => vector.timestamp;
      if (vector.result === 'invalid') {
        await expect(
          verifyVidauSignature(
            { ...credentials, body: vector.canonicalBody, timestamp: String(vector.timestamp), signature: vector.signature },
            { now, dialect },
          ),
        ).rejects.toBeInstanceOf(SignatureMismatchError);
        return;
      }
      const body = canonicalJson(vector.input, { dialect });
      expect(body).toBe(vector.canonicalBody);
      const input = { ...credentials, body, timestamp: vector.timestamp };
      expect(vidauStringToSign(input)).toBe(vector.stringToSign);
      expect(signVidauSync(input)).toBe(vector.signature);
      expect(await signVidau(input)).toBe(vector.signature);
      await expect(
        verifyVidauSignature({ ...credentials, body, timestamp: String(vector.timestamp), signature: vector.signature }, { now, dialect }),
      ).resolves.toBeUndefined();
      for (const [charset, signature] of Object.entries(vector.signatureByCharset ?? {})) {
        const options = { charset: charset as VidauCharset };
        expect(signVidauSync(input, options)).toBe(signature);
        expect(await signVidau(input, options)).toBe(signature);
        await expect(
          verifyVidauSignature({ ...credentials, body, timestamp: String(vector.timestamp), signature }, { now, dialect, ...options }),
        ).resolves.toBeUndefined();
      }
    });
  }
});
