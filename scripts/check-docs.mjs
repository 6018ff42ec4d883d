// Fails when a public export of a published package has no TSDoc, or when a doc comment holds a
// bare `@signet/...` (TSDoc reads it as a tag and cuts the hover short; write it in backticks).
// Reads the built .d.ts of every entry point in each package's `exports`, as users' editors do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const problems = [];
let documented = 0;

function docOf(declaration) {
  const docs = ts.getJSDocCommentsAndTags(declaration);
  return docs.map((doc) => doc.getText()).join('\n');
}

function check(packageName, entry, file) {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (source === undefined) {
    problems.push(`${packageName} ${entry}: ${file} is missing (build first)`);
    return;
  }
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) return;
  checkExports(checker, moduleSymbol, `${packageName}${entry === '.' ? '' : entry.slice(1)} `);
}

/** Checks every export of `moduleSymbol`; a namespace (`export * as errors from …`) by the doc of its export, then each member. */
function checkExports(checker, moduleSymbol, prefix) {
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const where = `${prefix}${exported.getName()}`;
    const namespaceExport = exported.declarations?.find((d) => ts.isNamespaceExport(d));
    if (namespaceExport !== undefined) {
      judge(where, docOf(namespaceExport.parent));
      checkExports(checker, symbol, `${where}.`);
      continue;
    }
    const declarations = symbol.declarations ?? [];
    // Generated OpenAPI types document themselves through the spec; re-exported `paths`/`operations` are aliases of them.
    if (declarations.some((d) => d.getSourceFile().fileName.endsWith('.gen.d.ts'))) {
      documented++;
      continue;
    }
    judge(where, declarations.map(docOf).join('\n'));
  }
}

function judge(where, text) {
  if (text.trim() === '') problems.push(`${where}: no TSDoc`);
  else if (/(^|[^`'"\w])@signet\//m.test(text)) problems.push(`${where}: a bare @signet/... in its TSDoc (put it in backticks)`);
  else documented++;
}

for (const dir of readdirSync('packages').sort()) {
  const manifest = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  for (const [entry, conditions] of Object.entries(manifest.exports ?? {})) {
    if (typeof conditions !== 'object' || conditions.types === undefined) continue;
    check(manifest.name, entry, join('packages', dir, conditions.types));
  }
}
if (problems.length > 0) {
  console.error(`${problems.length} public exports lack usable TSDoc:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`TSDoc: all ${documented} public exports documented`);
}
