import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  imports: Record<string, Record<string, string>>;
};

/** The source behind a `#` import under `condition` (its `dist/…js` target, read as `src/…ts`). */
const sourceOf = (specifier: string, condition: string) => {
  const targets = manifest.imports[specifier] ?? {};
  const target = targets[condition] ?? targets.default ?? '';
  return new URL(`../${target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')}`, import.meta.url);
};

/** The bare module names an entry point loads, following its relative imports and its `#` imports under `condition`. */
function bareImports(entry: string, condition = 'default'): Set<string> {
  const bare = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: URL) => {
    if (seen.has(file.href)) return;
    seen.add(file.href);
    const source = readFileSync(file, 'utf8');
    // Type-only imports vanish from the emitted JavaScript.
    for (const [, kind, specifier] of source.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
      if (specifier === undefined || kind !== undefined) continue;
      if (specifier.startsWith('.')) visit(new URL(specifier.replace(/\.js$/, '.ts'), file));
      else if (specifier.startsWith('#')) visit(sourceOf(specifier, condition));
      else bare.add(specifier);
    }
  };
  visit(new URL(entry, import.meta.url));
  return bare;
}

describe('entry points', () => {
  it('the root entry never loads msw, an optional peer', () => {
    expect([...bareImports('./index.ts')].filter((name) => name === 'msw' || name.startsWith('msw/'))).toEqual([]);
  });

  it('the msw entry loads no Node built-in, so msw/browser can use it too', () => {
    const loaded = [...bareImports('./msw.ts')];
    expect(loaded.filter((name) => name.startsWith('node:') || name.endsWith('/node'))).toEqual([]);
    expect(loaded).toContain('msw');
  });

  it('on Node, the same entry checks signatures with node:crypto through its `#` import', () => {
    expect([...bareImports('./msw.ts', 'node')]).toContain('@signet/auth/node');
  });
});
