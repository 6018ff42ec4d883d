import fc from 'fast-check';
import { referenceCase } from '../src/arbitraries.ts';
import { ReferenceProcess } from '../src/references.ts';
import { signetAnswer, judge } from '../src/compare.ts';
const java = await ReferenceProcess.start('java');
const py = await ReferenceProcess.start('python');
const counts: Record<string, number> = {};
const t0 = Date.now();
const samples = fc.sample(referenceCase, { numRuns: 3000, seed: 42 });
let shown = 0;
for (const c of samples) {
  for (const [ref, d] of [[java, 'java'], [py, 'python']] as const) {
    const [r, o] = await Promise.all([ref.run(c), signetAnswer(c, d)]);
    const v = judge(d, o, r);
    const k = d + ':' + v.kind + (v.kind === 'refused' ? ':' + v.reason : '');
    counts[k] = (counts[k] ?? 0) + 1;
    if (v.kind === 'mismatch' && shown++ < 15) console.log(d, JSON.stringify(c.text), v.detail.slice(0, 400));
  }
}
console.log(counts, Date.now() - t0, 'ms');
await java.close(); await py.close();
