import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { referenceCase } from '../src/arbitraries.js';
import { judge, signetAnswer } from '../src/compare.js';
import { CURATED_CASES } from '../src/curated-cases.js';
import { JavaRange, type ReferenceCase } from '../src/references.js';

const [label, classpath] = [process.argv[2] as string, process.argv[3] as string];
const N = Number(process.argv[4] ?? 10000);
const hex = (t: string) => Buffer.from(t, 'utf8').toString('hex');
const child = spawn('java', ['-Dfile.encoding=UTF-8', '-cp', classpath, 'reference.Main'], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
await lines.next();
let id = 0;
const pending = new Map<number, (s: string) => void>();
void (async () => {
  for await (const l of lines) {
    const [i, st, p] = l.split('\t');
    pending.get(Number(i))?.(st === 'ok' ? Buffer.from(p ?? '', 'hex').toString('utf8') : '!');
  }
})();
const run = (c: ReferenceCase) =>
  new Promise<string>((res) => {
    const i = id++;
    pending.set(i, res);
    child.stdin.write(`${i}\t${hex(c.text)}\t${hex(c.clientId)}\t${hex(c.authKey)}\t${c.timestamp}\n`);
  });
const range = await JavaRange.start();
const cases = [...CURATED_CASES.map((c) => ({ text: c.text, clientId: 'c', authKey: 'k', timestamp: 1723515690000 })), ...fc.sample(referenceCase, { seed: 7, numRuns: N })];
let accepted = 0;
let differ = 0;
for (const c of cases) {
  const [r, ours] = await Promise.all([range.run(c), signetAnswer(c, 'java')]);
  if (judge('java', ours, r).kind !== 'match' || !ours.ok) continue;
  accepted++;
  if ((await run(c)) !== ours.canonical) differ++;
}
console.log(`${label}: of ${accepted} bodies the java dialect accepts, ${differ} differ`);
child.stdin.end();
await range.close();
