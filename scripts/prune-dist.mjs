// Run after `tsc -p tsconfig.build.json` in a package directory: deletes what tsc left in dist/
// from sources that no longer exist (a renamed or deleted src/*.ts keeps its old .js, .d.ts and
// maps there, and `files: ["dist"]` would publish them). Deleting stale files after the build,
// rather than emptying dist/ before it, keeps dist/ whole for anything reading it meanwhile.
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = 'dist';
const src = 'src';
const TEST = /\.test(-d)?$|\.test-support$/;
const OUTPUT = /\.(d\.ts\.map|d\.ts|js\.map|js)$/;
const SOURCES = ['.ts', '.tsx', '.mts', '.cts'];

/** Whether a file in dist/ still comes from a source: compiled output of a non-test .ts, or a copied file. */
function hasSource(path) {
  const rel = relative(dist, path);
  if (existsSync(join(src, rel))) return true;
  if (!OUTPUT.test(rel)) return rel === '.tsbuildinfo';
  const base = rel.replace(OUTPUT, '');
  return !TEST.test(base) && SOURCES.some((extension) => existsSync(join(src, `${base}${extension}`)));
}

const pruned = [];
function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      prune(path);
      if (readdirSync(path).length === 0) rmdirSync(path);
    } else if (!hasSource(path)) {
      rmSync(path);
      pruned.push(relative(dist, path));
    }
  }
}

if (existsSync(dist)) prune(dist);
if (pruned.length > 0)
  console.log(`prune-dist: removed ${pruned.length} stale files (${pruned.slice(0, 5).join(', ')}${pruned.length > 5 ? ', …' : ''})`);
