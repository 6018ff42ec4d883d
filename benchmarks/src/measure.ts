/**
 * The side-by-side harness of `pnpm bench` (run.ts): every candidate of a table measured in one
 * run, interleaved, repeated in rounds, reported as the median (and the range) of each round's
 * ratio, since the machine is shared and only ratios measured together mean anything.
 *
 * Time is CPU time by default (this process's, and each reference process's own), so that other
 * work on the machine does not land on one candidate; `BENCH_CLOCK=wall` measures wall time.
 */
import type { Timing } from './references.js';

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
/** Measured time each candidate gets per round (at least one operation). */
export const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 60);
export const WALL = process.env.BENCH_CLOCK === 'wall';

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const clock = WALL ? () => performance.now() : cpuMs;

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** A candidate that runs in another process and times itself. */
export interface External {
  readonly external: (n: number) => Promise<Timing>;
}
export type Candidate = (() => unknown) | External;

const isExternal = (candidate: Candidate): candidate is External => typeof candidate === 'object';

/** Runs a candidate n times and answers the time it took, by this benchmark's clock. */
async function timed(candidate: Candidate, n: number): Promise<number> {
  if (isExternal(candidate)) {
    const timing = await candidate.external(n);
    return WALL ? timing.wallMs : timing.cpuMs;
  }
  const start = clock();
  for (let i = 0; i < n; i++) candidate();
  return clock() - start;
}

/**
 * Operations per second of each candidate, per round. Within a round the candidates take turns
 * in short batches (A B C A B C …) until each has been timed for TIME_MS, so that a busy moment
 * on the machine falls on all of them alike and their ratios stay meaningful.
 */
export async function measure(candidates: Record<string, Candidate>): Promise<Record<string, number[]>> {
  const entries = Object.entries(candidates);
  // Warm up, then size each candidate's batch to about 2 ms (at least one operation).
  const batch = new Map<string, number>();
  for (const [name, candidate] of entries) {
    let n = 1;
    for (let turn = 0; turn < 3; turn++) await timed(candidate, n);
    for (;;) {
      const elapsed = await timed(candidate, n);
      if (elapsed >= 2 || n >= 1 << 20) break;
      n = elapsed <= 0.05 ? n * 16 : Math.ceil((n * 2.5) / elapsed);
    }
    batch.set(name, n);
  }
  const samples: Record<string, number[]> = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const elapsed = new Map(entries.map(([name]) => [name, 0]));
    const runs = new Map(entries.map(([name]) => [name, 0]));
    for (let turn = 0; [...elapsed.values()].some((ms) => ms < TIME_MS); turn++) {
      for (let k = 0; k < entries.length; k++) {
        const [name, candidate] = entries[(turn + k) % entries.length] as [string, Candidate];
        const n = batch.get(name) ?? 1;
        elapsed.set(name, (elapsed.get(name) ?? 0) + (await timed(candidate, n)));
        runs.set(name, (runs.get(name) ?? 0) + n);
      }
    }
    for (const [name] of entries) samples[name]?.push(((runs.get(name) ?? 0) / (elapsed.get(name) ?? 1)) * 1000);
  }
  return samples;
}

export interface Ratio {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** `a` over `b`, round by round. */
export function ratio(samples: Record<string, number[]>, a: string, b: string): Ratio {
  const values = (samples[a] ?? []).map((v, i) => v / (samples[b]?.[i] ?? Number.NaN));
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export const fmtRatio = (r: Ratio) => `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
export const fmtOps = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));
export const fmtBytes = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e4 ? `${Math.round(n / 1e3)} KB` : `${n} B`);

export function table(samples: Record<string, number[]>, baseline: string, bytes: number): string {
  const rows = Object.keys(samples).map((name) => {
    const ops = median(samples[name] ?? []);
    return `| ${name} | ${fmtOps(ops)} | ${(1e9 / ops / bytes).toFixed(2)} | ${fmtRatio(ratio(samples, name, baseline))} |`;
  });
  return [
    `| candidate | ops/s (median of ${ROUNDS}) | ns/byte | vs ${baseline} (median, range of rounds) |`,
    '| --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
