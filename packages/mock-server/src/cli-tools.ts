// The test tools on the command line: faults, seed, record and replay at start, and `<trigger> send`
// against a running mock (through its admin endpoint). Names no API: triggers come from the modules.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ADMIN_PREFIX } from './core/admin.js';
import type { AnyMockApi, MockTrigger, TriggerField } from './core/api.js';
import { fieldValue, optionName } from './core/triggers.js';
import type { MockOptions } from './mock.js';
import type { MockServer } from './node.js';
import { MOCK_APIS } from './registry.js';

const APIS: readonly AnyMockApi[] = MOCK_APIS;

/** A mistake in how the command was called: one line on stderr, exit 2, no stack trace. */
export class UsageError extends Error {}

/** The tools' options of `signet-mock`, for parseArgs. */
export const TOOL_OPTIONS = {
  fault: { type: 'string', multiple: true },
  seed: { type: 'string' },
  upstream: { type: 'string', multiple: true },
  record: { type: 'string' },
  replay: { type: 'string' },
} as const;

/** Their lines in `--help`, in the CLI's `option(usage, ...help)` layout. */
export const toolHelp = (option: (usage: string, ...help: string[]) => string): string[] => [
  option(
    '--fault JSON',
    'a fault for the next requests (repeatable), e.g. {"api":"NAME","status":503}',
    'or {"kind":"reset","rate":0.1,"seed":7}; see the README',
  ),
  option('--seed FILE', 'what the APIs start with: a JSON file keyed by API name'),
  option('--upstream NAME=URL', 'proxy mode: forward the API NAME to its real base URL URL (repeatable)'),
  option('--record FILE', 'with --upstream: write the recorded exchanges to FILE when stopped'),
  option('--replay FILE', 'answer the APIs a recording holds from it, with no network'),
];

