import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/** The abstract bases, which a program never throws as they are. */
const ABSTRACT = new Set(['SignetAuthError']);

it('every error keeps its name in a minified browser bundle, where the classes themselves are renamed', async () => {
  const entry = `import * as errors from ${JSON.stringify(join(import.meta.dirname, 'errors.ts'))};
export const rows = Object.entries(errors).filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error).map(([exported, Class]) => {
  const error = new Class({ status: 429, headers: new Headers(), body: null }, 'field');
  return { exported, name: error.name, shown: String(error).split(':')[0], className: Class.name };
});`;
  const { outputFiles } = await build({
    stdin: { contents: entry, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  const file = join(mkdtempSync(join(tmpdir(), 'signet-minified-')), 'errors.mjs');
  writeFileSync(file, outputFiles[0]?.contents ?? '');
  const { rows } = (await import(pathToFileURL(file).href)) as {
    rows: { exported: string; name: string; shown: string; className: string }[];
  };
  const thrown = rows.filter((row) => !ABSTRACT.has(row.exported));
  expect(thrown.length).toBeGreaterThanOrEqual(10);
  // The minifier did rename them: without an explicit name, `name` would read as one of these.
  expect(thrown.filter((row) => row.className !== row.exported).length).toBeGreaterThan(thrown.length / 2);
  for (const row of thrown)
    expect({ exported: row.exported, name: row.name, shown: row.shown }).toEqual({
      exported: row.exported,
      name: row.exported,
      shown: row.exported,
    });
});
