// Dry run of a release: `changeset version` in a throwaway worktree of HEAD. Passes when every
// public package with a pending changeset is bumped and gets a changelog, internal dependents
// follow, and the private conformance package is left alone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const worktree = join(mkdtempSync(join(tmpdir(), 'signet-release-')), 'tree');
const manifest = (dir, base) => JSON.parse(readFileSync(join(base, dir, 'package.json'), 'utf8'));
const packageDirs = ['conformance', ...readdirSync('packages').map((name) => join('packages', name))];

execFileSync('git', ['worktree', 'add', '--detach', worktree, 'HEAD'], { stdio: 'ignore' });
try {
  symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
  const pending = readdirSync(join(worktree, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  execFileSync(join(root, 'node_modules/.bin/changeset'), ['version'], { cwd: worktree, stdio: 'ignore' });
  const problems = [];
  for (const dir of packageDirs) {
    const before = manifest(dir, root);
    const after = manifest(dir, worktree);
    if (before.private) {
      if (after.version !== before.version) problems.push(`${before.name} is private but was versioned`);
    } else if (pending.length > 0 && after.version === before.version) {
      problems.push(`${before.name} was not bumped`);
    } else if (pending.length > 0 && !existsSync(join(worktree, dir, 'CHANGELOG.md'))) {
      problems.push(`${before.name} has no CHANGELOG.md`);
    }
  }
  if (readdirSync(join(worktree, '.changeset')).some((f) => pending.includes(f))) problems.push('changesets were not consumed');
  if (problems.length > 0) {
    console.error(`release dry run failed:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    const versions = packageDirs
      .map((dir) => manifest(dir, worktree))
      .filter((m) => !m.private)
      .map((m) => `${m.name}@${m.version}`);
    console.log(`release dry run: ${pending.length} changesets -> ${versions.join(', ')}`);
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { stdio: 'ignore' });
  rmSync(join(worktree, '..'), { recursive: true, force: true });
}
