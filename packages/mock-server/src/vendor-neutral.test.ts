import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const VENDOR = /aiuta|vidau/i;
const sourcesIn = (dir: URL, keep: (file: string) => boolean) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && keep(entry.name))
    .map((entry) => ({ name: entry.name, text: readFileSync(new URL(entry.name, dir), 'utf8') }));
const isTest = (file: string) => /\.test(-support)?\.ts$|\.test-d\.ts$/.test(file);

describe('vendors live in the modules', () => {
  it('the core names no vendor', () => {
    const files = sourcesIn(new URL('./core/', import.meta.url), () => true);
    expect(files.length).toBeGreaterThan(5);
    for (const { name, text } of files) expect(text, name).not.toMatch(VENDOR);
  });

  it('the serving files (server, fetch, MSW, CLI, options, exports) name none either, imports included: only the registry does', () => {
    const files = sourcesIn(new URL('./', import.meta.url), (file) => !isTest(file));
    expect(files.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['cli.ts', 'fetch.ts', 'index.ts', 'mock.ts', 'msw.ts', 'node.ts']),
    );
    expect(files.filter(({ text }) => VENDOR.test(text)).map(({ name }) => name)).toEqual(['registry.ts']);
  });
});
