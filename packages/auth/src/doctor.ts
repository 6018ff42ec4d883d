import { type CanonicalJsonDialect, canonicalJsonIn, dialectOf } from './canonical/canonical-json.js';
import { type Dialect, FASTJSON2_RANGE, javaDialect, javaDialectWithDoubles, sortByCodeUnit } from './canonical/java-dialect.js';
// The doctor tries the other dialect as a hypothesis, so it carries both (a client that signs does not).
import { pythonDialect, sortByCodePoint } from './canonical/python-dialect.js';
import { writeCanonical } from './canonical/write-canonical.js';
import type { HmacSha256Base64 } from './crypto/hmac.js';
import { webHmacSha256Base64 } from './crypto/web.js';
import { SignetAuthError } from './errors.js';
import { assertVidauCharset, javaStringBytes, VIDAU_CHARSETS, type VidauCharset } from './vidau/charset.js';

/** A signed request to explain: what the sender had, and the signature the server received. */
export interface DiagnoseVidauInput {
  readonly clientId: string;
  readonly authKey: string;
  /** The body as the sender had it (any JSON text). */
  readonly body: string;
  /** The `timestamp` header, in milliseconds. */
  readonly timestamp: number;
  /** The `Authorization` header the server received, if there is one to explain. */
  readonly receivedSignature?: string;
  /** The dialect the server canonicalizes with: `'java'` (default), or `python` from `@signet/auth/python`. */
  readonly dialect?: CanonicalJsonDialect;
  /** The JVM default charset to expect (see the `charset` option of `signVidau`); the others are tried as hypotheses. */
  readonly charset?: VidauCharset;
}

/** One way a sender commonly gets the string to sign wrong. */
export interface Hypothesis {
  readonly name: string;
  /** What happened, and the option or change that makes the two sides agree. */
  readonly explanation: string;
  /** Whether the mistake is in how the body was written, or in the rest of the message (or its bytes). */
  readonly concerns: 'body' | 'message';
  /** The string this mistake signs, or undefined when it does not apply to this body. */
  readonly stringToSign: string | undefined;
  /** The charset the key and string are encoded in under this hypothesis (`getBytes()`); the input's otherwise. */
  readonly charset?: VidauCharset;
}

/** What `diagnoseVidauSignature` found. */
export interface VidauDiagnosis {
  /** The name of the dialect the body was canonicalized in. */
  readonly dialect: 'java' | 'python';
  readonly charset: VidauCharset;
  /** The canonical body, as it is sent (a lone surrogate escaped), or why it has none. */
  readonly canonicalBody: string | undefined;
  readonly problem: string | undefined;
  readonly stringToSign: string | undefined;
  readonly expectedSignature: string | undefined;
  /** Whether the received signature is the expected one; undefined when none was given. */
  readonly matches: boolean | undefined;
  /** Mistakes in writing the body, or server settings, that would change its signature: what this request is sensitive to. */
  readonly sensitiveTo: readonly string[];
  /** Mistakes that reproduce the received signature exactly: the likely cause of a mismatch. */
  readonly explainedBy: readonly Hypothesis[];
}

const variant = (base: Dialect, change: Partial<Dialect>): Dialect => ({ ...base, ...change });

/**
 * A hypothesis for every charset but the expected one: the server signed `stringToSign` in it. The
 * tables of `@signet/auth/charsets` are loaded when the doctor first runs, so that a bundle holding
 * it carries them as a chunk of their own, fetched only then.
 */
async function charsetHypotheses(expected: VidauCharset, stringToSign: string | undefined): Promise<Hypothesis[]> {
  const { IMPORTED_CHARSETS } = await import('./vidau/charsets/imported.js');
  const options = [
    ...VIDAU_CHARSETS.map((c) => [c, `charset: '${String(c)}'`] as const),
    ...IMPORTED_CHARSETS.map(([exported, c]) => [c, `charset: ${exported} (from '@signet/auth/charsets')`] as const),
  ];
  return options
    .filter(([c]) => c !== expected)
    .map(([c, option]) => {
      const name = typeof c === 'string' ? c : c.name;
      const explanation = `the server's JVM encodes with ${name} (its default charset), so each character ${name} cannot hold was signed as '?'; sign with ${option}`;
      return { name: `${name} charset`, concerns: 'message', explanation, stringToSign, charset: c };
    });
}

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

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * Explains a VidAU signature: the canonical body, the string to sign and the
 * expected signature, and which common mistake (dialect, nulls, key order,
 * number scale, non-ASCII, timestamp unit, the server JVM's charset, the
 * fastjson2 release, …) reproduces a received one, naming the option that fixes it.
 * The auth key is used to compute signatures and is never part of the result.
 *
 * @throws InvalidRequestError for a `dialect` other than `'java'` and `python`, or a `charset` other than `UTF-8`, `US-ASCII`, `ISO-8859-1` and those of `@signet/auth/charsets`.
 */
