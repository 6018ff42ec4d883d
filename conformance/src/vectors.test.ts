import {
  type CanonicalJsonDialect,
  CanonicalJsonError,
  canonicalJson,
  SignatureMismatchError,
  signVidau,
  verifyVidauSignature,
  vidauStringToSign,
} from '@signet/auth';
import { signVidauSync } from '@signet/auth/node';
import { describe, expect, it } from 'vitest';
import { loadVectors } from './vectors.js';

describe.each(['java', 'python'] as const)('committed %s vectors', (dialect: CanonicalJsonDialect) => {
  const file = loadVectors(dialect);

  it('cover every kind of result', () => {
    expect(file.numberOfTests).toBe(file.tests.length);
    for (const result of ['valid', 'invalid', 'refused'] as const) {
      expect(file.tests.some((t) => t.result === result)).toBe(true);
    }
  });

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
    });
  }
});
