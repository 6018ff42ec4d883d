import {
  type CanonicalJsonDialect,
  CanonicalJsonError,
  canonicalJson,
  JsonSyntaxError,
  SignetAuthError,
  signVidau,
  verifyVidauSignature,
} from '@signet/auth';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonObjectText, nestingDepth, referenceCase } from './arbitraries.js';
import { DIALECT_OPTION } from './vectors.js';

const DIALECTS = ['java', 'python'] as const;

/** Canonical form, or the refusal's reason: refused inputs take no part in the invariants. */
function tryCanonical(text: string, dialect: CanonicalJsonDialect): string | undefined {
  try {
    return canonicalJson(text, { dialect });
  } catch (error) {
    if (error instanceof CanonicalJsonError) return undefined;
    throw error;
  }
}

/**
 * The data both references keep: zero loses its sign (BigDecimal, Python int), java drops null
 * members, and fastjson2 writes a double that overflows as null (python refuses those).
 */
function meaning(value: unknown, dropNullMembers: boolean): unknown {
  if (Object.is(value, -0)) return 0;
  if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) return null;
  if (Array.isArray(value)) return value.map((v) => meaning(v, dropNullMembers));
  if (typeof value === 'object' && value !== null) {
    // Each member's meaning once: twice would be exponential in the depth of a chain of objects.
    const members = Object.entries(value).map(([k, v]) => [k, meaning(v, dropNullMembers)] as const);
    return Object.fromEntries(members.filter(([, m]) => !(dropNullMembers && m === null)));
  }
  return value;
}

describe.each(DIALECTS)('%s dialect invariants', (name) => {
  const dialect = DIALECT_OPTION[name];
  /** What a reference's signature covers of a canonical body: in java, each unpaired surrogate (escaped in the body) is '?'. */
  const signedAs = (body: string) =>
    name === 'python'
      ? body
      : body.replace(/\\(?:u(d[89a-f][0-9a-f]{2})|[\s\S])/g, (sequence, unit?: string) => (unit === undefined ? sequence : '?'));
  it('is idempotent: canonicalizing a canonical body changes nothing', () => {
    fc.assert(
      fc.property(jsonObjectText, (text) => {
        const once = tryCanonical(text, dialect);
        if (once !== undefined) expect(canonicalJson(once, { dialect })).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips: the canonical body parses to the same data (less nulls in java)', () => {
    fc.assert(
      fc.property(jsonObjectText, (text) => {
        // meaning() and toEqual recurse: nesting past 256 levels is the live suite's to check.
        fc.pre(nestingDepth(text) <= 256);
        const canonical = tryCanonical(text, dialect);
        if (canonical === undefined) return;
        const dropNulls = name === 'java';
        expect(meaning(JSON.parse(canonical), dropNulls)).toEqual(meaning(JSON.parse(text), dropNulls));
      }),
      { numRuns: 2000 },
    );
  });

  it('fails verification when one byte of the body changes what it means, or one byte of the signature changes', async () => {
    await fc.assert(
      fc.asyncProperty(referenceCase, fc.nat(), fc.integer({ min: 1, max: 255 }), async (c, at, mask) => {
        const body = tryCanonical(c.text, dialect);
        if (body === undefined) return;
        const signature = await signVidau({ ...c, body }, { dialect });
        const now = () => c.timestamp;
        const verify = (b: string, s: string) =>
          verifyVidauSignature(
            { clientId: c.clientId, authKey: c.authKey, body: b, timestamp: String(c.timestamp), signature: s },
            { dialect, now },
          );
        await expect(verify(body, signature)).resolves.toBeUndefined();

        const bytes = new TextEncoder().encode(body);
        bytes[at % bytes.length] = (bytes[at % bytes.length] ?? 0) ^ mask;
        const flipped = new TextDecoder().decode(bytes);
        let flippedCanonical: string | undefined;
        try {
          flippedCanonical = canonicalJson(flipped, { dialect });
        } catch (error) {
          if (!(error instanceof CanonicalJsonError || error instanceof JsonSyntaxError)) throw error;
        }
        // A flip that leaves the canonical form intact (e.g. \u00e9 -> \u00E9) is the same request to the
        // server, and so is one from an unpaired surrogate to another, each '?' to Java's getBytes().
        if (flippedCanonical === undefined || signedAs(flippedCanonical) !== signedAs(body)) {
          await expect(verify(flipped, signature)).rejects.toBeInstanceOf(SignetAuthError);
        }

        const tag = Uint8Array.from(atob(signature), (ch) => ch.charCodeAt(0));
        tag[at % tag.length] = (tag[at % tag.length] ?? 0) ^ mask;
        await expect(verify(body, btoa(String.fromCharCode(...tag)))).rejects.toBeInstanceOf(SignetAuthError);
      }),
      { numRuns: 500 },
    );
  });
});
