import { FASTJSON2_RANGE } from '@signet/auth';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nestingDepth, referenceCase } from './arbitraries.js';
import { CHARSET_OPTIONS, OTHER_CHARSETS } from './charsets.js';
import { judge, judgeCharset, readsBack, refusalStands, sendable, signetAnswer, signetSigned, type Verdict } from './compare.js';
import { describeNewest, fetchRelease, type NewestRelease, newestServedRelease } from './newest-release.js';
import { FASTJSON2_PINNED, fastjson2Range, JavaRange, type JvmCharset, type ReferenceCase, ReferenceProcess } from './references.js';
import type { DialectName } from './vectors.js';

/** At least this many cases per dialect per run; CI sets no lower bound. */
const RUNS = Math.max(10_000, Number(process.env.SIGNET_CONFORMANCE_RUNS ?? 0));
const SEED = Number(process.env.SIGNET_CONFORMANCE_SEED ?? Date.now() % 2 ** 31);
/** The releases the fixed list must include: those where the writer or reader changed, and the newest when it was last measured. */
const REQUIRED_RELEASES = ['2.0.45', '2.0.49', '2.0.50', '2.0.53', '2.0.57', '2.0.60', '2.0.64', '2.0.65', '2.0.66'];
/** Every JVM default charset besides UTF-8 that the charset option reproduces: one JVM each, on the pinned release. */
const CHARSETS = OTHER_CHARSETS;

interface Tally {
  checked: number;
  identical: number;
  mismatches: number;
  acceptedWhereVersionsDiffer: number;
  /**
   * Refused where the releases differ, or cannot read the body, or cannot read back the canonical body
   * they wrote (which is what the server would receive): what must be refused.
   */
  refused: Record<string, number>;
  /** Refused although every release wrote the same body: what a perfect dialect would have sent. */
  overRefused: Record<string, number>;
}

const tally = (): Tally => ({ checked: 0, identical: 0, mismatches: 0, acceptedWhereVersionsDiffer: 0, refused: {}, overRefused: {} });
const tallies: Record<DialectName, Tally> = { java: tally(), python: tally() };
/** Accepted java bodies sent otherwise than written (an unpaired surrogate escaped), each read back by every release. */
let sentEscaped = 0;
/** Accepted java bodies nested deeper than 256 levels, the limit before every release's own was measured. */
let acceptedDeep = 0;
interface CharsetTally {
  checked: number;
  differentFromUtf8: number;
  /** Bodies in which the JVM wrote some character as bytes of its own past ASCII (not just '?'): what exercises the table. */
  mapped: number;
  mismatches: number;
}
const charsetTallies = Object.fromEntries(
  CHARSETS.map((c): [JvmCharset, CharsetTally] => [c, { checked: 0, differentFromUtf8: 0, mapped: 0, mismatches: 0 }]),
) as Record<JvmCharset, CharsetTally>;

let range: JavaRange;
let python: ReferenceProcess;
/** The newest release Maven Central serves today: run beside the fixed list when it is not in it. */
let newest: NewestRelease;
const jvmsByCharset = new Map<JvmCharset, ReferenceProcess>();

