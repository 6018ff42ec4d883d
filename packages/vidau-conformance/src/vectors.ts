import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Which vendor sample a vector file reproduces: `java` is the Java sample on fastjson2 (what the
 * VidAU server runs), `python` the Python sample on CPython's `json`.
 */
export type VidauDialect = 'java' | 'python';

/**
 * The steps of one signature under one JVM default charset, each produced by the vendor's own code:
 * `authKey.getBytes()` and `message.getBytes()` in that charset, and the HMAC of the one under the other.
 */
export interface CharsetSteps {
  /** The HMAC key: the auth key's bytes in this charset, hex. */
  readonly keyHex: string;
  /** The HMAC message: `stringToSign` in this charset, hex. */
  readonly messageHex: string;
  /** Base64 HMAC-SHA256 of the message under the key: the `Authorization` header. */
  readonly signature: string;
}

/** What every vector holds: the request a signer is given. */
export interface VectorBase {
  /** Unique within its file. */
  readonly tcId: number;
  readonly comment: string;
  /** Why the vector exists: names from the file's `notes`. */
  readonly flags: readonly string[];
  /** The request body as a caller has it: JSON text, which the signer canonicalizes. */
  readonly input: string;
  readonly clientId: string;
  readonly authKey: string;
  /** Milliseconds since the epoch, as signed. */
  readonly timestamp: number;
}

/** The reference signed it: a signer must produce every step, byte for byte, in each charset it supports. */
export interface ValidVector extends VectorBase {
  readonly result: 'valid';
  /**
   * The canonical body, which is also the body sent: the text the reference wrote, with an unpaired
   * surrogate (which UTF-8 cannot carry) as the escape JSON.stringify writes, `\udXXX`.
   */
  readonly canonicalBody: string;
  /** Its UTF-8 bytes, hex: the bytes sent. */
  readonly canonicalBodyHex: string;
  /**
   * `clientId + canonicalBody + timestamp`, the body as the reference wrote it: in the java file an
   * unpaired surrogate is the unit itself (fastjson2 reads the escape and writes the unit, which
   * `getBytes()` turns into `?`); the python file's bodies are ASCII, and signed as they are.
   */
  readonly stringToSign: string;
  /** The signature under UTF-8 (`byCharset['UTF-8'].signature`). */
  readonly signature: string;
  /** The steps under each JVM default charset the vectors were produced on (python: UTF-8 only). */
  readonly byCharset: Readonly<Record<string, CharsetSteps>>;
}

/** A signature that must not verify: tampered, truncated, made with another key, time or charset. */
export interface InvalidVector extends VectorBase {
  readonly result: 'invalid';
  /** The charset the verifier checks under. */
  readonly charset: string;
  /** The body as received: already canonical. */
  readonly canonicalBody: string;
  readonly signature: string;
}

/** Why a vector is refused, as `@signet/auth` names it: its error code, and for canonical JSON its reason. */
export interface Refusal {
  readonly error: 'ERR_CANONICAL_JSON_UNSUPPORTED' | 'ERR_JSON_SYNTAX' | 'ERR_INVALID_CREDENTIALS' | 'ERR_INVALID_TIMESTAMP';
  /** For `ERR_CANONICAL_JSON_UNSUPPORTED`: `version-dependent-number`, `too-deep`, … */
  readonly refusal?: string;
}

/**
 * No signer can get this right: the releases of the reference disagree, or it throws, or it writes a
 * body it cannot read back (the body the server would receive). A signer must refuse it.
 */
export interface RefusedVector extends VectorBase, Refusal {
  readonly result: 'refused';
  /** What the reference did when every release agreed: the body it wrote, or `threw …`. */
  readonly referenceOutput?: string;
  /** What each release did where they disagree. */
  readonly referenceOutputByVersion?: Readonly<Record<string, string>>;
}

/**
 * The reference signs it the same way in every release, but `@signet/auth` refuses it by design (a
 * timestamp in seconds; a credential no header can carry; JSON a reference reads leniently; …). A
 * signer may refuse it, or sign it exactly as the reference does.
 */
export interface AcceptableVector extends VectorBase, Refusal {
  readonly result: 'acceptable';
  /** The body to send for what the reference writes, UTF-8, hex (an unpaired surrogate escaped, as in `canonicalBody`). */
  readonly canonicalBodyHex: string;
  /** The reference's signature under UTF-8. */
  readonly signature: string;
  /** The reference's signature under each JVM default charset. */
  readonly signatureByCharset: Readonly<Record<string, string>>;
}

/** One test case. */
export type Vector = ValidVector | InvalidVector | RefusedVector | AcceptableVector;

/** A flag's meaning, in the shape Wycheproof's `notes` use. */
export interface FlagNote {
  readonly bugType: 'BASIC' | 'EDGE_CASE' | 'MODIFIED_SIGNATURE' | 'WRONG_PARAMETER' | 'REFUSED' | 'CAN_OF_WORMS';
  readonly description: string;
}

/** A vector file: one dialect, every vector with every step, and where they came from. */
export interface VectorFile {
  readonly algorithm: 'VIDAU-HMAC-SHA256';
  /** The JSON Schema it follows, in `schema/`. */
  readonly schema: 'vector-file.schema.json';
  readonly dialect: VidauDialect;
  readonly generator: {
    /** The vendor code that produced every body, byte string and signature. */
    readonly reference: string;
    /** `fastjson2=2.0.45,…` (every release it ran on, which all agreed on each valid vector) or `python=3.11`. */
    readonly version: string;
    readonly command: string;
    /** The JVM default charsets of `byCharset` (python: UTF-8). */
    readonly charsets: readonly string[];
  };
  readonly notes: Readonly<Record<string, FlagNote>>;
  readonly numberOfTests: number;
  readonly tests: readonly Vector[];
}

/** Where a dialect's vector file is in this package. */
export function vectorFilePath(dialect: VidauDialect): string {
  return fileURLToPath(new URL(`../vectors/vidau-${dialect}.json`, import.meta.url));
}

/**
 * Reads a vector file: this package's for a dialect, or any file of the same schema.
 *
 * @example
 * ```ts
 * import { loadVectors } from '@signet/vidau-conformance';
 *
 * const java = loadVectors('java');
 * const valid = java.tests.filter((t) => t.result === 'valid');
 * console.log(valid.length, java.generator.charsets);
 * ```
 */
export function loadVectors(dialectOrPath: VidauDialect | string): VectorFile {
  const path = dialectOrPath === 'java' || dialectOrPath === 'python' ? vectorFilePath(dialectOrPath) : dialectOrPath;
  return JSON.parse(readFileSync(path, 'utf8')) as VectorFile;
}