function readJson(file: string, flag: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot read it (${(error as { code?: string }).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${flag} ${file}: not JSON`);
  }
}

/** The mock options the tools' flags give. */
export function toolOptions(values: Record<string, unknown>): Pick<MockOptions, 'faults' | 'seed' | 'record' | 'replay'> {
  const faults = ((values.fault as string[] | undefined) ?? []).map((text) => {
    try {
      return JSON.parse(text) as object;
    } catch {
      throw new UsageError(`--fault takes a JSON object, not ${JSON.stringify(text)}`);
    }
  });
  const upstream: Record<string, string> = {};
  for (const pair of (values.upstream as string[] | undefined) ?? []) {
    const [, name, url] = /^([^=]+)=(https?:\/\/.+)$/.exec(pair) ?? [];
    if (name === undefined || url === undefined)
      throw new UsageError(`--upstream takes NAME=URL (an http(s) base URL), not ${JSON.stringify(pair)}`);
    upstream[name] = url;
  }
  if (values.record !== undefined && Object.keys(upstream).length === 0) throw new UsageError('--record needs --upstream NAME=URL');
  return {
    ...(faults.length > 0 && { faults }),
    ...(typeof values.seed === 'string' && { seed: readJson(values.seed, '--seed') as NonNullable<MockOptions['seed']> }),
    ...(Object.keys(upstream).length > 0 && { record: { upstream } }),
    ...(typeof values.replay === 'string' && { replay: readJson(values.replay, '--replay') as NonNullable<MockOptions['replay']> }),
  };
}

/** Writes what was recorded to `file` (on stop). */
export function saveRecording(server: MockServer, file: string | undefined): void {
  if (file !== undefined) writeFileSync(file, `${JSON.stringify(server.recording(), null, 2)}\n`);
}

// biome-ignore lint/suspicious/noExplicitAny: any module's trigger, its input checked by the mock.
type AnyTrigger = MockTrigger<unknown, any, unknown>;

/** The modules' triggers by name, each with the APIs that offer it. */
function triggers(): Map<string, { api: AnyMockApi; trigger: AnyTrigger }[]> {
  const byName = new Map<string, { api: AnyMockApi; trigger: AnyTrigger }[]>();
  for (const api of APIS) {
    for (const [name, trigger] of Object.entries<AnyTrigger>(api.triggers ?? {}))
      byName.set(name, [...(byName.get(name) ?? []), { api, trigger }]);
  }
  return byName;
}

/** The `Commands:` part of `--help`. */
export const commandHelp = (option: (usage: string, ...help: string[]) => string): string[] =>
  [...triggers()].flatMap(([name, offers]) =>
    offers.map(({ api, trigger }) => option(`${name} send`, `${api.title}: ${trigger.help}`, `(signet-mock ${name} send --help)`)),
  );

/** Whether `argv` is a command (`<trigger> send …`) rather than options. */
export const isCommand = (argv: readonly string[]) => argv[0] !== undefined && triggers().has(argv[0]);

function sendHelp(name: string, offers: readonly { api: AnyMockApi; trigger: AnyTrigger }[]): string {
  const lines = offers.flatMap(({ api, trigger }) => [
    `  ${api.name} (${api.title}): ${trigger.help}`,
    ...Object.entries(trigger.fields as Readonly<Record<string, TriggerField>>).map(
      ([field, { type, help, required }]) =>
        `    --${optionName(field)}${type === 'boolean' ? '' : ` ${type === 'integer' ? 'N' : 'VALUE'}`}`.padEnd(28) +
        `${help}${required ? ' (required)' : ''}`,
    ),
  ]);
  return `Usage: signet-mock ${name} send [--url URL] [--api NAME] [options]

Tells a running mock (default http://127.0.0.1:$PORT or 4010) to do it now, through its admin
endpoint (${ADMIN_PREFIX}); prints what it did as JSON.

${lines.join('\n')}
`;
}

/** `signet-mock <trigger> send …`: the exit code, once the mock has answered. */
export async function runSend(argv: readonly string[]): Promise<number> {
  const [name = '', verb, ...rest] = argv;
  const offers = triggers().get(name) ?? [];
  if (verb !== 'send') throw new UsageError(`${name} takes one command: send (see signet-mock ${name} send --help)`);
  const fields = Object.assign({}, ...offers.map(({ trigger }) => trigger.fields)) as Record<string, TriggerField>;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...rest],
      strict: true,
      options: {
        url: { type: 'string' },
        api: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(
          Object.entries(fields).map(([field, { type }]) => [
            optionName(field),
            { type: type === 'boolean' ? 'boolean' : 'string' } as const,
          ]),
        ),
      },
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see signet-mock ${name} send --help)`);
  }
  if (values.help) {
    process.stdout.write(sendHelp(name, offers));
    return 0;
  }
  const offer = values.api === undefined && offers.length === 1 ? offers[0] : offers.find(({ api }) => api.name === values.api);
  if (offer === undefined) throw new UsageError(`--api must be one of ${offers.map(({ api }) => api.name).join(', ')}`);
  const input: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(offer.trigger.fields as Readonly<Record<string, TriggerField>>)) {
    const given = values[optionName(field)];
    if (given === undefined) continue;
    try {
      input[field] = fieldValue(field, spec, given);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const origin = (typeof values.url === 'string' ? values.url : `http://127.0.0.1:${process.env.PORT ?? '4010'}`).replace(/\/+$/, '');
  const target = `${origin}${ADMIN_PREFIX}triggers/${encodeURIComponent(offer.api.name)}/${encodeURIComponent(name)}`;
  let response: Response;
  try {
    response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  } catch {
    process.stderr.write(`signet-mock: no mock answers at ${origin} (start one with signet-mock, or give --url)\n`);
    return 1;
  }
  const answer = (await response.json().catch(() => ({}))) as { result?: unknown; error?: string };
  if (!response.ok) {
    process.stderr.write(`signet-mock: ${answer.error ?? `the mock answered ${response.status}`}\n`);
    return response.status === 400 ? 2 : 1;
  }
  process.stdout.write(`${JSON.stringify(answer.result, null, 2)}\n`);
  return 0;
}
