// Bundles every public package for the browser the way an app would, with no externals, and fails
// on any error or warning: esbuild (platform browser), webpack 5 (target web) and vite (rolldown).
// Packages are found in packages/*; a package that is Node-only says so with
// `"signet": { "browser": false }` in its package.json and is skipped.
//
// Two entries per package: `all` re-exports the whole public API (nothing can be tree-shaken), and
// for a client (a package with `signet.spec`), `client` imports only its create*Client factory,
// which is what an app pays for. Sizes are minified + gzipped (level 9); esbuild's are the
// reference (Vite keeps whitespace in a library's ES output, so its "min" is larger).
//
// A client's budget is `"signet": { "bundleBudget": <bytes> }` in its package.json: its measured
// size rounded up a little, so that any real growth fails CI and a deliberate one is a reviewed
// edit there. A client without one is held to the 8 kB goal.
//
//   node scripts/check-bundles.mjs                  bundle, fail on errors and warnings, print sizes
//   node scripts/check-bundles.mjs --budget         also fail when a client's `client` entry is over its budget
//   node scripts/check-bundles.mjs --budget=8192    the same, with one budget for every client instead
//   node scripts/check-bundles.mjs --only=esbuild   one bundler (esbuild, webpack or vite)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { publicPackages } from './workspace-packages.mjs';

const args = process.argv.slice(2);
const budgetArg = args.find((a) => a === '--budget' || a.startsWith('--budget='));
const checkBudgets = budgetArg !== undefined;
const budgetForAll = budgetArg?.includes('=') ? Number(budgetArg.split('=')[1]) : undefined;
const only = args.find((a) => a.startsWith('--only='))?.split('=')[1];
if (budgetForAll !== undefined && !(budgetForAll > 0)) throw new Error(`--budget takes a positive number of bytes, got ${budgetArg}`);

/** The issue's goal for every client, browser bundle including its signer. */
const DEFAULT_BUDGET = 8 * 1024;

/** Public packages in packages/*, with what to bundle for each. */
function discover() {
  return publicPackages()
    .filter(({ manifest }) => manifest.signet?.browser !== false)
    .map(({ dir, manifest }) => {
      const budget = manifest.signet?.bundleBudget;
      if (budget !== undefined && !(Number.isSafeInteger(budget) && budget > 0)) {
        throw new Error(`${manifest.name}: signet.bundleBudget must be a positive whole number of bytes, got ${JSON.stringify(budget)}`);
      }
      return { dir, name: manifest.name, isClient: manifest.signet?.spec !== undefined, budget: budgetForAll ?? budget ?? DEFAULT_BUDGET };
    });
}

/** The package's runtime export names, read from what Node loads (the build must exist). */
async function exportNames(pkg) {
  const module = await import(join(pkg.dir, 'dist/index.js'));
  return Object.keys(module);
}

/** One consumer project in a temp dir whose node_modules links to every workspace package checked. */
function consumer(packages, entries) {
  const dir = mkdtempSync(join(tmpdir(), 'signet-bundle-'));
  for (const pkg of packages) {
    const link = join(dir, 'node_modules', pkg.name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(pkg.dir, link, 'dir');
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bundle-consumer', private: true, type: 'module' }));
  for (const { id, code } of entries) writeFileSync(join(dir, `${id}.js`), code);
  return dir;
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).byteLength;

async function esbuildBundle(dir, entry) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: dir,
    entryPoints: [join(dir, `${entry}.js`)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    metafile: false,
  }).catch((error) => ({ errors: error.errors ?? [{ text: String(error) }], warnings: error.warnings ?? [], outputFiles: [] }));
  const text = (m) => `${m.text}${m.location ? ` (${m.location.file}:${m.location.line})` : ''}`;
  const code = result.outputFiles[0]?.contents;
  return { errors: result.errors.map(text), warnings: result.warnings.map(text), code };
}

