import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { python } from '@signet/auth/python';
import { isLoopbackHost, startMockServer } from './node.js';

const HELP = `Usage: signet-mock [options]

Serves local mocks of the Aiuta Digital Try-On API, the Aiuta Unified API and VidAU, with fixed
test credentials (printed at start). Ctrl-C stops it.

Options:
  --port N              port to listen on (default $PORT or 4010; 0 for any free port)
  --host ADDRESS        address to listen on (default 127.0.0.1); only loopback addresses
                        (127.x.x.x, ::1, localhost) unless --allow-remote is given
  --allow-remote        allow a --host other machines can reach, such as 0.0.0.0: anyone who can
                        reach it can use the public test credentials
  --vidau-dialect D     how VidAU signatures are checked: java (fastjson2, the default) or python
                        (the vendor's Python sample)
  --max-body-bytes N    largest request body accepted (default 10 MiB); larger ones are answered 413
  -h, --help            print this help and exit
  --version             print the version and exit
`;

/** A mistake in how the command was called: one line on stderr, exit 2, no stack trace. */
class UsageError extends Error {}

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
        'vidau-dialect': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    }).values;
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

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

async function main(): Promise<void> {
  const values = parse(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  const dialect = values['vidau-dialect'];
  if (dialect !== undefined && dialect !== 'java' && dialect !== 'python') {
    throw new UsageError(`--vidau-dialect must be java or python, not ${JSON.stringify(dialect)}`);
  }
  const portText = values.port ?? process.env.PORT ?? '4010';
  const port = integer(portText, values.port === undefined && process.env.PORT !== undefined ? '$PORT' : '--port', 0, 65535);
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs an address');
  if (!values['allow-remote'] && !isLoopbackHost(host)) {
    throw new UsageError(`--host ${host} is not a loopback address; add --allow-remote to let other machines reach the mock`);
  }
  const maxBodyBytes =
    values['max-body-bytes'] === undefined ? undefined : integer(values['max-body-bytes'], '--max-body-bytes', 1, Number.MAX_SAFE_INTEGER);

  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer({
      port,
      host,
      allowRemote: values['allow-remote'] === true,
      ...(dialect !== undefined && { vidauDialect: dialect === 'python' ? python : 'java' }),
      ...(maxBodyBytes !== undefined && { maxBodyBytes }),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') return fail(`port ${port} on ${host} is already in use; pick another with --port (0 for any free port)`, 1);
    if (code === 'EACCES') return fail(`not allowed to listen on port ${port} on ${host}; pick a port above 1023 with --port`, 1);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return fail(`cannot listen on ${host}: not an address of this machine`, 1);
    }
    return fail(`could not start: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  const { aiuta, vidau } = server.credentials;
  process.stdout.write(`signet mock server on ${server.url}
  Aiuta Digital Try-On  baseUrl ${server.aiutaBaseUrl}
  Aiuta Unified API     baseUrl ${server.aiutaUnifiedBaseUrl}
         X-API-Key ${aiuta.apiKey} | x-user-id ${aiuta.subscriptionId} | JWT: HS256, secret ${aiuta.jwtSecret}, iss ${aiuta.jwtIssuer}
  VidAU                 baseUrl ${server.vidauBaseUrl}
         clientId ${vidau.clientId} | authKey ${vidau.authKey}${dialect === 'python' ? ' | signatures checked in the python dialect' : ''}
${isLoopbackHost(host) ? '' : `  listening on ${host}: other machines can reach it, and these public credentials with it\n`}These are test credentials, accepted only here. Ctrl-C stops.\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) return fail(error.message, 2);
  return fail(error instanceof Error ? error.message : String(error), 1);
});
