// The job's shared state: its deadline, its scratch folder, the children it started, and the steps
// it reported. Every part of the registry e2e runs its commands through run() and reports through step().
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot as root } from '../workspace-packages.mjs';

export { root };
export const LIMIT_MS = 6 * 60_000;
export const started = Date.now();
const deadline = started + LIMIT_MS;
/** The lockfile-pinned tools of this job (this folder's package.json). */
export const tools = join(root, 'scripts/registry-e2e');
export const bin = (name) => join(tools, 'node_modules/.bin', name);
/** The job's scratch folder, removed at the end unless --keep. */
export const work = mkdtempSync(join(tmpdir(), 'signet-registry-e2e-'));
export const children = new Set();
export const results = [];

let last = started;
export function step(label, ok, detail = '') {
  results.push({ label, ok });
  const elapsed = `${((Date.now() - last) / 1000).toFixed(1)} s`;
  last = Date.now();
  console.log(`${ok ? '✓' : '✗'} ${label}${detail ? `: ${detail}` : ''} [${elapsed}]`);
  return ok;
}

/** Runs a command to completion within the job's deadline; rejects with its output on failure. */
export function run(command, args, { cwd = root, env = {}, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: Math.max(1_000, deadline - Date.now()), maxBuffer: 64 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        children.delete(child);
        if (error) {
          const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
          reject(new Error(`${[command, ...args].join(' ')} failed (${error.code ?? error.signal}):\n${output}`));
        } else resolve(stdout);
      },
    );
    children.add(child);
    if (input !== undefined) child.stdin.end(input);
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
