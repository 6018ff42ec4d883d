// Release checks, both without publishing anything.
//
// 1. Dry run of `changeset version` in a throwaway worktree of HEAD. Passes when every public
//    package with a pending changeset is bumped and gets a changelog, internal dependents follow,
//    and the private packages are left alone.
// 2. Packs every public package as `pnpm publish` would (prepack builds it) and inspects each
//    tarball: no `workspace:` range survives in its package.json and internal ranges accept the
//    workspace versions; LICENSE (the root's), README.md and CHANGELOG.md (when there is one) are
//    in it; every exports, imports and bin target is in it; no test file is; every source map and
//    declaration map points at a shipped .ts file, and JS maps carry their sources.
// 3. `npm pack --dry-run` in each package folder (what a user tries first): refused, saying what to
//    run instead, where the package.json has a `workspace:` range; packs where it has none.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { publicPackages, repoRoot as root, workspacePackages } from './workspace-packages.mjs';

const problems = [];
/** Worth a look, not a failure. */
const notes = [];
const manifest = (dir, base) => JSON.parse(readFileSync(join(base, dir, 'package.json'), 'utf8'));

function versionDryRun() {
  const worktree = join(mkdtempSync(join(tmpdir(), 'signet-release-')), 'tree');
  const packageDirs = [...['conformance', 'benchmarks'].filter((d) => existsSync(join(root, d, 'package.json')))];
  for (const { dir } of workspacePackages()) packageDirs.push(relative(root, dir));
  execFileSync('git', ['worktree', 'add', '--detach', worktree, 'HEAD'], { cwd: root, stdio: 'ignore' });
  try {
    symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
    const pending = readdirSync(join(worktree, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    // What the changesets ask for, per package: the largest bump named in any frontmatter.
    const order = ['patch', 'minor', 'major'];
    const requested = new Map();
    for (const file of pending) {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(worktree, '.changeset', file), 'utf8'))?.[1] ?? '';
      for (const [, name, bump] of front.matchAll(/^["']?([^"':]+)["']?\s*:\s*(patch|minor|major)\s*$/gm)) {
        if (order.indexOf(bump) > order.indexOf(requested.get(name) ?? 'patch') || !requested.has(name)) requested.set(name, bump);
      }
    }
    execFileSync(join(root, 'node_modules/.bin/changeset'), ['version'], { cwd: worktree, stdio: 'ignore' });
    const before = problems.length;
    for (const dir of packageDirs) {
      if (!existsSync(join(worktree, dir, 'package.json'))) continue; // new since HEAD
      const old = manifest(dir, root);
      const now = manifest(dir, worktree);
      if (old.private) {
        if (now.version !== old.version) problems.push(`${old.name} is private but was versioned`);
      } else if (pending.length > 0 && now.version === old.version) {
        problems.push(`${old.name} was not bumped`);
      } else if (pending.length > 0 && !existsSync(join(worktree, dir, 'CHANGELOG.md'))) {
        problems.push(`${old.name} has no CHANGELOG.md`);
      } else if (pending.length > 0) {
        const [a, b] = old.version.split('.').map(Number);
        const [c, d] = now.version.split('.').map(Number);
        const bump = c !== a ? 'major' : d !== b ? 'minor' : 'patch';
        const asked = requested.get(old.name);
        if (bump === 'major' && asked !== 'major') {
          notes.push(
            `${old.name} ${old.version} -> ${now.version} although its changesets ask for ${asked ?? 'nothing'}: a peer dependency leaves its range`,
          );
        }
      }
    }
    if (readdirSync(join(worktree, '.changeset')).some((f) => pending.includes(f))) problems.push('changesets were not consumed');
    if (problems.length === before) {
      const versions = packageDirs
        .filter((dir) => existsSync(join(worktree, dir, 'package.json')))
        .map((dir) => manifest(dir, worktree))
        .filter((m) => !m.private)
        .map((m) => `${m.name}@${m.version}`);
      console.log(`release dry run: ${pending.length} changesets -> ${versions.join(', ')}`);
    }
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root, stdio: 'ignore' });
    rmSync(join(worktree, '..'), { recursive: true, force: true });
  }
}

/** Every string leaf of an exports/imports/bin value. */
const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(targets));
const isTest = (path) => /\.test(-d)?\.|\.test-support\./.test(path);

