import { InvalidRequestError } from '@signet/client-core/errors';

const NUMBER_LEXEME = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A JSON number kept as its exact source text. The vendors' references read
 * `1.50`, `9007199254740993` and `1e0` differently from a JS `number`, so a
 * lexeme is the only lossless carrier. Pass one as a value to send a decimal
 * exactly as written: `{ amount: new JsonNumber('1.50') }`.
 */
export class JsonNumber {
  readonly lexeme: string;

  constructor(lexeme: string) {
    if (!NUMBER_LEXEME.test(lexeme)) {
      throw new InvalidRequestError('JsonNumber', `not a JSON number: ${JSON.stringify(lexeme.slice(0, 40))}`);
    }
    this.lexeme = lexeme;
  }

  toString(): string {
    return this.lexeme;
  }
}

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
