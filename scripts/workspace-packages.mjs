// The workspace's packages as the release scripts see them, read from the file system (packages/*),
// so a new package is picked up without editing any list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

/** Every packages/* directory with a package.json: `{ dir, manifest }`, sorted by directory name. */
export function workspacePackages() {
  return readdirSync(join(repoRoot, 'packages'))
    .sort()
    .map((name) => join(repoRoot, 'packages', name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
}

/** The packages that are published (not `private`), dependencies before their dependents. */
export function publicPackages() {
  const all = workspacePackages().filter((p) => !p.manifest.private);
  const names = new Set(all.map((p) => p.manifest.name));
  const internal = (p) =>
    Object.keys({ ...p.manifest.dependencies, ...p.manifest.peerDependencies, ...p.manifest.optionalDependencies }).filter((n) =>
      names.has(n),
    );
  const ordered = [];
  const visit = (p, path = []) => {
    if (ordered.includes(p)) return;
    if (path.includes(p)) throw new Error(`dependency cycle: ${[...path, p].map((q) => q.manifest.name).join(' -> ')}`);
    for (const name of internal(p))
      visit(
        all.find((q) => q.manifest.name === name),
        [...path, p],
      );
    ordered.push(p);
  };
  for (const p of all) visit(p);
  return ordered;
}
