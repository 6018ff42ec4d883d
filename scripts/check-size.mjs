// Fails when a hand-written source file (code, tests and scripts alike; generated `*.gen.ts` aside)
// is longer than 400 lines, or a function in one is longer than 150: past that size a file or a
// function holds more than one idea. Prints the largest of each either way.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 150;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|mts|cts|mjs|js|tsx)$/.test(file) && !file.endsWith('.gen.ts'));

const tooLong = [];
let largestFile = { lines: 0, where: '' };
let largestFunction = { lines: 0, where: '' };

function nameOf(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText().slice(0, 40)}`;
  return '(anonymous)';
}

for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  if (lines > largestFile.lines) largestFile = { lines, where: file };
  if (lines > MAX_FILE_LINES) tooLong.push(`${file}: ${lines} lines (at most ${MAX_FILE_LINES})`);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const span = last - first + 1;
      const where = `${file}:${first + 1} ${nameOf(node)}`;
      if (span > largestFunction.lines) largestFunction = { lines: span, where };
      if (span > MAX_FUNCTION_LINES) tooLong.push(`${where}: ${span} lines (at most ${MAX_FUNCTION_LINES})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

console.log(
  `largest file: ${largestFile.where} (${largestFile.lines} lines); largest function: ${largestFunction.where} (${largestFunction.lines} lines)`,
);
if (tooLong.length > 0) {
  console.error(`Too long; split by what each part holds:\n${tooLong.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}
