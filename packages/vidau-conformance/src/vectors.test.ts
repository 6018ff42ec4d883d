import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadVectors, type VectorFile } from './vectors.js';

const schema = JSON.parse(readFileSync(new URL('../schema/vector-file.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Every refusal a text body can meet, by dialect: one failing vector at least for each, refused or acceptable. */
const REFUSALS = {
  java: ['not-an-object', 'version-dependent-number', 'unreadable-by-reference', 'number-too-long', 'too-deep'],
  python: ['not-an-object', 'non-finite-number', 'number-too-long', 'too-deep'],
} as const;
const ERROR_CODES = ['ERR_CANONICAL_JSON_UNSUPPORTED', 'ERR_JSON_SYNTAX', 'ERR_INVALID_CREDENTIALS', 'ERR_INVALID_TIMESTAMP'];
const INVALID_FLAGS = ['ModifiedSignature', 'TruncatedSignature', 'MalformedSignature', 'WrongKey', 'WrongTimestamp'];

describe.each(['java', 'python'] as const)('the %s vector file', (dialect) => {
  const file: VectorFile = loadVectors(dialect);

  it('follows the schema, with unique tcIds and a note for every flag', () => {
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(new Set(file.tests.map((t) => t.tcId)).size).toBe(file.numberOfTests);
    expect(file.numberOfTests).toBe(file.tests.length);
    for (const flag of new Set(file.tests.flatMap((t) => t.flags))) expect(Object.keys(file.notes)).toContain(flag);
  });

  it('has a failing vector for every refusal reason and error code, and every way a signature is wrong', () => {
    const failing = file.tests.filter((t) => t.result === 'refused' || t.result === 'acceptable');
    for (const reason of REFUSALS[dialect])
      expect(
        failing.map((t) => t.refusal),
        reason,
      ).toContain(reason);
    for (const code of ERROR_CODES)
      expect(
        failing.map((t) => t.error),
        code,
      ).toContain(code);
    expect(failing.some((t) => t.result === 'refused')).toBe(true);
    const invalidFlags = file.tests.filter((t) => t.result === 'invalid').flatMap((t) => t.flags);
    for (const flag of dialect === 'java' ? [...INVALID_FLAGS, 'WrongCharset'] : INVALID_FLAGS) expect(invalidFlags).toContain(flag);
  });

  it('gives every step of a valid vector in every charset of the file', () => {
    // java: the body carries an unpaired surrogate escaped, and fastjson2 writes (and Java signs) the unit itself.
    const written = (body: string) =>
      dialect === 'python'
        ? body
        : body.replace(/\\(?:u(d[89a-f][0-9a-f]{2})|[\s\S])/g, (sequence, unit?: string) =>
            unit === undefined ? sequence : String.fromCharCode(Number.parseInt(unit, 16)),
          );
    for (const t of file.tests) {
      if (t.result !== 'valid') continue;
      expect(Object.keys(t.byCharset)).toEqual(file.generator.charsets);
      expect(t.byCharset['UTF-8']?.signature).toBe(t.signature);
      expect(Buffer.from(t.canonicalBodyHex, 'hex').toString('utf8')).toBe(t.canonicalBody);
      expect(t.canonicalBody.isWellFormed()).toBe(true);
      expect(t.stringToSign).toBe(`${t.clientId}${written(t.canonicalBody)}${t.timestamp}`);
    }
  });

  it('signs unpaired surrogates and nesting deeper than 256 levels', () => {
    const valid = file.tests.filter((t) => t.result === 'valid');
    for (const flag of ['LoneSurrogate', 'DeepNesting'])
      expect(
        valid.some((t) => t.flags.includes(flag)),
        flag,
      ).toBe(true);
    if (dialect === 'java') expect(valid.some((t) => !t.stringToSign.isWellFormed())).toBe(true);
  });
});

describe('the schema', () => {
  it('rejects a valid vector without its steps, and an unknown result', () => {
    const file = loadVectors('python');
    const [first] = file.tests;
    const { byCharset: _, ...withoutSteps } = first as Extract<typeof first, { result: 'valid' }>;
    expect(validate({ ...file, tests: [withoutSteps] })).toBe(false);
    expect(validate({ ...file, tests: [{ ...first, result: 'maybe' }] })).toBe(false);
  });
});
