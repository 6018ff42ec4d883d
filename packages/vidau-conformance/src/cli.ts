import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runConformance } from './runner.js';
import { formatSummary } from './summary.js';
import { loadVectors, type VectorFile } from './vectors.js';

const USAGE = `usage: vidau-conformance [options] -- <adapter command> [arguments…]

Runs a VidAU signer over the conformance vectors through an adapter: a command that reads one
JSON request per line on standard input and writes one JSON answer per line on standard output
(the protocol is in this package's README). Prints a summary; exits 0 when every request passed.

Options:
  --dialect java|python   which vendor sample the signer reproduces; default java
  --charset <name>        a JVM default charset the signer supports (repeat it, or give all);
                          default UTF-8
  --vectors <file>        another vector file of the same schema
  --timeout <ms>          how long to wait for each answer; default 30000
  --json                  print the results as JSON instead of the summary
  -h, --help              show this help
  --version               print the version

Exit codes: 0 every request passed, 1 a request failed or the adapter stopped answering, 2 usage error.`;

/** What the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const defaultIo: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

class UsageError extends Error {}

function options(argv: readonly string[]) {
  const split = argv.indexOf('--');
  try {
    const { values } = parseArgs({
      args: [...(split === -1 ? argv : argv.slice(0, split))],
      options: {
        dialect: { type: 'string' },
        charset: { type: 'string', multiple: true },
        vectors: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    return { values, adapter: split === -1 ? [] : argv.slice(split + 1) };
  } catch (error) {
    throw new UsageError((error instanceof Error ? error.message : String(error)).split(/\.\s/)[0]);
  }
}

/** Runs `vidau-conformance <argv>` and resolves to the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const { values, adapter } = options(argv);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (values.version) {
      io.stdout(`${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
      return 0;
    }
    const [command, ...args] = adapter;
    if (command === undefined) throw new UsageError('give the adapter command after --');
    const dialect = values.dialect ?? 'java';
    if (dialect !== 'java' && dialect !== 'python') throw new UsageError(`--dialect is java or python, got ${JSON.stringify(dialect)}`);
    const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeoutMs !== undefined && !(Number.isSafeInteger(timeoutMs) && timeoutMs > 0)) {
      throw new UsageError(`--timeout is a positive number of milliseconds, got ${JSON.stringify(values.timeout)}`);
    }
    let vectors: VectorFile;
    try {
      vectors = loadVectors(values.vectors ?? dialect);
    } catch (error) {
      throw new UsageError(
        `cannot read ${values.vectors ?? `the ${dialect} vectors`}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const charsets = values.charset?.includes('all') ? vectors.generator.charsets : (values.charset ?? ['UTF-8']);
    const unknown = charsets.filter((c) => !vectors.generator.charsets.includes(c));
    if (unknown.length > 0)
      throw new UsageError(`no vectors for charset ${unknown.join(', ')}; there are ${vectors.generator.charsets.join(', ')}`);
    const summary = await runConformance({
      command,
      args,
      vectors,
      charsets,
      stderr: io.stderr,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
    io.stdout(`${values.json ? JSON.stringify(summary) : formatSummary(summary)}\n`);
    return summary.passed ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`vidau-conformance: ${error.message} (see vidau-conformance --help)\n`);
    return 2;
  }
}
