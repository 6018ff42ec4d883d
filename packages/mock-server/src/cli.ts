import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InvalidRequestError } from '@signet/client-core/errors';
import { commandHelp, isCommand, runSend, saveRecording, TOOL_OPTIONS, toolHelp, toolOptions, UsageError } from './cli-tools.js';
import type { AnyMockApi, MockFlag } from './core/api.js';
import type { MockOptions } from './mock.js';
import { isLoopbackHost, type MockServer, startMockServer } from './node.js';
import { MOCK_APIS } from './registry.js';

const APIS: readonly AnyMockApi[] = MOCK_APIS;
const FLAGS: readonly MockFlag<object>[] = APIS.flatMap((api) => api.flags ?? []);

/** One option in `--help`: its usage on the left, its lines of help on the right. */
const option = (usage: string, ...help: readonly string[]) =>
  help.map((line, i) => `  ${(i === 0 ? usage : '').padEnd(22)}${line}`.trimEnd()).join('\n');

/** `a, b and c`. */
const listed = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

const HELP = `Usage: signet-mock [options]
       signet-mock <trigger> send [options]

Serves local mocks of ${listed(APIS.map((api) => api.title))}, with fixed
test credentials (printed at start). Ctrl-C stops it.

Options:
${[
  option('--port N', 'port to listen on (default $PORT or 4010; 0 for any free port)'),
  option(
    '--host ADDRESS',
    'address to listen on (default 127.0.0.1); only loopback addresses',
    '(127.x.x.x, ::1, localhost) unless --allow-remote is given',
  ),
  option(
    '--allow-remote',
    'allow a --host other machines can reach, such as 0.0.0.0: anyone who can',
    'reach it can use the public test credentials',
  ),
  ...FLAGS.map((flag) => option(`--${flag.name} ${flag.value}`, ...flag.help)),
  option('--max-body-bytes N', 'largest request body accepted (default 10 MiB); larger ones are answered 413'),
  ...toolHelp(option),
  option('-h, --help', 'print this help and exit'),
  option('--version', 'print the version and exit'),
].join('\n')}

Commands (against a running mock, through its admin endpoint):
${commandHelp(option).join('\n')}
`;

const fail = (message: string, code: number): never => {
  process.stderr.write(`signet-mock: ${message}\n`);
  process.exit(code);
};

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-remote': { type: 'boolean' },
        'max-body-bytes': { type: 'string' },
        ...TOOL_OPTIONS,
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        ...Object.fromEntries(FLAGS.map((flag) => [flag.name, { type: 'string' as const }])),
      },
    }).values as Record<string, string | boolean | string[] | undefined>;
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** node:util's parseArgs messages, shortened to one line that names the option. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? ''} (see --help)`.replace('  ', ' ');
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1];
    return `unexpected argument ${JSON.stringify(argument ?? '')} (see --help)`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--[\w-]+/.exec(option ?? message)?.[0] ?? /-[\w-]+/.exec(option ?? message)?.[0] ?? 'an option';
    return /does not take an argument/.test(message) ? `${name} takes no value` : `${name} needs a value`;
  }
  return message.split('\n')[0] ?? 'invalid arguments';
}

function integer(value: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${what} must be an integer from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** The APIs' options their flags give. */
async function flagOptions(values: Record<string, unknown>): Promise<object> {
  const options: object = {};
  for (const flag of FLAGS) {
    const value = values[flag.name];
    if (typeof value !== 'string') continue;
    try {
      Object.assign(options, await flag.parse(value));
    } catch (error) {
      throw new UsageError(`--${flag.name} ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return options;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** What it prints once it listens: each API's base URL, and under it the lines its module gives (once for APIs that share them). */
function banner(server: MockServer, options: MockOptions, host: string): string {
  const credentials: Readonly<Record<string, unknown>> = server.credentials;
  const baseUrls: Readonly<Record<string, string>> = server.baseUrls;
  const entries = APIS.map((api) => ({
    head: `  ${api.title.padEnd(22)}baseUrl ${baseUrls[api.name]}`,
    lines: api.banner?.(credentials[api.credentials.key], options) ?? [],
  }));
  const lines = entries.flatMap(({ head, lines }, i) => {
    const next = entries[i + 1]?.lines;
    const sharedWithNext = next !== undefined && next.length === lines.length && next.every((line, j) => line === lines[j]);
    return [head, ...(sharedWithNext ? [] : lines.map((line) => `         ${line}`))];
  });
  const remote = isLoopbackHost(host) ? '' : `  listening on ${host}: other machines can reach it, and these public credentials with it\n`;
  return `signet mock server on ${server.url}\n${lines.join('\n')}\n${remote}These are test credentials, accepted only here. Ctrl-C stops.\n`;
}

function listenError(error: unknown, port: number, host: string): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use; pick another with --port (0 for any free port)`;
  if (code === 'EACCES') return `not allowed to listen on port ${port} on ${host}; pick a port above 1023 with --port`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `cannot listen on ${host}: not an address of this machine`;
  return `could not start: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (isCommand(argv)) {
    process.exitCode = await runSend(argv);
    return;
  }
  const values = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  const apiOptions = await flagOptions(values);
  const portText = typeof values.port === 'string' ? values.port : (process.env.PORT ?? '4010');
  const port = integer(portText, values.port === undefined && process.env.PORT !== undefined ? '$PORT' : '--port', 0, 65535);
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs an address');
  if (!values['allow-remote'] && !isLoopbackHost(host)) {
    throw new UsageError(`--host ${host} is not a loopback address; add --allow-remote to let other machines reach the mock`);
  }
  const maxBodyText = values['max-body-bytes'];
  const maxBodyBytes = typeof maxBodyText === 'string' ? integer(maxBodyText, '--max-body-bytes', 1, Number.MAX_SAFE_INTEGER) : undefined;
  const options: MockOptions = { ...apiOptions, ...toolOptions(values), ...(maxBodyBytes !== undefined && { maxBodyBytes }) };

  let server: MockServer;
  try {
    server = await startMockServer({ ...options, port, host, allowRemote: values['allow-remote'] === true });
  } catch (error) {
    // A fault, seed or recording the mock refuses: a mistake in the command line.
    if (error instanceof InvalidRequestError) throw new UsageError(error.message);
    return fail(listenError(error, port, host), 1);
  }
  process.stdout.write(banner(server, options, host));
  const record = typeof values.record === 'string' ? values.record : undefined;
  const stop = () =>
    void server.close().then(() => {
      saveRecording(server, record);
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) return fail(error.message, 2);
  return fail(error instanceof Error ? error.message : String(error), 1);
});
