import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The bare module names an entry point loads, following its relative imports. */
function bareImports(entry: string): Set<string> {
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
    expect(loaded.filter((name) => name.startsWith('node:'))).toEqual([]);
    expect(loaded).toContain('msw');
  });
});
