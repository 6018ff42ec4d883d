import type { CharsetSteps, Vector, VidauDialect } from './vectors.js';

/**
 * One line the runner writes to an adapter's standard input: sign a body, or verify a signature.
 * `id` is opaque: echo it in the answer.
 */
export type AdapterRequest =
  | {
      readonly id: string;
      readonly op: 'sign';
      readonly dialect: VidauDialect;
      /** The server JVM's default charset, by Java's name (`UTF-8`, `GBK`, …). */
      readonly charset: string;
      /** The request body as JSON text, to canonicalize and sign. */
      readonly input: string;
      readonly clientId: string;
      readonly authKey: string;
      readonly timestamp: number;
    }
  | {
      readonly id: string;
      readonly op: 'verify';
      readonly dialect: VidauDialect;
      readonly charset: string;
      /** The body as received (canonical). */
      readonly body: string;
      readonly clientId: string;
      readonly authKey: string;
      readonly timestamp: number;
      readonly signature: string;
    };

/**
 * One line an adapter writes to standard output for each request, in order. To `sign`: `signed` with
 * the canonical body and the signature (and, optionally, the intermediate steps, which are then
 * checked too), or `refused`. To `verify`: `valid` or `invalid`, checked with no clock window.
 */
export type AdapterAnswer =
  | {
      readonly id: string;
      readonly result: 'signed';
      readonly canonicalBody: string;
      readonly signature: string;
      readonly stringToSign?: string;
      readonly canonicalBodyHex?: string;
      readonly keyHex?: string;
      readonly messageHex?: string;
    }
  | { readonly id: string; readonly result: 'refused'; readonly reason?: string }
  | { readonly id: string; readonly result: 'valid' | 'invalid' };

/** A request to send for a vector, and how to judge the answer to it. */
export interface Check {
  readonly vector: Vector;
  readonly charset: string;
  readonly request: AdapterRequest;
}

/**
 * The requests a vector makes under the charsets the adapter supports: a valid or acceptable one is
 * signed (and a valid one verified) in each; an invalid one is verified in its own charset, when
 * supported; a refused one is signed once, in UTF-8.
 */
export function checksFor(vector: Vector, dialect: VidauDialect, charsets: readonly string[]): Check[] {
  const { clientId, authKey, timestamp } = vector;
  const sign = (charset: string): Check => ({
    vector,
    charset,
    request: { id: `${vector.tcId}/${charset}/sign`, op: 'sign', dialect, charset, input: vector.input, clientId, authKey, timestamp },
  });
  const verify = (charset: string, body: string, signature: string): Check => ({
    vector,
    charset,
    request: { id: `${vector.tcId}/${charset}/verify`, op: 'verify', dialect, charset, body, clientId, authKey, timestamp, signature },
  });
  switch (vector.result) {
    case 'valid':
      return charsets.flatMap((c) => {
        const steps = vector.byCharset[c];
        return steps === undefined ? [] : [sign(c), verify(c, vector.canonicalBody, steps.signature)];
      });
    case 'acceptable':
      return charsets.filter((c) => vector.signatureByCharset[c] !== undefined).map(sign);
    case 'invalid':
      return charsets.includes(vector.charset) ? [verify(vector.charset, vector.canonicalBody, vector.signature)] : [];
    case 'refused':
      return [sign('UTF-8')];
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The UTF-8 of a body as it is sent: an unpaired surrogate, which UTF-8 cannot carry, as the `\uXXXX`
 * escape the vectors' bodies hold, whether the adapter answered it raw or escaped.
 */
const bodyHex = (body: string) =>
  Buffer.from(
    body.replace(LONE_SURROGATE, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`),
    'utf8',
  ).toString('hex');

/** How an answer was judged: passed (and how, for an acceptable vector), or failed and why. */
export type Outcome = { readonly passed: true; readonly refused: boolean } | { readonly passed: false; readonly reason: string };

const fail = (reason: string): Outcome => ({ passed: false, reason });

/** Compares the steps an adapter reported (if it did) with the reference's. */
function stepsDiffer(
  answer: AdapterAnswer & { result: 'signed' },
  expected: CharsetSteps,
  stringToSign: string | undefined,
): string | undefined {
  if (answer.stringToSign !== undefined && stringToSign !== undefined && answer.stringToSign !== stringToSign)
    return 'stringToSign differs';
  if (answer.keyHex !== undefined && answer.keyHex !== expected.keyHex)
    return `keyHex differs: expected ${expected.keyHex}, got ${answer.keyHex}`;
  if (answer.messageHex !== undefined && answer.messageHex !== expected.messageHex) return 'messageHex differs';
  return undefined;
}

/** Judges one answer against the vector's reference output. */
export function judge(check: Check, answer: AdapterAnswer): Outcome {
  const { vector, charset, request } = check;
  if (request.op === 'verify') {
    const expected = vector.result === 'invalid' ? 'invalid' : 'valid';
    if (answer.result !== 'valid' && answer.result !== 'invalid') return fail(`answered ${answer.result} to verify`);
    return answer.result === expected ? { passed: true, refused: false } : fail(`verify said ${answer.result}, expected ${expected}`);
  }
  if (answer.result === 'refused') {
    return vector.result === 'valid'
      ? fail(`refused${answer.reason ? ` (${answer.reason})` : ''} what the reference signs`)
      : { passed: true, refused: true };
  }
  if (answer.result !== 'signed') return fail(`answered ${answer.result} to sign`);
  if (vector.result === 'refused') return fail('signed what must be refused: the reference releases disagree or cannot read it');
  if (vector.result === 'invalid') return fail('unreachable: an invalid vector is only verified');
  const wantBody = vector.canonicalBodyHex;
  if (typeof answer.canonicalBody !== 'string' || bodyHex(answer.canonicalBody) !== wantBody) {
    return fail(`canonical body differs: expected ${Buffer.from(wantBody, 'hex').toString('utf8')}, got ${String(answer.canonicalBody)}`);
  }
  if (answer.canonicalBodyHex !== undefined && answer.canonicalBodyHex !== wantBody) return fail('canonicalBodyHex differs');
  if (vector.result === 'valid') {
    const steps = stepsDiffer(answer, vector.byCharset[charset] as CharsetSteps, vector.stringToSign);
    if (steps !== undefined) return fail(steps);
  }
  const signature = vector.result === 'valid' ? vector.byCharset[charset]?.signature : vector.signatureByCharset[charset];
  if (answer.signature !== signature) return fail(`signature differs: expected ${signature}, got ${String(answer.signature)}`);
  return { passed: true, refused: false };
}

/** Reads one answer line, or says what is wrong with it. */
export function parseAnswer(line: string, id: string): AdapterAnswer | string {
  let answer: unknown;
  try {
    answer = JSON.parse(line);
  } catch {
    return `not a JSON line: ${line.slice(0, 80)}`;
  }
  if (typeof answer !== 'object' || answer === null) return `not a JSON object: ${line.slice(0, 80)}`;
  const { id: answered, result } = answer as { id?: unknown; result?: unknown };
  if (answered !== id) return `answered id ${JSON.stringify(answered)} to request ${id}`;
  if (!['signed', 'refused', 'valid', 'invalid'].includes(result as string))
    return `result ${JSON.stringify(result)} is not signed, refused, valid or invalid`;
  return answer as AdapterAnswer;
}
