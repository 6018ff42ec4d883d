import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { vectorFilePath } from './vectors.js';

const oracle = fileURLToPath(new URL('./oracle-adapter.test-support.mjs', import.meta.url));
const bin = fileURLToPath(new URL('../bin/vidau-conformance.js', import.meta.url));

async function cli(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('vidau-conformance', () => {
  it('exits 0 and prints the summary when every request passes', async () => {
    const { code, stdout } = await cli(['--dialect', 'python', '--', process.execPath, oracle, vectorFilePath('python')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^VidAU conformance: python vectors \(python=3\.\d+\), charsets UTF-8$/m);
    expect(stdout).toMatch(/^PASS: /m);
  });

  it('exits 1 on a failure, and prints JSON when asked', async () => {
    const { code, stdout } = await cli([
      '--json',
      '--charset',
      'all',
      '--',
      process.execPath,
      oracle,
      vectorFilePath('java'),
      'sign-refused',
    ]);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout) as { passed: boolean; charsets: string[] };
    expect(summary.passed).toBe(false);
    expect(summary.charsets).toContain('GB18030');
  });

  it.each([
    [[], /give the adapter command after --/],
    [['--dialect', 'go', '--', 'x'], /--dialect is java or python/],
    [['--charset', 'UTF-16', '--', 'x'], /no vectors for charset UTF-16/],
    [['--timeout', '0', '--', 'x'], /--timeout is a positive number/],
    [['--vectors', '/nonexistent.json', '--', 'x'], /cannot read \/nonexistent\.json/],
    [['--frobnicate', '--', 'x'], /Unknown option '--frobnicate'/],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('runs as the package bin', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      '--dialect',
      'python',
      '--',
      process.execPath,
      oracle,
      vectorFilePath('python'),
    ]);
    expect(stdout).toMatch(/^PASS: /m);
    const help = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(help.stdout).toMatch(/^usage: vidau-conformance/);
  });
});
