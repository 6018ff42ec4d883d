// A consumer project per package manager: installs every public package from the local registry
// (aiuta one patch behind auth), checks that one @signet/client-core serves them all, type-checks
// the examples for Node and for a browser, and runs them against the mock server.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserExample, example, runtimeScript } from './examples.mjs';
import { root, run, step, work } from './job.mjs';

/** Distinct installed copies of a package under a consumer's node_modules (pnpm's store included). */
function copiesOf(dir, name) {
  const found = new Set();
  const visit = (modules, depth) => {
    if (depth > 8 || !existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry === '.bin') continue;
      const path = join(modules, entry);
      if (entry === '.pnpm') {
        for (const store of readdirSync(path)) visit(join(path, store, 'node_modules'), depth + 1);
      } else if (entry.startsWith('@')) {
        for (const scoped of readdirSync(path)) {
          const full = join(path, scoped);
          if (`${entry}/${scoped}` === name && existsSync(join(full, 'package.json'))) found.add(realpathSync(full));
          visit(join(full, 'node_modules'), depth + 1);
        }
      } else visit(join(path, 'node_modules'), depth + 1);
    }
  };
  visit(join(dir, 'node_modules'), 0);
  return [...found].map((path) => `${JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).version}`);
}

export async function consumer(pm, registry, versions, { aiuta, auth }) {
  const dir = join(work, `consumer-${pm}`);
  mkdirSync(join(dir, 'src'), { recursive: true });
  const typescript = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version;
  // Exact versions, but aiuta one patch behind auth; client-core (the clients' peer) by range, as a
  // user who imports it lists it: whatever they pick, one copy must satisfy every peer.
  const dependencies = Object.fromEntries(versions);
  Object.assign(dependencies, {
    '@signet/aiuta': aiuta,
    '@signet/auth': auth,
    '@signet/client-core': `^${versions.get('@signet/client-core')}`,
  });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: `consumer-${pm}`, private: true, type: 'module', dependencies, devDependencies: { typescript, '@types/node': '^20.19.0' } },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, '.npmrc'), `@signet:registry=${registry.url}/\n`);
  const base = { strict: true, target: 'ES2022', skipLibCheck: false, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true };
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...base, module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'dist', rootDir: 'src', types: ['node'] },
      include: ['src/example.ts', 'src/smoke.ts'],
    }),
  );
  writeFileSync(
    join(dir, 'tsconfig.bundler.json'),
    JSON.stringify({
      compilerOptions: {
        ...base,
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        noEmit: true,
      },
      include: ['src/browser.ts'],
    }),
  );
  writeFileSync(join(dir, 'src/example.ts'), example);
  writeFileSync(join(dir, 'src/browser.ts'), browserExample);
  // Every public package, found on disk: each must install, type-check and import.
  const names = [...versions.keys()];
  writeFileSync(
    join(dir, 'src/smoke.ts'),
    `${names.map((name, i) => `import * as p${i} from '${name}';`).join('\n')}\nconsole.log(JSON.stringify([${names.map((_, i) => `Object.keys(p${i}).length`).join(', ')}]));\n`,
  );
  writeFileSync(join(dir, 'runtime.mjs'), runtimeScript);

  if (pm === 'npm') await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  else await run('pnpm', ['install', '--reporter=silent', '--config.confirmModulesPurge=false'], { cwd: dir });
  step(`${pm}: install from the registry`, true);

  const core = copiesOf(dir, '@signet/client-core');
  const installedAuth = copiesOf(dir, '@signet/auth');
  const installedAiuta = copiesOf(dir, '@signet/aiuta');
  step(
    `${pm}: one @signet/client-core beside aiuta ${installedAiuta.join(',')} and auth ${installedAuth.join(',')}`,
    core.length === 1 && installedAiuta.join() === aiuta && installedAuth.join() === auth,
    `client-core ${core.join(', ') || 'missing'}`,
  );

  const tsc = join(dir, 'node_modules/typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir }).then(
    () => step(`${pm}: example type-checks (moduleResolution nodenext, skipLibCheck off)`, true),
    (error) => step(`${pm}: example type-checks (moduleResolution nodenext, skipLibCheck off)`, false, error.message),
  );
  await run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], { cwd: dir }).then(
    () => step(`${pm}: browser example type-checks (moduleResolution bundler, DOM, no Node types)`, true),
    (error) => step(`${pm}: browser example type-checks (moduleResolution bundler, DOM, no Node types)`, false, error.message),
  );
  try {
    const smoke = JSON.parse(await run(process.execPath, ['dist/smoke.js'], { cwd: dir }));
    step(
      `${pm}: every package imports`,
      smoke.every((count) => count > 0),
      names.map((n, i) => `${n} ${smoke[i]}`).join(', '),
    );
  } catch (error) {
    step(`${pm}: every package imports`, false, error.message);
  }
  try {
    const outcome = JSON.parse((await run(process.execPath, ['dist/example.js'], { cwd: dir })).trim().split('\n').pop());
    step(
      `${pm}: example runs against the mock server (upload bytes and path, signed VidAU call)`,
      outcome.uploaded && outcome.task,
      JSON.stringify(outcome),
    );
    step(
      `${pm}: aiuta's AuthenticationError is instanceof auth's SignetError`,
      outcome.authenticationError && outcome.instanceofSignetError,
    );
    return { dir, signature: outcome.signature };
  } catch (error) {
    step(`${pm}: example runs against the mock server`, false, error.message);
    return { dir, signature: undefined };
  }
}
