import type { CanonicalJsonDialect } from '@signet/auth';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceCase } from './arbitraries.js';
import { judge, signetAnswer, type Verdict } from './compare.js';
import { ReferenceProcess } from './references.js';

/** At least this many cases per reference per run; CI sets no lower bound. */
const RUNS = Math.max(10_000, Number(process.env.SIGNET_CONFORMANCE_RUNS ?? 0));
const SEED = Number(process.env.SIGNET_CONFORMANCE_SEED ?? Date.now() % 2 ** 31);

interface Tally {
  checked: number;
  identical: number;
  mismatches: number;
  refused: Record<string, number>;
}

const references = new Map<CanonicalJsonDialect, ReferenceProcess>();
const tallies: Record<CanonicalJsonDialect, Tally> = {
  java: { checked: 0, identical: 0, mismatches: 0, refused: {} },
  python: { checked: 0, identical: 0, mismatches: 0, refused: {} },
};

function record(dialect: CanonicalJsonDialect, verdict: Verdict): void {
  const tally = tallies[dialect];
  tally.checked++;
  if (verdict.kind === 'match') tally.identical++;
  else if (verdict.kind === 'refused') tally.refused[verdict.reason] = (tally.refused[verdict.reason] ?? 0) + 1;
  else tally.mismatches++;
}

describe('live vendor references (fastjson2 and CPython)', () => {
  beforeAll(async () => {
    // Required, not optional: a missing java or python3 fails the suite rather than skipping it.
    const [java, python] = await Promise.all([ReferenceProcess.start('java'), ReferenceProcess.start('python')]);
    references.set('java', java);
    references.set('python', python);
    console.log(`conformance: seed ${SEED} (rerun with SIGNET_CONFORMANCE_SEED=${SEED}), ${RUNS} cases per reference`);
  });

  afterAll(async () => {
    const lines = [...references].map(([dialect, reference]) => {
      const t = tallies[dialect];
      const refused =
        Object.entries(t.refused)
          .map(([reason, n]) => `${reason} ${n}`)
          .join(', ') || 'none';
      return `conformance ${dialect} (${reference.version}): ${t.checked} cases checked, ${t.identical} identical, refused: ${refused}, ${t.mismatches} mismatches`;
    });
    console.log(lines.join('\n'));
    await Promise.all([...references.values()].map((r) => r.close()));
  });

  it(`produces the reference's bytes and signature, or a sanctioned refusal, on ${RUNS} random bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(referenceCase, async (c) => {
        for (const [dialect, reference] of references) {
          const [answer, ours] = await Promise.all([reference.run(c), signetAnswer(c, dialect)]);
          const verdict = judge(dialect, ours, answer);
          record(dialect, verdict);
          if (verdict.kind === 'mismatch') throw new Error(`${dialect}: ${verdict.detail}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    for (const dialect of references.keys()) {
      expect(tallies[dialect].checked).toBeGreaterThanOrEqual(RUNS);
      // Refusals are sanctioned, but a suite that refuses everything proves nothing.
      expect(tallies[dialect].identical).toBeGreaterThan(RUNS * 0.75);
    }
  }, 600_000);
});
