// JsonNumber is taken from packages/auth/src/canonical/json-number.ts, since the frozen parser this
// baseline shares with @signet/auth's tests builds that class; this file keeps the number functions.

/** The parts of a validated number lexeme. `exponent` is undefined when the lexeme has none. */
export interface NumberParts {
  readonly negative: boolean;
  readonly integerDigits: string;
  readonly fractionDigits: string | undefined;
  readonly exponent: string | undefined;
}

export function splitNumberLexeme(lexeme: string): NumberParts {
  const negative = lexeme.charCodeAt(0) === 0x2d;
  let end = lexeme.length;
  let exponent: string | undefined;
  const e = lexeme.search(/[eE]/);
  if (e !== -1) {
    exponent = lexeme.slice(e + 1);
    end = e;
  }
  const mantissa = lexeme.slice(negative ? 1 : 0, end);
  const dot = mantissa.indexOf('.');
  return dot === -1
    ? { negative, integerDigits: mantissa, fractionDigits: undefined, exponent }
    : { negative, integerDigits: mantissa.slice(0, dot), fractionDigits: mantissa.slice(dot + 1), exponent };
}
