// The README's main-job command needs only Node: `bash .ci/setup` (without --tests) in a clean clone
// of HEAD, with ../shared beside it as CI has it, runs no apt, dpkg, Java, Maven, Python, pip or Go.
// Each of those is a stand-in first on the PATH that records its call and fails, and Go's usual
// folders are left off the PATH.
//
//   node scripts/check-setup.mjs          the setup alone
//   node scripts/check-setup.mjs --demo   and then `pnpm demo`, as the README's first line runs it
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { repoRoot as root } from './workspace-packages.mjs';

const FORBIDDEN = ['apt', 'apt-get', 'dpkg', 'java', 'javac', 'mvn', 'python', 'python3', 'pip', 'pip3', 'go', 'gofmt', 'chromium'];
const withDemo = process.argv.includes('--demo');
const work = mkdtempSync(join(tmpdir(), 'signet-setup-'));
const clone = join(work, 'signet');
const calls = join(work, 'forbidden-calls.log');
let failed = false;

try {
  const git = spawnSync('git', ['clone', '--quiet', '--no-local', root, clone], { encoding: 'utf8' });
  if (git.status !== 0) throw new Error(`git clone failed: ${git.stderr}`);
  const shared = join(root, '..', 'shared');
  if (existsSync(shared)) symlinkSync(shared, join(work, 'shared'));

  const trap = join(work, 'trap');
  mkdirSync(trap);
  for (const name of FORBIDDEN) {
    const shim = join(trap, name);
    writeFileSync(shim, `#!/bin/sh\necho "${name} $*" >> '${calls}'\nexit 127\n`);
    chmodSync(shim, 0o755);
  }
  writeFileSync(calls, '');
  // Node's own folder (npm, and pnpm once installed, live beside it), and the system's basics.
  const path = [trap, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter);
  const env = { HOME: process.env.HOME, PATH: path, CI: 'true', TERM: 'dumb' };
  const commands = [['bash', ['.ci/setup']], ...(withDemo ? [['pnpm', ['demo']]] : [])];
  for (const [command, args] of commands) {
    const started = Date.now();
    const result = spawnSync(command, args, { cwd: clone, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const line = [command, ...args].join(' ');
    if (result.status !== 0) {
      failed = true;
      console.error(
        `✗ ${line} exited ${result.status} (${seconds} s):\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n')}`,
      );
    } else {
      console.log(`✓ ${line} in a clean clone (${seconds} s)`);
    }
  }
  const forbidden = readFileSync(calls, 'utf8').trim();
  if (forbidden) {
    failed = true;
    console.error(`✗ the main job's setup called what it must not need:\n${forbidden}`);
  } else {
    console.log(`✓ none of ${FORBIDDEN.join(', ')} was called`);
  }
} catch (error) {
  failed = true;
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
  console.log(`setup check: ${failed ? '0 passed, 1 failed' : '1 passed, 0 failed'}`);
  process.exitCode = failed ? 1 : 0;
}
