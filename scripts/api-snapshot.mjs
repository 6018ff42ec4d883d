// Records every public export of every published package (from its built .d.ts), by entry point.
// `node scripts/api-snapshot.mjs` rewrites api-snapshot.json; `--check` fails when the API changed
// and the snapshot was not updated, so each API change is a visible, reviewed diff. Every exported
// subpath is recorded (`./package.json` aside): what one package imports from another is public too,
// since the peer ranges let any release of one meet any release of the other. A namespace export counts
// as one name, its members listed under it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const SNAPSHOT = 'api-snapshot.json';

function kindOf(symbol, checker) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const flags = target.flags;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.Variable) return 'const';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  if (flags & ts.SymbolFlags.ValueModule) return 'namespace';
  return 'other';
}

function exportsOf(file) {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  return namesOf(checker, checker.getSymbolAtLocation(source));
}

/** Each export's kind; a namespace (`export * as errors from …`) is one name, recorded with its own members. */
function namesOf(checker, moduleSymbol) {
  const entries = checker.getExportsOfModule(moduleSymbol).map((s) => {
    const kind = kindOf(s, checker);
    return [s.getName(), kind === 'namespace' ? namesOf(checker, checker.getAliasedSymbol(s)) : kind];
  });
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const snapshot = {};
for (const dir of readdirSync('packages').sort()) {
  const manifest = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  snapshot[manifest.name] = {};
  for (const [entry, conditions] of Object.entries(manifest.exports)) {
    // Data files (JSON) carry no names; `./package.json` is metadata.
    if (entry === './package.json' || (typeof conditions === 'string' && conditions.endsWith('.json'))) continue;
    if (typeof conditions !== 'object' || conditions.types === undefined) throw new Error(`${manifest.name} ${entry}: no types condition`);
    snapshot[manifest.name][entry] = exportsOf(join('packages', dir, conditions.types));
  }
}
const text = `${JSON.stringify(snapshot, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(SNAPSHOT, 'utf8') !== text) {
    writeFileSync(`${SNAPSHOT}.new`, text);
    console.error(
      `The public API differs from ${SNAPSHOT} (new version in ${SNAPSHOT}.new). If the change is intended, run node scripts/api-snapshot.mjs and commit it with a changeset.`,
    );
    process.exit(1);
  }
  const count = Object.values(snapshot).reduce(
    (sum, entries) => sum + Object.values(entries).reduce((n, names) => n + Object.keys(names).length, 0),
    0,
  );
  console.log(`${SNAPSHOT}: public API unchanged (${count} names over every exported subpath)`);
} else {
  writeFileSync(SNAPSHOT, text);
}
