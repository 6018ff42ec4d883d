// Adds the vitest JSON reports of every workspace package into one closing line.
// `node scripts/test-summary.mjs reset` deletes old reports first, so only this run counts.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const packagesWithTests = ['conformance', ...readdirSync('packages').map((name) => join('packages', name))].filter((dir) => {
  const manifest = join(dir, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test !== undefined;
});

if (process.argv[2] === 'reset') {
  for (const dir of packagesWithTests) rmSync(join(dir, '.vitest-report.json'), { force: true });
  process.exit(0);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of packagesWithTests) {
  const file = join(dir, '.vitest-report.json');
  if (!existsSync(file)) {
    console.error(`no test report in ${dir}: its tests did not run`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`signet: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
