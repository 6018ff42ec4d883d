// Runs every TypeScript example of the README, as a module of its own against this package's
// sources: each must finish without throwing (they assert what they show with node:assert).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Each ```ts block with the heading it sits under. */
const examples = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, i) => {
  const before = README.slice(0, match.index);
  const heading = [...before.matchAll(/^#+ (.+)$/gm)].at(-1)?.[1] ?? 'the introduction';
  return { name: `${heading} (example ${i + 1})`, code: match[1] ?? '' };
});

// Inside the package, so that the examples' imports resolve as they would for a user (the
// package's own name through the aliases in vitest.config.ts); ignored by git.
const dir = new URL(`../.readme-examples-${process.pid}/`, import.meta.url);

describe('the README examples run', () => {
  beforeAll(() => mkdirSync(dir, { recursive: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are all here', ({ expect }) => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((example, i) => [example.name, i, example.code] as const))('%s', async (_name, i, code) => {
    const file = new URL(`example-${i + 1}.ts`, dir);
    writeFileSync(file, `${code}\nexport {};\n`);
    await import(/* @vite-ignore */ file.href);
  });
});
