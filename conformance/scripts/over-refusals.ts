/**
 * Lists what each dialect refuses although its reference (every fastjson2 release of the range, or
 * CPython) writes the same body: the over-refusals per 10,000 cases by reason, with examples, so that
 * each can be traced to its cause; and the refusals where the reference differs or fails, by reason.
 *
 *   pnpm --filter @signet/conformance exec tsx scripts/over-refusals.ts [cases] [seed]
 */
import fc from 'fast-check';
import { referenceCase } from '../src/arbitraries.js';
import { judge, readsBack, refusalStands, sendable, signetAnswer } from '../src/compare.js';
import { JavaRange, type ReferenceCase, ReferenceProcess } from '../src/references.js';
import type { DialectName } from '../src/vectors.js';

const CASES = Number(process.argv[2] ?? 10_000);
const SEED = Number(process.argv[3] ?? 42);
const [range, python] = await Promise.all([JavaRange.start(), ReferenceProcess.start('python')]);

interface Tally {
  over: Map<string, string[]>;
  needed: Map<string, number>;
  wrong: number;
}
const tallies: Record<DialectName, Tally> = {
  java: { over: new Map(), needed: new Map(), wrong: 0 },
  python: { over: new Map(), needed: new Map(), wrong: 0 },
};

async function check(dialect: DialectName, c: ReferenceCase): Promise<void> {
  const reference = dialect === 'java' ? range : python;
  const [answer, ours] = await Promise.all([reference.run(c), signetAnswer(c, dialect)]);
  let verdict = judge(dialect, ours, answer);
  const agreed = 'byVersion' in answer ? (answer.agreed ? answer.answer : undefined) : answer;
  if (dialect === 'java' && verdict.kind === 'refused' && verdict.over && agreed?.ok) {
    if (await refusalStands(range, c, agreed)) verdict = { ...verdict, over: false };
  }
  if (dialect === 'java' && verdict.kind === 'match' && agreed?.ok && sendable(agreed.text) !== agreed.text) {
    if (!(await readsBack(range, c, agreed)))
      verdict = { kind: 'mismatch', detail: `the releases do not read back ${sendable(agreed.text)}` };
  }
  const t = tallies[dialect];
  if (verdict.kind === 'mismatch' || verdict.kind === 'accepted-where-versions-differ') {
    console.error(`${dialect} ${verdict.kind}: ${verdict.detail.slice(0, 400)}`);
    t.wrong++;
    process.exitCode = 1;
  }
  if (verdict.kind !== 'refused') return;
  if (!verdict.over) {
    t.needed.set(verdict.reason, (t.needed.get(verdict.reason) ?? 0) + 1);
    return;
  }
  const examples = t.over.get(verdict.reason) ?? [];
  const output = agreed?.ok ? sendable(agreed.text) : '';
  examples.push(`${JSON.stringify(c.text).slice(0, 200)} -> the reference writes ${JSON.stringify(output).slice(0, 200)}`);
  t.over.set(verdict.reason, examples);
}

const started = performance.now();
for (const c of fc.sample(referenceCase, { seed: SEED, numRuns: CASES })) await Promise.all([check('java', c), check('python', c)]);
const per10k = (n: number) => ((n * 10_000) / CASES).toFixed(0);
console.log(`${CASES} cases (seed ${SEED}) in ${((performance.now() - started) / 1000).toFixed(0)} s; per 10,000 cases:`);
for (const [dialect, version] of [
  ['java', range.version],
  ['python', python.version],
] as const) {
  const t = tallies[dialect];
  const over = [...t.over].map(([reason, examples]) => `${reason} ${per10k(examples.length)}`).join(', ') || 'none';
  const needed = [...t.needed].map(([reason, n]) => `${reason} ${per10k(n)}`).join(', ') || 'none';
  const total = [...t.over.values()].reduce((sum, examples) => sum + examples.length, 0);
  console.log(
    `${dialect} (${version}): over-refusal ${per10k(total)} [${over}]; refused where the reference differs or fails [${needed}]; ${t.wrong} wrong`,
  );
  for (const [reason, examples] of t.over) for (const example of examples.slice(0, 4)) console.log(`  ${reason}: ${example}`);
}
await Promise.all([range.close(), python.close()]);
