import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type RunSummary, runConformance } from './runner.js';
import { formatSummary } from './summary.js';
import { loadVectors, vectorFilePath } from './vectors.js';

const oracle = fileURLToPath(new URL('./oracle-adapter.test-support.mjs', import.meta.url));
const java = loadVectors('java');

/** The oracle adapter over the java vectors, honest or broken in one way. */
function run(mode: string, options: { charsets?: readonly string[]; timeoutMs?: number } = {}): Promise<RunSummary> {
  return runConformance({
    command: process.execPath,
    args: [oracle, vectorFilePath('java'), mode],
    vectors: java,
    stderr: () => {},
    ...options,
  });
}

const failures = (summary: RunSummary) => summary.results.filter((r) => !r.outcome.passed);

describe('runConformance', () => {
  it('passes an adapter that answers as the reference did, in every charset, and reports it', async () => {
    const summary = await run('honest', { charsets: java.generator.charsets });
    expect(failures(summary)).toEqual([]);
    expect(summary.passed).toBe(true);
    const valid = java.tests.filter((t) => t.result === 'valid').length;
    expect(summary.results.filter((r) => r.result === 'valid')).toHaveLength(valid * java.generator.charsets.length * 2);
    const text = formatSummary(summary);
    expect(text).toMatch(/^PASS: \d+ requests, 0 failures$/m);
    expect(text).toMatch(/acceptable +\d+ +\d+ +0 {3}\(signed 0, refused \d+\)/);
  });

  it('passes an adapter that signs the acceptable vectors exactly as the reference did', async () => {
    const summary = await run('sign-acceptable');
    expect(summary.passed).toBe(true);
    expect(formatSummary(summary)).toMatch(/\(signed [1-9]\d*, refused 0\)/);
  });

  it.each([
    ['flip-signature', /signature differs/, 'valid'],
    ['wrong-key-bytes', /keyHex differs/, 'valid'],
    ['sign-refused', /signed what must be refused/, 'refused'],
    ['accept-invalid', /verify said valid, expected invalid/, 'invalid'],
  ] as const)('fails an adapter that does %s, and says which vector and why', async (mode, reason, result) => {
    const summary = await run(mode);
    expect(summary.passed).toBe(false);
    expect(summary.aborted).toBeUndefined();
    expect(failures(summary).length).toBeGreaterThan(0);
    for (const failure of failures(summary)) {
      expect(failure.result).toBe(result);
      expect(failure.outcome).toMatchObject({ reason: expect.stringMatching(reason) });
    }
    expect(formatSummary(summary)).toMatch(/^FAIL: \d+ of \d+ requests failed$/m);
  });

  it.each([
    ['crash', /the adapter exited \(code 3\)/],
    ['garbage', /not a JSON line: not json/],
    ['wrong-id', /answered id "someone-else" to request/],
    ['hang', /no answer to .* within 2000 ms/],
  ] as const)('stops at an adapter that breaks the protocol (%s), failing everything unanswered', async (mode, why) => {
    const summary = await run(mode, { timeoutMs: 2000 });
    expect(summary.passed).toBe(false);
    expect(summary.aborted).toMatch(why);
    expect(failures(summary).at(-1)?.outcome).toEqual({ passed: false, reason: 'not answered' });
    expect(formatSummary(summary)).toContain('ABORTED: ');
  });

  it('fails, rather than throws, when the adapter cannot start, and refuses a charset the vectors lack', async () => {
    const summary = await runConformance({ command: '/nonexistent/adapter', vectors: java, stderr: () => {} });
    expect(summary.passed).toBe(false);
    expect(summary.aborted).toMatch(/could not start|exited/);
    await expect(runConformance({ command: process.execPath, vectors: java, charsets: ['UTF-16'] })).rejects.toThrow(/no charset UTF-16/);
  });
});
