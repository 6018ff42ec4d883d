import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InvalidRequestError, SignetError } from '@signet/client-core/errors';
import type { CanonicalJsonDialect } from './canonical/canonical-json.js';
import { nodeHmacSha256Base64 } from './crypto/node.js';
import { diagnoseVidauSignature } from './doctor.js';
import { charsetNamed, doctorWarnings, recordWarnings } from './doctor-inputs.js';
import { python } from './python.js';
import { bodySha256, parseVidauSigningRecord, type ReadSigningRecord } from './vidau/signing-record.js';

/** What the CLI touches outside itself; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a file as UTF-8; `0` is standard input. */
  readonly readFile: (path: string | 0) => string;
  readonly now: () => number;
}

/** Exit codes: 0 done (or the signature matches), 1 the check failed, 2 a usage error, 70 a bug in signet. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

/**
 * The bin's name. The package has this one bin, so `npx @signet/auth <command>` runs it from any
 * folder; `signet` alone is another package on npm, which `npx signet` would fetch and run.
 */
const PROGRAM = 'signet-auth';

const TOP_USAGE = `usage: ${PROGRAM} <command> [options]
   or: npx @signet/auth <command> [options]   (from any folder, nothing installed)

Commands:
  doctor    explain why a VidAU signature was rejected

Options:
  -h, --help     show this help, or a command's help: ${PROGRAM} <command> --help
  --version      print the version of @signet/auth

Exit codes: 0 ok, 1 the check failed, 2 usage error.`;

const DOCTOR_USAGE = `usage: ${PROGRAM} doctor --body <file|-> [--timestamp <ms>] [--signature <received>] [--dialect java|python]
       ${PROGRAM} doctor --body <file|-> --from-error <file>
   or: npx @signet/auth doctor …   (from any folder, nothing installed)

Explains a VidAU signature: prints the canonical body, the string to sign and the
expected signature, and which common mistake reproduces a received signature.

Options:
  --body <file|->        the request body as sent (a file, or - for standard input); required
  --timestamp <ms>       the timestamp header, in milliseconds; default now
  --signature <base64>   the Authorization header the server received, to explain
  --dialect java|python  the vendor reference to match; default java (what the server runs)
  --from-error <file>    a VidAU client's AuthenticationError, as JSON.stringify(error) writes it:
                         the client id, timestamp, signature, dialect and charset the refused
                         request was signed with, and a digest of its body that --body must match
  -h, --help             show this help
  --version              print the version of @signet/auth

Credentials come from the environment, never from arguments:
  VIDAU_CLIENT_ID   the x-client-id
  VIDAU_AUTH_KEY    the x-auth-key (used, never printed)

A match only shows that the signature was made with the key you gave: if the server still
refuses it, that key (or the client id) is not the one the server has.

Warnings (on stderr) name inputs no server accepts even when the signature matches: a
credential with whitespace around it, a timestamp in seconds.

Exit codes: 0 the signature matches and nothing was warned of (or no signature was given),
1 it does not match, a warning was printed, or the body cannot be signed; 2 usage error.`;

/** A mistake in how the CLI was called: one line on stderr, exit 2, no stack. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Node's parseArgs messages are long and suggest `--`; this keeps the first sentence. */
function parse(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>, command?: string) {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
    });
    return values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) throw new UsageError(`unknown option ${unknown[1]}`, command);
    const missing = /^Option '(-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
    if (missing) throw new UsageError(`${missing[2]} needs a value`, command);
    const positional = /^Unexpected argument '([^']+)'/.exec(message);
    if (positional) throw new UsageError(`unexpected argument ${positional[1]}`, command);
    throw new UsageError(message.split(/\.\s/)[0] ?? message, command);
  }
}

type DoctorValues = {
  body?: string;
  timestamp?: string;
  signature?: string;
  dialect?: string;
  'from-error'?: string;
  help?: boolean;
  version?: boolean;
};