function checkTarballs() {
  const out = mkdtempSync(join(tmpdir(), 'signet-pack-'));
  const packages = publicPackages();
  const versions = new Map(packages.map((p) => [p.manifest.name, p.manifest.version]));
  const license = readFileSync(join(root, 'LICENSE'), 'utf8');
  const summary = [];
  try {
    // Dependencies first: each prepack build reads the declarations its dependencies just built.
    for (const { dir, manifest: source } of packages) {
      const name = source.name;
      const before = new Set(readdirSync(out));
      execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
      const tarball = readdirSync(out).find((f) => !before.has(f) && f.endsWith('.tgz'));
      if (tarball === undefined) {
        problems.push(`${name}: pnpm pack wrote no tarball`);
        continue;
      }
      const file = join(out, tarball);
      const files = new Set(
        execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
          .split('\n')
          .filter(Boolean)
          .map((f) => f.replace(/^package\//, '')),
      );
      const read = (path) => execFileSync('tar', ['-xzOf', file, `package/${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const packedText = read('package.json');
      const packed = JSON.parse(packedText);
      const problem = (message) => problems.push(`${name}: ${message}`);

      if (packedText.includes('workspace:')) problem(`the packed package.json still has a workspace: range`);
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        for (const [dep, range] of Object.entries(packed[field] ?? {})) {
          const version = versions.get(dep);
          if (version !== undefined && !new RegExp(`^[~^]?${version.replaceAll('.', '\\.')}$`).test(range)) {
            problem(`${field}.${dep} is "${range}", which is not the workspace's ${version}`);
          }
        }
      }
      for (const required of ['package.json', 'README.md', 'LICENSE'])
        if (!files.has(required)) problem(`${required} is not in the tarball`);
      if (files.has('LICENSE') && read('LICENSE') !== license) problem('LICENSE differs from the repository LICENSE');
      if (existsSync(join(dir, 'CHANGELOG.md')) && !files.has('CHANGELOG.md')) problem('CHANGELOG.md is not in the tarball');
      for (const [field, value] of [
        ['exports', packed.exports],
        ['imports', packed.imports],
        ['bin', packed.bin],
      ]) {
        for (const target of targets(value)) {
          if (!files.has(posix.normalize(target))) problem(`${field} target ${target} is not in the tarball`);
        }
      }
      for (const path of files) if (isTest(path)) problem(`test file ${path} is in the tarball`);
      for (const path of [...files].filter((f) => f.endsWith('.map'))) {
        const map = JSON.parse(read(path));
        for (const source of map.sources) {
          const shipped = posix.normalize(posix.join(posix.dirname(path), map.sourceRoot ?? '', source));
          if (!files.has(shipped)) problem(`${path} points at ${shipped}, which is not in the tarball`);
        }
        if (path.endsWith('.js.map') && !(map.sourcesContent?.length === map.sources.length)) {
          problem(`${path} has no inline sources`);
        }
      }
      summary.push(`${packed.name}@${packed.version} (${files.size} files, ${(statSync(file).size / 1024).toFixed(0)} kB)`);
    }
    console.log(`packed: ${summary.join(', ')}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** npm copies `workspace:` ranges into the tarball as they are: the pack guard must stop it first. */
function checkNpmPack() {
  const outcomes = [];
  for (const { dir, manifest: source } of publicPackages()) {
    const hasWorkspaceRange = ['dependencies', 'peerDependencies', 'optionalDependencies'].some((field) =>
      Object.values(source[field] ?? {}).some((range) => range.startsWith('workspace:')),
    );
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
    const refused = pack.status !== 0 && pack.stderr.includes('Pack or publish it with pnpm') && pack.stderr.includes('`pnpm pack`');
    if (hasWorkspaceRange && !refused) {
      problems.push(`${source.name}: npm pack was not refused (exit ${pack.status}) although its package.json has a workspace: range`);
    } else if (!hasWorkspaceRange && pack.status !== 0) {
      problems.push(`${source.name}: npm pack failed (exit ${pack.status}):\n${pack.stderr.trim()}`);
    }
    outcomes.push(`${source.name} ${refused ? 'refused' : pack.status === 0 ? 'packed' : `failed (exit ${pack.status})`}`);
  }
  console.log(`npm pack in each folder: ${outcomes.join(', ')}`);
}

versionDryRun();
checkTarballs();
checkNpmPack();
for (const note of notes) console.log(`note: ${note}`);
if (problems.length > 0) {
  console.error(`release check failed:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}
