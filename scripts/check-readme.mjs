// Type-checks every ```ts block of README.md and of each published package's README as its own
// module against the built workspace packages, so that each example works when pasted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = '.readme-check';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);
const readmes = [['README.md', 'root']];
for (const name of readdirSync('packages').sort()) {
  const manifest = JSON.parse(readFileSync(join('packages', name, 'package.json'), 'utf8'));
  if (!manifest.private) readmes.push([join('packages', name, 'README.md'), name]);
}
let count = 0;
for (const [readme, prefix] of readmes) {
  const blocks = [...readFileSync(readme, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  for (const [i, code] of blocks.entries()) writeFileSync(join(dir, `${prefix}-example-${i + 1}.ts`), `${code}\nexport {};\n`);
  count += blocks.length;
}
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
  console.log(`READMEs: ${count} TypeScript examples in ${readmes.length} READMEs type-check`);
} catch {
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
