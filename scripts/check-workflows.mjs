// Lints .github/workflows with actionlint at a pinned version, installing it with `go install` when
// it is missing (Go must be on the machine; the Go module proxy serves actionlint's source). Also
// requires every third-party action to be pinned to a full commit SHA.
//
//   node scripts/check-workflows.mjs            install if needed, then lint
//   node scripts/check-workflows.mjs --install  install only (for .ci/setup)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repoRoot as root } from './workspace-packages.mjs';

const VERSION = 'v1.7.12';
const MODULE = 'github.com/rhysd/actionlint/cmd/actionlint';

function goBinDir() {
  const go = spawnSync('go', ['env', 'GOBIN', 'GOPATH'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) return undefined;
  const [gobin, gopath] = go.stdout.split('\n');
  return gobin || join((gopath ?? '').split(delimiter)[0] ?? '', 'bin');
}

/** The actionlint binary at VERSION: on PATH, in Go's bin directory, or freshly installed there. */
function actionlint() {
  const version = (path) => spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0]?.trim();
  const goBin = goBinDir();
  const candidates = ['actionlint', ...(goBin ? [join(goBin, 'actionlint')] : [])];
  for (const candidate of candidates) if (version(candidate) === VERSION) return candidate;
  if (goBin === undefined) throw new Error(`actionlint ${VERSION} is not installed and Go is not available to install it`);
  console.log(`installing actionlint ${VERSION} with go install …`);
  execFileSync('go', ['install', `${MODULE}@${VERSION}`], { stdio: 'inherit' });
  const installed = join(goBin, 'actionlint');
  if (!existsSync(installed) || version(installed) !== VERSION)
    throw new Error(`go install did not leave actionlint ${VERSION} in ${goBin}`);
  return installed;
}

const binary = actionlint();
if (!process.argv.includes('--install')) {
  const dir = join(root, '.github/workflows');
  const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const problems = [];
  for (const file of workflows) {
    for (const [i, line] of readFileSync(join(dir, file), 'utf8').split('\n').entries()) {
      const uses = /^\s*(?:-\s+)?uses:\s*([^\s#]+)/.exec(line)?.[1];
      if (uses === undefined || uses.startsWith('./') || uses.startsWith('docker://')) continue;
      if (!/@[0-9a-f]{40}$/.test(uses)) problems.push(`${file}:${i + 1}: ${uses} is not pinned to a commit SHA`);
    }
  }
  const lint = spawnSync(binary, ['-color=false'], { cwd: root, encoding: 'utf8' });
  if (lint.status !== 0) problems.push((lint.stdout + lint.stderr).trim() || `actionlint exited ${lint.status}`);
  if (problems.length > 0) {
    console.error(`workflows:\n${problems.join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`actionlint ${VERSION}: ${workflows.length} workflows OK, every action pinned to a commit`);
  }
}