/** One compilation for every entry (startup and minifier warm-up dominate); entries share no chunks. */
async function webpackBundles(dir, ids) {
  const { default: webpack } = await import('webpack');
  const outDir = join(dir, 'webpack');
  const compiler = webpack({
    context: dir,
    mode: 'production',
    target: 'web',
    entry: Object.fromEntries(ids.map((id) => [id, `./${id}.js`])),
    output: { path: outDir, filename: '[name].js', module: true, library: { type: 'module' } },
    experiments: { outputModule: true },
    // Still write the entries that built, so that one package's error does not hide the others' sizes.
    optimization: { emitOnErrors: true },
    devtool: false,
    infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise((res, rej) => compiler.run((error, s) => (error ? rej(error) : res(s))));
  await new Promise((res) => compiler.close(res));
  const { compilation } = stats;
  const text = (e) => `${e.message.split('\n')[0]}${e.module ? ` (${e.module.readableIdentifier(compilation.requestShortener)})` : ''}`;
  // An error or warning belongs to the entries whose bundle holds its module; without one, to all.
  const entriesOfChunk = new Map();
  for (const [name, entrypoint] of compilation.entrypoints) {
    for (const chunk of entrypoint.chunks) {
      for (const reached of [chunk, ...chunk.getAllAsyncChunks()])
        entriesOfChunk.set(reached, [...(entriesOfChunk.get(reached) ?? []), name]);
    }
  }
  const owners = (e) => {
    const chunks = e.module ? [...compilation.chunkGraph.getModuleChunks(e.module)] : [];
    const names = new Set(chunks.flatMap((chunk) => entriesOfChunk.get(chunk) ?? []));
    return names.size > 0 ? [...names] : ids;
  };
  const results = new Map(ids.map((id) => [id, { errors: [], warnings: [], code: undefined }]));
  for (const e of compilation.errors) for (const id of owners(e)) results.get(id)?.errors.push(text(e));
  for (const e of compilation.warnings) for (const id of owners(e)) results.get(id)?.warnings.push(text(e));
  for (const [id, result] of results) {
    if (result.errors.length === 0 && existsSync(join(outDir, `${id}.js`))) result.code = readFileSync(join(outDir, `${id}.js`));
  }
  return results;
}

async function viteBundle(dir, entry) {
  const { build } = await import('vite');
  const warnings = [];
  const errors = [];
  const logger = {
    hasWarned: false,
    info() {},
    warn: (message) => warnings.push(message),
    warnOnce: (message) => warnings.push(message),
    error: (message) => errors.push(message),
    clearScreen() {},
    hasErrorLogged: () => false,
  };
  let code;
  try {
    const output = await build({
      root: dir,
      configFile: false,
      logLevel: 'warn',
      customLogger: logger,
      build: {
        write: false,
        minify: true,
        target: 'es2022',
        lib: { entry: join(dir, `${entry}.js`), formats: ['es'], fileName: 'bundle' },
        rollupOptions: { onwarn: (warning) => warnings.push(warning.message) },
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output ?? []);
    code = Buffer.concat(chunks.filter((c) => c.type === 'chunk').map((c) => Buffer.from(c.code)));
  } catch (error) {
    errors.push(String(error?.message ?? error).split('\n')[0]);
  }
  return { errors, warnings, code };
}

const bundlerNames = ['esbuild', 'webpack', 'vite'];
if (only !== undefined && !bundlerNames.includes(only)) throw new Error(`--only is one of ${bundlerNames.join(', ')}`);
const use = (bundler) => only === undefined || only === bundler;
if (checkBudgets && !use('esbuild')) throw new Error('--budget compares esbuild sizes; leave --only out or set it to esbuild');

const problems = [];
const started = performance.now();
const packages = discover();
const entries = [];
for (const pkg of packages) {
  let names;
  try {
    names = await exportNames(pkg);
  } catch (error) {
    problems.push(`${pkg.name}: cannot import its build (${error.message.split('\n')[0]}); build first`);
    continue;
  }
  const id = (entry) => `${pkg.name.replace(/^@/, '').replace('/', '__')}--${entry}`;
  entries.push({ pkg, entry: 'all', id: id('all'), code: `export * from '${pkg.name}';\n` });
  const factories = names.filter((n) => /^create\w*Client$/.test(n));
  if (!pkg.isClient) continue;
  if (factories.length === 0) problems.push(`${pkg.name}: a client package without a create*Client export`);
  else {
    const code = `import { ${factories.join(', ')} } from '${pkg.name}';\nglobalThis.__signet = [${factories.join(', ')}];\n`;
    entries.push({ pkg, entry: 'client', id: id('client'), code });
  }
}

const dir = consumer(packages, entries);
const rows = [];
try {
  const webpackResults = use('webpack')
    ? await webpackBundles(
        dir,
        entries.map((e) => e.id),
      )
    : new Map();
  for (const { pkg, entry, id } of entries) {
    const row = { package: pkg.name, entry };
    for (const bundler of bundlerNames.filter(use)) {
      const { errors, warnings, code } =
        bundler === 'esbuild' ? await esbuildBundle(dir, id) : bundler === 'vite' ? await viteBundle(dir, id) : webpackResults.get(id);
      for (const e of errors) problems.push(`${pkg.name} (${entry}) ${bundler} error: ${e}`);
      for (const w of warnings) problems.push(`${pkg.name} (${entry}) ${bundler} warning: ${w}`);
      if (code !== undefined && errors.length === 0) {
        row[`${bundler} min`] = code.byteLength;
        row[`${bundler} min+gz`] = gz(code);
        if (Buffer.from(code).includes('node:'))
          problems.push(`${pkg.name} (${entry}) ${bundler}: the browser bundle mentions a node: module`);
      }
    }
    if (checkBudgets && entry === 'client') {
      const size = row['esbuild min+gz'];
      row.budget = pkg.budget;
      row.size = size;
      if (size > pkg.budget) problems.push(`${pkg.name}: ${size} B min+gz is over the ${pkg.budget} B budget`);
    }
    rows.push(row);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const kb = (n) => (n === undefined ? '-' : `${(n / 1024).toFixed(1)} kB`);
const columns = bundlerNames.filter(use);
console.log(`browser bundles, no externals (${((performance.now() - started) / 1000).toFixed(1)} s):`);
console.log(`  ${'package'.padEnd(24)}${'entry'.padEnd(8)}${columns.map((b) => `${b} min / min+gz`.padEnd(28)).join('')}`);
for (const row of rows) {
  const cells = columns.map((b) => `${kb(row[`${b} min`])} / ${kb(row[`${b} min+gz`])}`.padEnd(28));
  const budget = row.budget === undefined ? '' : `${row.size} B, budget ${row.budget} B`;
  console.log(`  ${row.package.padEnd(24)}${row.entry.padEnd(8)}${cells.join('')}${budget}`);
}
if (checkBudgets) console.log('budget: the client entry of each client package, esbuild min+gz, within its budget');
if (problems.length > 0) {
  console.error(`check-bundles failed:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}
