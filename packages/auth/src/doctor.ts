import { type CanonicalJsonDialect, canonicalJsonIn } from './canonical/canonical-json.js';
import { type Dialect, javaDialect, pythonDialect, sortByCodePoint, sortByCodeUnit } from './canonical/dialects.js';
import type { HmacSha256Base64 } from './crypto/hmac.js';
import { webHmacSha256Base64 } from './crypto/web.js';
import { SignetAuthError } from './errors.js';
import { vidauStringToSign } from './vidau/sign.js';

export interface DiagnoseVidauInput {
  readonly clientId: string;
  readonly authKey: string;
  /** The body as the sender had it (any JSON text). */
  readonly body: string;
  /** The `timestamp` header, in milliseconds. */
  readonly timestamp: number;
  /** The `Authorization` header the server received, if there is one to explain. */
  readonly receivedSignature?: string;
  readonly dialect?: CanonicalJsonDialect;
}

/** One way a sender commonly gets the string to sign wrong. */
export interface Hypothesis {
  readonly name: string;
  readonly explanation: string;
  /** Whether the mistake is in how the body was written, or in the rest of the message. */
  readonly concerns: 'body' | 'message';
  /** The string this mistake signs, or undefined when it does not apply to this body. */
  readonly stringToSign: string | undefined;
}

export interface VidauDiagnosis {
  readonly dialect: CanonicalJsonDialect;
  /** The body the server signs, or why it has none. */
  readonly canonicalBody: string | undefined;
  readonly problem: string | undefined;
  readonly stringToSign: string | undefined;
  readonly expectedSignature: string | undefined;
  /** Whether the received signature is the expected one; undefined when none was given. */
  readonly matches: boolean | undefined;
  /** Mistakes in writing the body that would change its signature: what this body is sensitive to. */
  readonly sensitiveTo: readonly string[];
  /** Mistakes that reproduce the received signature exactly: the likely cause of a mismatch. */
  readonly explainedBy: readonly Hypothesis[];
}

const variant = (base: Dialect, change: Partial<Dialect>): Dialect => ({ ...base, ...change });

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedDeep((value as Record<string, unknown>)[key])]),
  );
}

function attempt(produce: () => string): string | undefined {
  try {
    return produce();
  } catch {
    return undefined;
  }
}

/**
 * Explains a VidAU signature: the canonical body, the string to sign and the
 * expected signature, and which common mistake (dialect, nulls, key order,
 * number scale, non-ASCII, timestamp unit, …) reproduces a received one.
 * The auth key is used to compute signatures and is never part of the result.
 */
export async function diagnoseVidauSignature(
  input: DiagnoseVidauInput,
  hmac: HmacSha256Base64 = webHmacSha256Base64,
): Promise<VidauDiagnosis> {
  const dialectName = input.dialect ?? 'java';
  const dialect = dialectName === 'java' ? javaDialect : pythonDialect;
  const other = dialectName === 'java' ? pythonDialect : javaDialect;
  const sign = (body: string, timestamp = input.timestamp) => vidauStringToSign({ clientId: input.clientId, body, timestamp });

  let canonicalBody: string | undefined;
  let problem: string | undefined;
  try {
    canonicalBody = canonicalJsonIn(dialect, input.body);
  } catch (error) {
    if (!(error instanceof SignetAuthError)) throw error;
    problem = error.message;
  }
  const stringToSign = canonicalBody === undefined ? undefined : sign(canonicalBody);

  const canonicalWith = (change: Partial<Dialect>) => attempt(() => sign(canonicalJsonIn(variant(dialect, change), input.body)));
  const hypotheses: Hypothesis[] = [
    {
      name: `${dialectName === 'java' ? 'python' : 'java'} dialect`,
      concerns: 'body',
      explanation: `the sender canonicalized like the vendor's ${dialectName === 'java' ? 'Python' : 'Java'} sample, not the ${dialectName} one`,
      stringToSign: attempt(() => sign(canonicalJsonIn(other, input.body))),
    },
    {
      name: 'nulls',
      concerns: 'body',
      explanation: dialect.dropsNullMembers
        ? 'the sender kept null members, which fastjson2 drops'
        : 'the sender dropped null members, which CPython keeps',
      stringToSign: canonicalWith({ dropsNullMembers: !dialect.dropsNullMembers }),
    },
    {
      name: 'key order',
      concerns: 'body',
      explanation:
        dialect === javaDialect
          ? 'the sender sorted keys by code point (Python) rather than UTF-16 unit (Java)'
          : 'the sender sorted keys by UTF-16 unit (Java, JS) rather than code point (Python)',
      stringToSign: canonicalWith({ sortKeys: dialect === javaDialect ? sortByCodePoint : sortByCodeUnit }),
    },
    {
      name: 'non-ASCII',
      concerns: 'body',
      explanation:
        dialect === javaDialect
          ? 'the sender escaped non-ASCII as \\uXXXX; fastjson2 writes it raw'
          : 'the sender wrote non-ASCII raw; CPython escapes it',
      stringToSign: canonicalWith({ string: other.string }),
    },
    {
      name: 'number scale',
      concerns: 'body',
      explanation: 'the sender parsed numbers as JS doubles, losing scale (1.50 -> 1.5) or digits past 2^53',
      stringToSign: canonicalWith({ numberLexeme: (lexeme) => dialect.number(Number(lexeme)) }),
    },
    {
      name: 'JS object key order',
      concerns: 'body',
      explanation:
        'the sender sorted with JSON.parse + Object.keys().sort() + JSON.stringify: integer-like keys come first, __proto__ is lost, and arrays are sorted into',
      stringToSign: attempt(() => sign(JSON.stringify(sortedDeep(JSON.parse(input.body))))),
    },
    {
      name: 'not canonicalized',
      concerns: 'body',
      explanation: 'the sender signed the body text exactly as given, without sorting or compacting it',
      stringToSign: sign(input.body),
    },
    {
      name: 'unsorted',
      concerns: 'body',
      explanation: 'the sender compacted the body with JSON.stringify but did not sort it',
      stringToSign: attempt(() => sign(JSON.stringify(JSON.parse(input.body)))),
    },
    {
      name: 'timestamp unit',
      concerns: 'message',
      explanation: 'the sender signed the timestamp in seconds, not milliseconds',
      stringToSign: canonicalBody === undefined ? undefined : sign(canonicalBody, Math.floor(input.timestamp / 1000)),
    },
    {
      name: 'client id',
      concerns: 'message',
      explanation: 'the sender left the client id out of the string to sign',
      stringToSign: canonicalBody === undefined ? undefined : `${canonicalBody}${input.timestamp}`,
    },
  ];

  const expectedSignature = stringToSign === undefined ? undefined : await hmac(input.authKey, stringToSign);
  const relevant = hypotheses.filter((h) => h.stringToSign !== undefined && h.stringToSign !== stringToSign);
  const received = input.receivedSignature;
  const explainedBy: Hypothesis[] = [];
  if (received !== undefined && received !== expectedSignature) {
    for (const hypothesis of relevant) {
      if ((await hmac(input.authKey, hypothesis.stringToSign as string)) === received) explainedBy.push(hypothesis);
    }
  }
  return {
    dialect: dialectName,
    canonicalBody,
    problem,
    stringToSign,
    expectedSignature,
    matches: received === undefined ? undefined : received === expectedSignature,
    sensitiveTo: relevant.filter((h) => h.concerns === 'body').map((h) => h.name),
    explainedBy,
  };
}
