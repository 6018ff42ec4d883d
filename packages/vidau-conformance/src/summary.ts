import type { CaseResult, RunSummary } from './runner.js';

const RESULTS = ['valid', 'invalid', 'refused', 'acceptable'] as const;
/** How many failures are printed one by one; the rest are counted. */
const FAILURES_LISTED = 25;

const pad = (text: string | number, width: number) => String(text).padStart(width);

/**
 * The run as Wycheproof reports read: requests and failures per kind of vector, what an acceptable
 * vector got (signed or refused), failures by flag, the first failures one by one, and a verdict.
 *
 * @example
 * ```ts
 * import { formatSummary, loadVectors, runConformance } from '@signet/vidau-conformance';
 *
 * const summary = await runConformance({ command: './my-adapter', vectors: loadVectors('java'), charsets: ['UTF-8', 'GBK'] });
 * console.log(formatSummary(summary));
 * ```
 */
export function formatSummary(summary: RunSummary): string {
  const lines = [
    `VidAU conformance: ${summary.dialect} vectors (${summary.version}), charsets ${summary.charsets.join(', ')}`,
    `  ${'vectors'.padEnd(11)}${pad('requests', 9)}${pad('passed', 8)}${pad('failed', 8)}`,
  ];
  for (const kind of RESULTS) {
    const of = summary.results.filter((r) => r.result === kind);
    const failed = of.filter((r) => !r.outcome.passed).length;
    const refused = of.filter((r) => r.outcome.passed && r.outcome.refused).length;
    const note = kind === 'acceptable' ? `   (signed ${of.length - failed - refused}, refused ${refused})` : '';
    lines.push(`  ${kind.padEnd(11)}${pad(of.length, 9)}${pad(of.length - failed, 8)}${pad(failed, 8)}${note}`);
  }
  const failures = summary.results.filter((r): r is CaseResult & { outcome: { passed: false } } => !r.outcome.passed);
  const byFlag = new Map<string, number>();
  for (const failure of failures) for (const flag of failure.flags) byFlag.set(flag, (byFlag.get(flag) ?? 0) + 1);
  lines.push(
    `  failures by flag: ${
      [...byFlag]
        .sort((a, b) => b[1] - a[1])
        .map(([flag, n]) => `${flag} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  for (const failure of failures.slice(0, FAILURES_LISTED)) {
    lines.push(
      `  FAIL tcId ${failure.tcId} ${failure.result} [${failure.op} ${failure.charset}] ${failure.flags.join(' ')}: ${failure.outcome.reason}`,
    );
  }
  if (failures.length > FAILURES_LISTED) lines.push(`  … and ${failures.length - FAILURES_LISTED} more failures`);
  if (summary.aborted !== undefined) lines.push(`  ABORTED: ${summary.aborted}`);
  lines.push(
    summary.passed
      ? `PASS: ${summary.results.length} requests, 0 failures`
      : `FAIL: ${failures.length} of ${summary.results.length} requests failed${summary.aborted === undefined ? '' : ' (the adapter stopped answering)'}`,
  );
  return lines.join('\n');
}
