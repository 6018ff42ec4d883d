import { fileURLToPath } from 'node:url';
import { formatSummary, loadVectors, type RunSummary, runConformance } from '@signet/vidau-conformance';
import { describe, expect, it } from 'vitest';
import { fastjson2Range } from './references.js';

/** The kit's vectors through an adapter, as an implementer in another language would run them. */
async function run(dialect: 'java' | 'python', command: string, args: readonly string[]): Promise<RunSummary> {
  const vectors = loadVectors(dialect);
  let stderr = '';
  const summary = await runConformance({
    command,
    args,
    vectors,
    charsets: vectors.generator.charsets,
    stderr: (text) => (stderr += text),
  });
  console.log(
    `${formatSummary(summary)}\n  (adapter: ${[command, ...args].map((a) => a.replace(/^.*\/(packages|conformance)\//, '$1/')).join(' ')})`,
  );
  if (!summary.passed) console.error(stderr.slice(-2000));
  return summary;
}

const tsx = (adapter: string) => ['--import', 'tsx', fileURLToPath(new URL(`./adapters/${adapter}.ts`, import.meta.url))];
const pythonExample = fileURLToPath(new URL('../../packages/vidau-conformance/examples/python/adapter.py', import.meta.url));

describe('the conformance kit: every adapter in CI passes every vector of its dialect, in every charset of the file', () => {
  fastjson2Range(); // the reference build must exist

  it.each(['java', 'python'] as const)('@signet/auth, %s dialect', async (dialect) => {
    const summary = await run(dialect, process.execPath, tsx('signet'));
    expect(summary.passed).toBe(true);
    // signet refuses every acceptable vector by design.
    expect(summary.results.filter((r) => r.result === 'acceptable').every((r) => r.outcome.passed && r.outcome.refused)).toBe(true);
  });

  it("the vendor's Java sample on every fastjson2 release and JVM charset (java)", async () => {
    const summary = await run('java', process.execPath, tsx('java-reference'));
    expect(summary.passed).toBe(true);
    // The reference signs every acceptable vector, as the vectors say it does.
    expect(summary.results.filter((r) => r.result === 'acceptable').every((r) => r.outcome.passed && !r.outcome.refused)).toBe(true);
  }, 300_000);

  it("the kit's Python example: the vendor's Python sample (python)", async () => {
    const summary = await run('python', process.env.SIGNET_PYTHON ?? 'python3', [pythonExample]);
    expect(summary.passed).toBe(true);
    expect(summary.results.filter((r) => r.result === 'acceptable').every((r) => r.outcome.passed && !r.outcome.refused)).toBe(true);
  });
});