export async function diagnoseVidauSignature(
  input: DiagnoseVidauInput,
  hmac: HmacSha256Base64 = webHmacSha256Base64,
): Promise<VidauDiagnosis> {
  const dialect = dialectOf(input.dialect);
  const charset = input.charset ?? 'UTF-8';
  assertVidauCharset(charset);
  const other = dialect === javaDialect ? pythonDialect : javaDialect;
  /** The string a sender signs for a body it signed as it is; what a reference signs for its canonical body is `signed`. */
  const sign = (body: string, timestamp = input.timestamp) => `${input.clientId}${body}${timestamp}`;
  const signed = (body: string, d: Dialect = dialect) => sign(d.signedBody(body));
  const mac = (message: string, as: VidauCharset = charset) => hmac(javaStringBytes(input.authKey, as), javaStringBytes(message, as));

  let canonicalBody: string | undefined;
  let problem: string | undefined;
  try {
    canonicalBody = canonicalJsonIn(dialect, input.body);
  } catch (error) {
    if (!(error instanceof SignetAuthError)) throw error;
    problem = error.message;
  }
  const stringToSign = canonicalBody === undefined ? undefined : signed(canonicalBody);

  const canonicalWith = (change: Partial<Dialect>) => attempt(() => signed(writeCanonical(variant(dialect, change), input.body)));
  const hypotheses: Hypothesis[] = [
    {
      name: `${other.name} dialect`,
      concerns: 'body',
      explanation: `the sender canonicalized like the vendor's ${other === javaDialect ? 'Java' : 'Python'} sample, not the ${dialect.name} one; if that is what the server runs, sign with ${other === javaDialect ? "dialect: 'java'" : 'dialect: python (from `@signet/auth/python`)'}`,
      stringToSign: attempt(() => signed(writeCanonical(other, input.body), other)),
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
    ...(dialect === javaDialect
      ? (
          [
            ['shortest', `${FASTJSON2_RANGE.from}–2.0.55`, 'shortest digits (6.8E-29)'],
            ['fastjson2-2.0.56', `2.0.56–${FASTJSON2_RANGE.to}`, 'its own longer digits (6.799999999999999E-29)'],
          ] as const
        ).map(
          ([formatting, releases, how]): Hypothesis => ({
            name: `fastjson2 ${releases}`,
            concerns: 'body',
            explanation: `the server runs fastjson2 ${releases}, which writes a double in this body with ${how}, and other releases differ; no option makes that reproducible, so send the number as a plain decimal (no exponent) or a JsonNumber`,
            stringToSign: attempt(() => signed(writeCanonical(javaDialectWithDoubles(formatting), input.body))),
          }),
        )
      : []),
    {
      name: 'lone surrogate',
      concerns: 'body',
      explanation:
        "the sender signed an unpaired surrogate as the \\uXXXX escape the body carries it as; fastjson2 writes it raw, and Java signs it as '?'",
      stringToSign: dialect === javaDialect && canonicalBody !== undefined ? sign(canonicalBody) : undefined,
    },
    {
      name: 'timestamp unit',
      concerns: 'message',
      explanation: 'the sender signed the timestamp in seconds, not milliseconds',
      stringToSign: canonicalBody === undefined ? undefined : sign(dialect.signedBody(canonicalBody), Math.floor(input.timestamp / 1000)),
    },
    {
      name: 'client id',
      concerns: 'message',
      explanation: 'the sender left the client id out of the string to sign',
      stringToSign: canonicalBody === undefined ? undefined : `${dialect.signedBody(canonicalBody)}${input.timestamp}`,
    },
    ...(await charsetHypotheses(charset, stringToSign)),
  ];

  const expectedSignature = stringToSign === undefined ? undefined : await mac(stringToSign);
  /** Whether a hypothesis signs other bytes than the expected ones: another string, or the same string encoded differently. */
  const differs = (h: Hypothesis) => {
    if (h.stringToSign === undefined) return false;
    if (h.stringToSign !== stringToSign || stringToSign === undefined) return true;
    if (h.charset === undefined) return false;
    return (
      !sameBytes(javaStringBytes(h.stringToSign, h.charset), javaStringBytes(stringToSign, charset)) ||
      !sameBytes(javaStringBytes(input.authKey, h.charset), javaStringBytes(input.authKey, charset))
    );
  };
  const relevant = hypotheses.filter(differs);
  const received = input.receivedSignature;
  const explainedBy: Hypothesis[] = [];
  if (received !== undefined && received !== expectedSignature) {
    for (const hypothesis of relevant) {
      if ((await mac(hypothesis.stringToSign as string, hypothesis.charset)) === received) explainedBy.push(hypothesis);
    }
  }
  return {
    dialect: dialect.name,
    charset,
    canonicalBody,
    problem,
    stringToSign,
    expectedSignature,
    matches: received === undefined ? undefined : received === expectedSignature,
    sensitiveTo: relevant.filter((h) => h.concerns === 'body' || h.charset !== undefined).map((h) => h.name),
    explainedBy,
  };
}