function record(dialect: DialectName, verdict: Verdict): void {
  const t = tallies[dialect];
  t.checked++;
  if (verdict.kind === 'match') t.identical++;
  else if (verdict.kind === 'refused') {
    const bucket = verdict.over ? t.overRefused : t.refused;
    bucket[verdict.reason] = (bucket[verdict.reason] ?? 0) + 1;
  } else if (verdict.kind === 'accepted-where-versions-differ') t.acceptedWhereVersionsDiffer++;
  else t.mismatches++;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ') || 'none';

async function checkJava(c: ReferenceCase): Promise<void> {
  const [answer, ours] = await Promise.all([range.run(c), signetAnswer(c, 'java')]);
  let verdict = judge('java', ours, answer);
  const written = answer.agreed && answer.answer.ok ? answer.answer : undefined;
  if (verdict.kind === 'refused' && verdict.over && written !== undefined) {
    if (await refusalStands(range, c, written)) verdict = { ...verdict, over: false };
  }
  // A body sent otherwise than the reference wrote it (an unpaired surrogate escaped) must read back to that text.
  if (verdict.kind === 'match' && written !== undefined && sendable(written.text) !== written.text) {
    sentEscaped++;
    if (!(await readsBack(range, c, written)))
      verdict = { kind: 'mismatch', detail: `the releases do not read back ${sendable(written.text)}` };
  }
  record('java', verdict);
  if (verdict.kind === 'match' && ours.ok && nestingDepth(c.text) > 256) acceptedDeep++;
  if (verdict.kind === 'mismatch' || verdict.kind === 'accepted-where-versions-differ')
    throw new Error(`java ${verdict.kind}: ${verdict.detail}`);
  if (!ours.ok || verdict.kind !== 'match') return;
  // The same body on servers whose JVM default charset is not UTF-8, all at once.
  const problems = await Promise.all(
    [...jvmsByCharset].map(async ([charset, jvm]) => {
      // The body is the one signet already wrote: only the bytes signed depend on the charset.
      const [reference, signed] = await Promise.all([jvm.run(c), signetSigned(c, ours.canonical, 'java', CHARSET_OPTIONS[charset])]);
      const t = charsetTallies[charset];
      t.checked++;
      if (signed.signature !== ours.signature) t.differentFromUtf8++;
      if (reference.ok && reference.canonical.some((byte) => byte >= 0x80)) t.mapped++;
      const charsetVerdict = judgeCharset(charset, { ...ours, ...signed }, reference);
      if (charsetVerdict.kind === 'match') return [];
      t.mismatches++;
      return [`java ${charset}: ${charsetVerdict.kind === 'mismatch' ? charsetVerdict.detail : charsetVerdict.kind}`];
    }),
  );
  if (problems.flat().length > 0) throw new Error(problems.flat().join('\n'));
}

async function checkPython(c: ReferenceCase): Promise<void> {
  const [answer, ours] = await Promise.all([python.run(c), signetAnswer(c, 'python')]);
  const verdict = judge('python', ours, answer);
  record('python', verdict);
  if (verdict.kind === 'mismatch') throw new Error(`python: ${verdict.detail}`);
}

describe('live vendor references (fastjson2 range, JVM charsets and CPython)', () => {
  beforeAll(async () => {
    // Required, not optional: a missing java or python3 fails the suite rather than skipping it.
    const charsetJvms = CHARSETS.map((charset) => ReferenceProcess.start('java', { fastjson2: FASTJSON2_PINNED, charset }));
    const fixed = fastjson2Range();
    newest = await newestServedRelease(fixed.at(-1) ?? FASTJSON2_RANGE.to);
    if (newest.reachable && !fixed.includes(newest.version)) {
      const version = newest.version;
      newest = await fetchRelease(version).then(
        () => newest,
        (error: Error): NewestRelease => ({
          reachable: false,
          reason: `fastjson2 ${version} is listed but did not download: ${error.message}`,
        }),
      );
    }
    const versions = newest.reachable && !fixed.includes(newest.version) ? [...fixed, newest.version] : fixed;
    [range, python] = await Promise.all([JavaRange.start(versions), ReferenceProcess.start('python')]);
    (await Promise.all(charsetJvms)).forEach((jvm, i) => {
      jvmsByCharset.set(CHARSETS[i] as JvmCharset, jvm);
    });
    console.log(`conformance: seed ${SEED} (rerun with SIGNET_CONFORMANCE_SEED=${SEED}), ${RUNS} cases per dialect`);
    console.log(`conformance fastjson2: ${describeNewest(newest, fixed)}`);
  });

  afterAll(async () => {
    const lines: string[] = [`conformance fastjson2: ${newest === undefined ? 'not resolved' : describeNewest(newest, fastjson2Range())}`];
    for (const [dialect, version] of [
      ['java', range?.version],
      ['python', python?.version],
    ] as const) {
      const t = tallies[dialect];
      lines.push(
        `conformance ${dialect} (${version}): ${t.checked} cases, ${t.identical} identical, ` +
          `refused ${sum(t.refused) + sum(t.overRefused)} [where the reference differs or fails ${sum(t.refused)}: ${list(t.refused)}; ` +
          `over-refusal ${sum(t.overRefused)}: ${list(t.overRefused)}], ` +
          `${t.acceptedWhereVersionsDiffer} accepted where versions differ, ${t.mismatches} mismatches`,
      );
    }
    lines.push(
      `conformance java: ${sentEscaped} accepted bodies with an unpaired surrogate, each sent escaped and read back by every release; ` +
        `${acceptedDeep} accepted bodies nested deeper than 256 levels`,
    );
    for (const [charset, t] of Object.entries(charsetTallies)) {
      lines.push(
        `conformance java JVM charset ${charset} (fastjson2=${FASTJSON2_PINNED}): ${t.checked} accepted bodies signed, ` +
          `${t.differentFromUtf8} of them differently from UTF-8, ${t.mapped} with characters it writes past ASCII, ${t.mismatches} mismatches`,
      );
    }
    console.log(lines.join('\n'));
    await Promise.all([range?.close(), python?.close(), ...[...jvmsByCharset.values()].map((j) => j.close())]);
  });

  it('runs the declared fastjson2 range and the newest release served, one JVM each', () => {
    const versions = fastjson2Range();
    expect(versions).toEqual(expect.arrayContaining(REQUIRED_RELEASES));
    expect(versions[0]).toBe(FASTJSON2_RANGE.from);
    expect(versions.at(-1)).toBe(FASTJSON2_RANGE.to);
    const beside = newest.reachable && !versions.includes(newest.version) ? [newest.version] : [];
    expect(range.versions).toEqual([...versions, ...beside]);
    expect([...jvmsByCharset.values()].map((j) => j.version)).toEqual(CHARSETS.map((c) => `fastjson2=${FASTJSON2_PINNED} charset=${c}`));
  });

  it(`writes what every release writes, refuses where they differ, and signs as each JVM charset does, on ${RUNS} random bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(referenceCase, async (c) => {
        await Promise.all([checkJava(c), checkPython(c)]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    for (const dialect of ['java', 'python'] as const) {
      const t = tallies[dialect];
      expect(t.checked).toBeGreaterThanOrEqual(RUNS);
      expect(t.mismatches).toBe(0);
      expect(t.acceptedWhereVersionsDiffer).toBe(0);
      // Refusals are sanctioned, but a suite that refuses everything proves nothing.
      expect(t.identical).toBeGreaterThan(RUNS * 0.75);
    }
    // Lone surrogates and deep nesting are signed now: the generator must reach them often.
    expect(sentEscaped).toBeGreaterThan(RUNS / 10);
    expect(acceptedDeep).toBeGreaterThan(RUNS / 100);
    for (const [charset, t] of Object.entries(charsetTallies)) {
      expect(t.mismatches).toBe(0);
      // The charset runs must exercise non-ASCII: a fifth of accepted bodies at least sign differently,
      // and, past US-ASCII, a fifth hold characters the charset writes as bytes of its own.
      expect(t.differentFromUtf8).toBeGreaterThan(t.checked / 5);
      if (charset !== 'US-ASCII') expect(t.mapped).toBeGreaterThan(t.checked / 5);
    }
  }, 600_000);
});
