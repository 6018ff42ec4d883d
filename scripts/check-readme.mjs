// Type-checks every ```ts block of README.md as its own module against the built
// workspace packages, so that each example works when pasted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = '.readme-check';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);
const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
for (const [i, code] of blocks.entries()) writeFileSync(join(dir, `example-${i + 1}.ts`), `${code}\nexport {};\n`);
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: '../tsconfig.base.json',
    compilerOptions: { noEmit: true, types: ['node'], noUnusedLocals: false },
    include: ['*.ts'],
  }),
);
try {
  execFileSync('tsc', ['-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
  console.log(`README: ${blocks.length} TypeScript examples type-check`);
} catch {
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
