/**
 * Lists what the java dialect refuses although every fastjson2 release of the range writes the
 * same body: the over-refusals, with examples, so that each can be traced to its cause.
 *
 *   pnpm --filter @signet/conformance exec tsx scripts/over-refusals.ts [cases] [seed]
 */
import fc from 'fast-check';
import { referenceCase } from '../src/arbitraries.js';
import { judge, refusalStands, signetAnswer } from '../src/compare.js';
import { JavaRange } from '../src/references.js';

const CASES = Number(process.argv[2] ?? 20_000);
const SEED = Number(process.argv[3] ?? 42);
const range = await JavaRange.start();
const decoder = new TextDecoder();
const byReason = new Map<string, string[]>();
let refusedWhereReleasesDiffer = 0;
for (const c of fc.sample(referenceCase, { seed: SEED, numRuns: CASES })) {
  const [answer, ours] = await Promise.all([range.run(c), signetAnswer(c, 'java')]);
  let verdict = judge('java', ours, answer);
  if (verdict.kind === 'refused' && verdict.over && answer.agreed && answer.answer.ok) {
    if (await refusalStands(range, c, answer.answer.canonical)) verdict = { ...verdict, over: false };
  }
  if (verdict.kind === 'mismatch' || verdict.kind === 'accepted-where-versions-differ') {
    console.error(`${verdict.kind}: ${verdict.detail}`);
    process.exitCode = 1;
  }
  if (verdict.kind !== 'refused') continue;
  if (!verdict.over) {
    refusedWhereReleasesDiffer++;
    continue;
  }
  const examples = byReason.get(verdict.reason) ?? [];
  const output = answer.agreed && answer.answer.ok ? decoder.decode(answer.answer.canonical) : '';
  examples.push(`${JSON.stringify(c.text)} -> every release writes ${JSON.stringify(output)}`);
  byReason.set(verdict.reason, examples);
}
console.log(`${CASES} cases (seed ${SEED}) on ${range.version}: ${refusedWhereReleasesDiffer} refused where releases differ or fail`);
for (const [reason, examples] of byReason) {
  console.log(`over-refusal ${reason}: ${examples.length}`);
  for (const example of examples.slice(0, 6)) console.log(`  ${example}`);
}
await range.close();
