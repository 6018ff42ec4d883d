import { createHash } from 'node:crypto';
import { InvalidRequestError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { gbk } from '../charsets.js';
import { python } from '../python.js';
import { parseVidauSigningRecord, type VidauSigningRecord, vidauSigningRecord } from './signing-record.js';

const body = '{"params":{"text":"Grüße"},"webhook_url":"https://example.com/hook"}';
const input = {
  clientId: 'client-1',
  timestamp: 1723515690000,
  body,
  signature: 'c2ln',
};

describe('vidauSigningRecord', () => {
  it('keeps the headers sent and reduces the body to the SHA-256 of its UTF-8 bytes', async () => {
    const record = await vidauSigningRecord(input);
    expect(record).toEqual({
      clientId: 'client-1',
      timestamp: 1723515690000,
      bodySha256: createHash('sha256').update(body, 'utf8').digest('base64'),
      signature: 'c2ln',
      dialect: 'java',
      charset: 'UTF-8',
    });
    expect(JSON.stringify(record)).not.toContain('Grüße');
  });

  it('names the dialect and an imported charset', async () => {
    const record = await vidauSigningRecord({ ...input, body: '', dialect: python, charset: gbk });
    expect(record).toMatchObject({ dialect: 'python', charset: 'GBK', bodySha256: createHash('sha256').update('').digest('base64') });
  });
});

describe('parseVidauSigningRecord', () => {
  const valid: VidauSigningRecord = {
    clientId: 'client-1',
    timestamp: 1723515690000,
    bodySha256: `${'a'.repeat(43)}=`,
    signature: 'c2ln',
    dialect: 'java',
    charset: 'UTF-8',
  };

  it('reads a serialized error holding a record as `signing`, with its method and path, or the record alone', () => {
    const error = { code: 'ERR_API', status: 401, method: 'POST', path: '/openapi/v1.0/task/info', signing: { ...valid, extra: 1 } };
    expect(parseVidauSigningRecord(JSON.parse(JSON.stringify(error)))).toEqual({ record: valid, request: 'POST /openapi/v1.0/task/info' });
    expect(parseVidauSigningRecord(JSON.parse(JSON.stringify(valid)))).toEqual({ record: valid, request: undefined });
  });

  it.each([
    ['timestamp', { ...valid, timestamp: '1723515690000' }],
    ['timestamp', { ...valid, timestamp: 1.5 }],
    ['bodySha256', { ...valid, bodySha256: 'a'.repeat(64) }],
    ['dialect', { ...valid, dialect: 'go' }],
    ['clientId', { ...valid, clientId: '' }],
    ['signature', { ...valid, signature: undefined }],
    ['signing', [valid]],
    ['signing', null],
    ['signing', { status: 401, signing: 'x' }],
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
