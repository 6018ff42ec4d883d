/**
 * Candidates measured side by side, as `client-speed.ts` does: in rounds, within which the
 * candidates take turns in short batches (A B C, C B A, …) until each has run for `timeMs` of wall
 * time, so that a busy moment of the machine falls on all of them. Reported: the median, and the
 * range over rounds, of per-round ratios of calls per second by wall time, and the same by this
 * process's CPU time per call.
 */

/** One call of a candidate; it must read the whole answer. */
export type Call = () => Promise<unknown>;

/** One round of one candidate. */
export interface Sample {
  /** Calls per second, by wall time. */
  readonly wall: number;
  /** Microseconds of this process's CPU per call. */
  readonly cpuUs: number;
}

/** A candidate's samples, one per round. */
export interface Candidate {
  readonly name: string;
  readonly samples: readonly Sample[];
}

/** Calls per turn. */
const BATCH = 25;

const cpuUs = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

async function batch(call: Call, n: number): Promise<{ wallMs: number; cpuUs: number }> {
  const cpu = cpuUs();
  const start = performance.now();
  for (let i = 0; i < n; i++) await call();
  return { wallMs: performance.now() - start, cpuUs: cpuUs() - cpu };
}

/** `rounds` rounds of the candidates taking turns (A B C, then C B A, …) for `timeMs` each, after a warm-up. */
export async function measure(calls: readonly Call[], rounds: number, timeMs: number): Promise<Sample[][]> {
  // Warm up every candidate (JIT, connection pool).
  const warmUntil = performance.now() + Math.min(3000, timeMs);
  while (performance.now() < warmUntil) for (const call of calls) await batch(call, BATCH);
  const samples = calls.map(() => [] as Sample[]);
  const order = calls.map((_, i) => i);
  for (let round = 0; round < rounds; round++) {
    const total = calls.map(() => ({ wallMs: 0, cpuUs: 0, n: 0 }));
    for (let turn = 0; total.some((t) => t.wallMs < timeMs); turn++) {
      for (const i of turn % 2 === 0 ? order : [...order].reverse()) {
        const timing = await batch(calls[i] as Call, BATCH);
        const t = total[i] as { wallMs: number; cpuUs: number; n: number };
        t.wallMs += timing.wallMs;
        t.cpuUs += timing.cpuUs;
        t.n += BATCH;
      }
    }
    for (const [i, t] of total.entries()) samples[i]?.push({ wall: (t.n / t.wallMs) * 1000, cpuUs: t.cpuUs / t.n });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return samples;
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const spread = (values: readonly number[]) =>
  `${median(values).toFixed(2)}× (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;

/** A markdown section: every candidate's rate and CPU per call, then `subject` against each of `baselines`, round by round. */
export function report(title: string, candidates: readonly Candidate[], subject: Candidate, baselines: readonly Candidate[]): string {
  const row = ({ name, samples }: Candidate) =>
    `| ${name} | ${Math.round(median(samples.map((s) => s.wall)))} | ${median(samples.map((s) => s.cpuUs)).toFixed(0)} |`;
  const against = (baseline: Candidate) => {
    const other = baseline.samples;
    const wallRatio = subject.samples.map((sample, i) => sample.wall / (other[i]?.wall ?? Number.NaN));
    // CPU per call: baseline / subject, so that 1× means the same cost and less means slower, like the wall ratio.
    const cpuRatio = subject.samples.map((sample, i) => (other[i]?.cpuUs ?? Number.NaN) / sample.cpuUs);
    const overheadUs = subject.samples.map((sample, i) => sample.cpuUs - (other[i]?.cpuUs ?? Number.NaN));
    return [
      `- ${subject.name} vs ${baseline.name}, calls/s by wall time: **${spread(wallRatio)}** (median, range of ${subject.samples.length} rounds)`,
      `  - by this process's CPU per call: ${spread(cpuRatio)}; difference ${median(overheadUs).toFixed(0)} µs/call (${Math.min(...overheadUs).toFixed(0)}–${Math.max(...overheadUs).toFixed(0)})`,
    ].join('\n');
  };
  return [
    `### ${title}`,
    '',
    "| candidate | calls/s, wall (median) | this process's CPU µs/call (median) |",
    '| --- | ---: | ---: |',
    ...candidates.map(row),
    '',
    ...baselines.map(against),
    '',
  ].join('\n');
}