function readInput(io: CliIo, path: string): string {
  try {
    return io.readFile(path === '-' ? 0 : path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'unknown error');
    throw new UsageError(`cannot read ${path === '-' ? 'standard input' : path}: ${code}`, 'doctor');
  }
}

/** The signing record of `--from-error <file>`, or a usage error saying what is wrong with it. */
function readRecord(io: CliIo, path: string): ReadSigningRecord {
  const text = readInput(io, path);
  try {
    return parseVidauSigningRecord(JSON.parse(text));
  } catch (error) {
    const why = error instanceof InvalidRequestError ? `${error.field} ${error.message.replace(/^.*?: /, '')}` : 'it is not JSON';
    throw new UsageError(`--from-error ${path}: ${why} (write it with JSON.stringify(error))`, 'doctor');
  }
}

/** What the doctor checks: from the flags and the environment, or from a signing record and the environment. */
async function doctorInputs(values: DoctorValues, io: CliIo) {
  const usage = (message: string) => new UsageError(message, 'doctor');
  if (values.body === undefined) throw usage('--body is required (a file, or - for standard input)');
  const read = values['from-error'] === undefined ? undefined : readRecord(io, values['from-error']);
  const record = read?.record;
  if (record !== undefined) {
    for (const flag of ['timestamp', 'signature', 'dialect'] as const) {
      if (values[flag] !== undefined) throw usage(`--${flag} comes from --from-error: leave it out`);
    }
  }
  const timestamp = record?.timestamp ?? (values.timestamp === undefined ? io.now() : Number(values.timestamp));
  if (values.timestamp !== undefined && (!/^\d+$/.test(values.timestamp) || !Number.isSafeInteger(timestamp))) {
    throw usage(`--timestamp must be an integer number of milliseconds, got ${JSON.stringify(values.timestamp)}`);
  }
  const dialectName = record?.dialect ?? values.dialect ?? 'java';
  if (dialectName !== 'java' && dialectName !== 'python') throw usage(`--dialect is java or python, got ${JSON.stringify(dialectName)}`);
  const charset = record === undefined ? 'UTF-8' : await charsetNamed(record.charset);
  if (charset === undefined) throw usage(`--from-error names charset ${JSON.stringify(record?.charset)}, which this version does not know`);
  const clientId = record?.clientId ?? io.env.VIDAU_CLIENT_ID;
  const authKey = io.env.VIDAU_AUTH_KEY;
  const unset = [!clientId && 'VIDAU_CLIENT_ID', !authKey && 'VIDAU_AUTH_KEY'].filter(Boolean);
  if (!clientId || !authKey) throw usage(`set ${unset.join(' and ')} in the environment`);
  const body = readInput(io, values.body);
  const receivedSignature = record?.signature ?? values.signature;
  const warnings = [...doctorWarnings({ clientId, authKey, timestamp }), ...(record ? recordWarnings(record, io.env.VIDAU_CLIENT_ID) : [])];
  const dialect: CanonicalJsonDialect = dialectName === 'python' ? python : 'java';
  return { clientId, authKey, body, timestamp, dialect, charset, receivedSignature, record, request: read?.request, warnings };
}

