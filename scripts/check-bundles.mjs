// Bundles every public package for the browser the way an app would, with no externals, and fails
// on any error or warning: esbuild (platform browser), webpack 5 (target web) and vite (rolldown).
// Packages are found in packages/*; a package that is Node-only says so with
// `"signet": { "browser": false }` in its package.json and is skipped.
//
// Two entries per package: `all` re-exports the whole public API (nothing can be tree-shaken), and
// for a client (a package with `signet.spec`), `client` imports only its create*Client factory,
// which is what an app pays for. Sizes are minified + gzipped (level 9).
//
//   node scripts/check-bundles.mjs                  bundle, fail on errors and warnings, print sizes
//   node scripts/check-bundles.mjs --budget[=8192]  also fail when a client's `client` entry is over budget
//   node scripts/check-bundles.mjs --only=esbuild   one bundler (esbuild, webpack or vite)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { publicPackages } from './workspace-packages.mjs';

const args = process.argv.slice(2);
const budgetArg = args.find((a) => a === '--budget' || a.startsWith('--budget='));
const budget = budgetArg === undefined ? undefined : Number(budgetArg.split('=')[1] ?? 8 * 1024);
const only = args.find((a) => a.startsWith('--only='))?.split('=')[1];
if (budget !== undefined && !(budget > 0)) throw new Error(`--budget takes a positive number of bytes, got ${budgetArg}`);

/** Public packages in packages/*, with what to bundle for each. */
function discover() {
  return publicPackages()
    .filter(({ manifest }) => manifest.signet?.browser !== false)
    .map(({ dir, manifest }) => ({ dir, name: manifest.name, isClient: manifest.signet?.spec !== undefined }));
}

/** The package's runtime export names, read from what Node loads (the build must exist). */
async function exportNames(pkg) {
  const module = await import(join(pkg.dir, 'dist/index.js'));
  return Object.keys(module);
}

/** A consumer project in a temp dir whose node_modules links to the workspace package. */
function consumer(pkg, entries) {
  const dir = mkdtempSync(join(tmpdir(), 'signet-bundle-'));
  const link = join(dir, 'node_modules', pkg.name);
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(pkg.dir, link, 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bundle-consumer', private: true, type: 'module' }));
  for (const [name, code] of Object.entries(entries)) writeFileSync(join(dir, `${name}.js`), code);
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

async function webpackBundle(dir, entry) {
  const { default: webpack } = await import('webpack');
  const outDir = join(dir, `webpack-${entry}`);
  const compiler = webpack({
    context: dir,
    mode: 'production',
    target: 'web',
    entry: `./${entry}.js`,
    output: { path: outDir, filename: 'bundle.js', module: true, library: { type: 'module' } },
    experiments: { outputModule: true },
    devtool: false,
    infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise((res, rej) => compiler.run((error, s) => (error ? rej(error) : res(s))));
  await new Promise((res) => compiler.close(res));
  const json = stats.toJson({ all: false, errors: true, warnings: true });
  const text = (m) => `${m.message.split('\n')[0]}${m.moduleName ? ` (${m.moduleName})` : ''}`;
  let code;
  if (!stats.hasErrors()) code = readFileSync(join(outDir, 'bundle.js'));
  return { errors: json.errors.map(text), warnings: json.warnings.map(text), code };
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

const bundlers = { esbuild: esbuildBundle, webpack: webpackBundle, vite: viteBundle };
if (only !== undefined && !(only in bundlers)) throw new Error(`--only is one of ${Object.keys(bundlers).join(', ')}`);

const problems = [];
const rows = [];
const started = performance.now();
for (const pkg of discover()) {
  const names = await exportNames(pkg);
  const entries = { all: `export * from '${pkg.name}';\n` };
  const factories = names.filter((n) => /^create\w*Client$/.test(n));
  if (pkg.isClient) {
    if (factories.length === 0) problems.push(`${pkg.name}: a client package without a create*Client export`);
    else entries.client = `import { ${factories.join(', ')} } from '${pkg.name}';\nglobalThis.__signet = [${factories.join(', ')}];\n`;
  }
  const dir = consumer(pkg, entries);
  try {
    for (const entry of Object.keys(entries)) {
      const row = { package: pkg.name, entry };
      for (const [bundler, bundle] of Object.entries(bundlers)) {
        if (only !== undefined && bundler !== only) continue;
        const { errors, warnings, code } = await bundle(dir, entry);
        for (const e of errors) problems.push(`${pkg.name} (${entry}) ${bundler} error: ${e}`);
        for (const w of warnings) problems.push(`${pkg.name} (${entry}) ${bundler} warning: ${w}`);
        if (code !== undefined && errors.length === 0) {
          row[`${bundler} min`] = code.byteLength;
          row[`${bundler} min+gz`] = gz(code);
          if (code.includes('node:')) problems.push(`${pkg.name} (${entry}) ${bundler}: the browser bundle mentions a node: module`);
        }
      }
      if (budget !== undefined && entry === 'client') {
        const size = row['esbuild min+gz'] ?? row['webpack min+gz'] ?? row['vite min+gz'];
        if (size > budget) problems.push(`${pkg.name}: ${size} B min+gz is over the ${budget} B budget`);
      }
      rows.push(row);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (n) => (n === undefined ? '-' : `${(n / 1024).toFixed(1)} kB`);
const columns = Object.keys(bundlers).filter((b) => only === undefined || b === only);
console.log(`browser bundles, no externals (${((performance.now() - started) / 1000).toFixed(1)} s):`);
console.log(`  ${'package'.padEnd(24)}${'entry'.padEnd(8)}${columns.map((b) => `${b} min / min+gz`.padEnd(28)).join('')}`);
for (const row of rows) {
  const cells = columns.map((b) => `${kb(row[`${b} min`])} / ${kb(row[`${b} min+gz`])}`.padEnd(28));
  console.log(`  ${row.package.padEnd(24)}${row.entry.padEnd(8)}${cells.join('')}`);
}
if (budget !== undefined) console.log(`budget: the client entry of each client package <= ${kb(budget)} min+gz`);
if (problems.length > 0) {
  console.error(`check-bundles failed:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}
