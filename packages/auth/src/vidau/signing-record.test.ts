import { createHash } from 'node:crypto';
import { InvalidRequestError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { gbk } from '../charsets.js';
import { python } from '../python.js';
import { parseVidauSigningRecord, type VidauSigningRecord, vidauSigningRecord } from './signing-record.js';

const body = '{"params":{"text":"Grüße"},"webhook_url":"https://example.com/hook"}';
const input = {
  method: 'POST',
  path: '/openapi/v1.0/avatar/video/create',
  clientId: 'client-1',
  timestamp: 1723515690000,
  body,
  signature: 'c2ln',
};

describe('vidauSigningRecord', () => {
  it('keeps the headers sent and reduces the body to the SHA-256 of its UTF-8 bytes', async () => {
    const record = await vidauSigningRecord(input);
    expect(record).toEqual({
      method: 'POST',
      path: '/openapi/v1.0/avatar/video/create',
      clientId: 'client-1',
      timestamp: 1723515690000,
      bodySha256: createHash('sha256').update(body, 'utf8').digest('hex'),
      signature: 'c2ln',
      dialect: 'java',
      charset: 'UTF-8',
    });
    expect(JSON.stringify(record)).not.toContain('Grüße');
  });

  it('names the dialect and an imported charset', async () => {
    const record = await vidauSigningRecord({ ...input, body: '', dialect: python, charset: gbk });
    expect(record).toMatchObject({ dialect: 'python', charset: 'GBK', bodySha256: createHash('sha256').update('').digest('hex') });
  });
});

describe('parseVidauSigningRecord', () => {
  const valid: VidauSigningRecord = {
    method: 'POST',
    path: '/openapi/v1.0/task/info',
    clientId: 'client-1',
    timestamp: 1723515690000,
    bodySha256: 'a'.repeat(64),
    signature: 'c2ln',
    dialect: 'java',
    charset: 'UTF-8',
  };

  it('reads a record, or a serialized error holding one as `signing`, and drops anything else', () => {
    expect(parseVidauSigningRecord(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
    expect(parseVidauSigningRecord({ name: 'AuthenticationError', status: 401, signing: { ...valid, extra: 1 } })).toEqual(valid);
  });

  it.each([
    ['timestamp', { ...valid, timestamp: '1723515690000' }],
    ['timestamp', { ...valid, timestamp: 1.5 }],
    ['bodySha256', { ...valid, bodySha256: 'A'.repeat(64) }],
    ['dialect', { ...valid, dialect: 'go' }],
    ['path', { ...valid, path: 'openapi/v1.0/task/info' }],
    ['signature', { ...valid, signature: undefined }],
    ['signing', [valid]],
    ['signing', null],
  ])('names %s when it is missing or malformed', (field, value) => {
    const error = (() => {
      try {
        parseVidauSigningRecord(value);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe(field);
  });
});