async function doctor(args: readonly string[], io: CliIo): Promise<number> {
  const values = parse(
    args,
    {
      body: { type: 'string' },
      timestamp: { type: 'string' },
      signature: { type: 'string' },
      dialect: { type: 'string' },
      'from-error': { type: 'string' },
    },
    'doctor',
  ) as DoctorValues;
  if (values.help) {
    io.stdout(`${DOCTOR_USAGE}\n`);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const { receivedSignature, record, request, warnings, ...input } = await doctorInputs(values, io);
  const report = await diagnoseVidauSignature(
    { ...input, ...(receivedSignature !== undefined && { receivedSignature }) },
    nodeHmacSha256Base64,
  );
  for (const warning of warnings) io.stderr(`${PROGRAM} doctor: warning: ${warning}\n`);
  const passed = warnings.length === 0 ? EXIT.ok : EXIT.failed;
  const out = (line: string) => io.stdout(`${line}\n`);
  if (record !== undefined) {
    const sent = `sent ${new Date(record.timestamp).toISOString()} as client ${record.clientId}`;
    out(`request             ${request === undefined ? sent : `${request}, ${sent}`}`);
  }
  out(
    `dialect             ${report.dialect}${report.charset === 'UTF-8' ? '' : `, charset ${typeof report.charset === 'string' ? report.charset : report.charset.name}`}`,
  );
  if (report.canonicalBody === undefined) {
    out(`canonical body      none: ${report.problem}`);
    return EXIT.failed;
  }
  out(`canonical body      ${report.canonicalBody}`);
  if (record !== undefined && (await bodySha256(report.canonicalBody)) !== record.bodySha256) {
    out("                    ✗ not the body that was sent (the SHA-256 of its canonical form differs): give that request's body");
    return EXIT.failed;
  }
  out(`string to sign      ${report.stringToSign}`);
  out(`expected signature  ${report.expectedSignature}`);
  out(`this body is sensitive to: ${report.sensitiveTo.join(', ') || 'none of the usual mistakes'}`);
  if (report.matches === undefined) return passed;
  const label = record === undefined ? 'received signature' : 'sent signature    ';
  if (report.matches) {
    out(`${label}  ${receivedSignature}  ✓ matches with the key you gave; if the server still refuses, the key itself is wrong`);
    return passed;
  }
  out(`${label}  ${receivedSignature}  ✗ does not match`);
  if (report.explainedBy.length === 0) {
    const check =
      record === undefined
        ? 'the auth key, the client id and the timestamp header'
        : 'the auth key: it is not the one the request was signed with';
    out(`No single common mistake reproduces it: check ${check}.`);
  } else {
    for (const hypothesis of report.explainedBy) out(`explained by ${hypothesis.name}: ${hypothesis.explanation}`);
  }
  return EXIT.failed;
}

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = { doctor };

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => Date.now(),
};

/** Runs `signet-auth <argv>` and resolves to the exit code; never throws and never prints a stack for a user mistake. */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const sink: CliIo = { ...defaultIo, ...io };
  const [first, ...rest] = argv;
  try {
    if (first === undefined) throw new UsageError('missing command');
    if (first === '-h' || first === '--help' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined;
      if (topic !== undefined && !(topic in COMMANDS)) throw new UsageError(`unknown command ${JSON.stringify(topic)}`);
      sink.stdout(`${topic === 'doctor' ? DOCTOR_USAGE : TOP_USAGE}\n`);
      return EXIT.ok;
    }
    if (first === '--version') {
      sink.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`);
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(first)}`);
    return await command(rest, sink);
  } catch (error) {
    if (error instanceof UsageError) {
      const name = error.command === undefined ? PROGRAM : `${PROGRAM} ${error.command}`;
      sink.stderr(`${name}: ${error.message} (see ${name} --help)\n`);
      return EXIT.usage;
    }
    if (error instanceof SignetError) {
      sink.stderr(`${PROGRAM}: ${error.message}\n`);
      return EXIT.failed;
    }
    // A bug in signet, not a mistake of the caller: say so in one line; the stack on request.
    const detail = sink.env.SIGNET_DEBUG ? (error instanceof Error ? (error.stack ?? error.message) : String(error)) : String(error);
    sink.stderr(`${PROGRAM}: internal error: ${detail}${sink.env.SIGNET_DEBUG ? '' : ' (set SIGNET_DEBUG=1 for the stack)'}\n`);
    return EXIT.internal;
  }
}

// `node dist/cli.js …` runs it too (bin/signet-auth.js calls main itself).
function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}
if (isEntry()) process.exitCode = await main(process.argv.slice(2));
