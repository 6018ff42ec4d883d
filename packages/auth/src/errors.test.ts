import { InvalidRequestError, SignetError } from '@signet/client-core/errors';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type AnySignetError, CanonicalJsonError, JwtInvalidError, TimestampOutOfWindowError } from './errors.js';

describe('the signer errors', () => {
  it('share one SignetError base with the client errors', () => {
    expect(new CanonicalJsonError('too-deep', '$', 'deep')).toBeInstanceOf(SignetError);
    expect(new InvalidRequestError('field', 'bad')).toBeInstanceOf(SignetError);
  });

  it('carry their code on the class, as jose does, and keep a cause', () => {
    const cause = new Error('inner');
    const error = new JwtInvalidError('ERR_JWT_EXPIRED', 'expired', { cause });
    expect(error.code).toBe(JwtInvalidError.code);
    expect(error.cause).toBe(cause);
  });

  it('narrow on code over AnySignetError', () => {
    const describe = (error: AnySignetError): string => {
      switch (error.code) {
        case 'ERR_TIMESTAMP_OUT_OF_WINDOW':
          expectTypeOf(error).toEqualTypeOf<TimestampOutOfWindowError>();
          return `skew ${error.skewMs}`;
        case 'ERR_INVALID_REQUEST':
          return `field ${error.field}`;
        default:
          return error.code;
      }
    };
    expect(describe(new TimestampOutOfWindowError(-5, 1))).toBe('skew -5');
    expect(describe(new InvalidRequestError('x', 'bad'))).toBe('field x');
  });
});
