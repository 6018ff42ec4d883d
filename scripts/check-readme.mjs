// Every ```ts block of README.md and of each published package's README, as its own module against
// the built workspace packages, so that each example works when pasted:
//
// 1. type-checks every block;
// 2. runs every block (node with tsx) against the mock server, which scripts/readme-mock.mjs puts at
//    the vendors' own URLs (MSW), with the mock's test credentials in the environment variables the
//    examples read (AIUTA_API_KEY, VIDAU_CLIENT_ID, …), in a folder of its own that holds the
//    files the examples name (each './<name>.jpg', the smallest JPEG).
//
// A block that cannot run here (one that needs a real browser, say) says so where a reader sees it:
// its first line is `// (not run in CI: <why>)`. Those, and the READMEs run by a check of their own,
// are listed; a block that fails to run fails the check, with its output. Two run at a time.
//
//   node scripts/check-readme.mjs [--no-run]
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MOCK_CREDENTIALS } from '@signet/mock-server';

const dir = resolve('.readme-check');
const NOT_RUN_MARKER = /^\/\/ \(not run in CI: (.+)\)\s*$/;
/** READMEs type-checked here but run by a check of their own. */
const RUN_ELSEWHERE = new Map([[join('packages', 'mock-server', 'README.md'), "the mock server's own README check"]]);
const RUN_TIMEOUT_MS = 60_000;
/** The smallest JPEG: what each `./<name>.jpg` an example names is, for an example that uploads it. */
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);
/** What the examples read from the environment: the mock's fixed test credentials. */
const EXAMPLE_ENV = {
  AIUTA_API_KEY: MOCK_CREDENTIALS.aiuta.apiKey,
  AIUTA_JWT_SECRET: MOCK_CREDENTIALS.aiuta.jwtSecret,
  AIUTA_JWT_ISS: MOCK_CREDENTIALS.aiuta.jwtIssuer,
  VIDAU_CLIENT_ID: MOCK_CREDENTIALS.vidau.clientId,
  VIDAU_AUTH_KEY: MOCK_CREDENTIALS.vidau.authKey,
  VIDAU_HOOK_TOKEN: 'readme-hook-token',
};

/** Every ```ts block of the READMEs, with a name that says where it is. */
function examples() {
  const readmes = ['README.md'];
  for (const name of readdirSync('packages').sort()) {
    const manifest = JSON.parse(readFileSync(join('packages', name, 'package.json'), 'utf8'));
    if (!manifest.private) readmes.push(join('packages', name, 'README.md'));
  }
  return readmes.flatMap((readme) =>
    [...readFileSync(readme, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match, i) => {
      const code = match[1];
      const line = readFileSync(readme, 'utf8').slice(0, match.index).split('\n').length + 1;
      const notRun = NOT_RUN_MARKER.exec(code.split('\n')[0] ?? '')?.[1] ?? RUN_ELSEWHERE.get(readme);
      const file = `${readme.replace(/[/\\]/g, '-').replace(/\.md$/, '')}-example-${i + 1}.ts`;
      return { readme, line, code, file, notRun };
    }),
  );
}

function typeCheck(blocks) {
  for (const { file, code } of blocks) writeFileSync(join(dir, file), `${code}\nexport {};\n`);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../tsconfig.base.json',
      compilerOptions: { noEmit: true, types: ['node'], noUnusedLocals: false },
      include: ['*.ts'],
    }),
  );
  execFileSync(resolve('node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
}

/** Runs one example in a folder of its own; resolves to undefined, or to why it failed. */
function runExample({ file, code }) {
  const cwd = join(dir, file.replace(/\.ts$/, ''));
  mkdirSync(cwd);
  for (const [, name] of code.matchAll(/'\.\/([\w-]+\.jpg)'/g)) writeFileSync(join(cwd, name), JPEG);
  const args = ['--import', 'tsx', '--import', pathToFileURL(resolve('scripts/readme-mock.mjs')).href, join(dir, file)];
  const options = { cwd, env: { ...process.env, ...EXAMPLE_ENV }, encoding: 'utf8', timeout: RUN_TIMEOUT_MS, maxBuffer: 16 << 20 };
  return new Promise((done) =>
    execFile(process.execPath, args, options, (error, stdout, stderr) => {
      if (!error) return done(undefined);
      const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-20).join('\n    ');
      done(`${error.killed ? `killed after ${RUN_TIMEOUT_MS / 1000} s` : `exit ${error.code}`}\n    ${output}`);
    }),
  );
}

/** Runs the examples two at a time (the machine has two cores); resolves to the failures. */
async function runAll(blocks) {
  const failures = [];
  const queue = [...blocks];
  const worker = async () => {
    for (let block = queue.shift(); block !== undefined; block = queue.shift()) {
      const failure = await runExample(block);
      if (failure !== undefined) failures.push(`${block.readme}:${block.line}: ${failure}`);
    }
  };
  await Promise.all([worker(), worker()]);
  return failures.sort();
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);
const blocks = examples();
try {
  typeCheck(blocks);
  console.log(`READMEs: ${blocks.length} TypeScript examples type-check`);
  if (!process.argv.includes('--no-run')) {
    const skipped = blocks.filter((block) => block.notRun !== undefined);
    const failures = await runAll(blocks.filter((block) => block.notRun === undefined));
    for (const block of skipped) console.log(`  not run: ${block.readme}:${block.line} (${block.notRun})`);
    const ran = blocks.length - skipped.length;
    if (failures.length > 0) {
      console.error(`README examples that fail against the mock:\n${failures.map((f) => `  ${f}`).join('\n')}`);
      process.exitCode = 1;
    }
    console.log(`READMEs: ${ran - failures.length} of ${ran} examples ran against the mock, ${skipped.length} not run (listed above)`);
  }
} catch (error) {
  // tsc has printed its own errors; anything else is said here.
  if (error?.status === undefined) console.error(error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
