import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nodeHmacSha256Base64 } from './crypto/node.js';
import { diagnoseVidauSignature } from './doctor.js';

const USAGE = `usage: signet doctor --body <file|-> [--timestamp <ms>] [--signature <received>] [--dialect java|python]

Explains a VidAU signature: prints the canonical body, the string to sign and the
expected signature, and which common mistake reproduces a received signature.
Credentials come from the environment, never from arguments:
  VIDAU_CLIENT_ID   the x-client-id
  VIDAU_AUTH_KEY    the x-auth-key (used, never printed)`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(code);
}

async function doctor(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { body: { type: 'string' }, timestamp: { type: 'string' }, signature: { type: 'string' }, dialect: { type: 'string' } },
  });
  const clientId = process.env.VIDAU_CLIENT_ID;
  const authKey = process.env.VIDAU_AUTH_KEY;
  if (!clientId || !authKey) fail('Set VIDAU_CLIENT_ID and VIDAU_AUTH_KEY in the environment.');
  if (values.body === undefined) fail('--body is required (a file, or - for standard input).');
  const body = readFileSync(values.body === '-' ? 0 : values.body, 'utf8');
  const timestamp = values.timestamp === undefined ? Date.now() : Number(values.timestamp);
  if (!Number.isSafeInteger(timestamp)) fail('--timestamp must be an integer number of milliseconds.');
  const dialect = values.dialect ?? 'java';
  if (dialect !== 'java' && dialect !== 'python') fail('--dialect is java or python.');

  const report = await diagnoseVidauSignature(
    { clientId, authKey, body, timestamp, dialect, ...(values.signature !== undefined && { receivedSignature: values.signature }) },
    nodeHmacSha256Base64,
  );
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`dialect             ${report.dialect}`);
  if (report.canonicalBody === undefined) {
    out(`canonical body      none: ${report.problem}`);
    return 1;
  }
  out(`canonical body      ${report.canonicalBody}`);
  out(`string to sign      ${report.stringToSign}`);
  out(`expected signature  ${report.expectedSignature}`);
  out(`this body is sensitive to: ${report.sensitiveTo.join(', ') || 'none of the usual mistakes'}`);
  if (report.matches === undefined) return 0;
  if (report.matches) {
    out(`received signature  ${values.signature}  ✓ matches`);
    return 0;
  }
  out(`received signature  ${values.signature}  ✗ does not match`);
  if (report.explainedBy.length === 0) {
    out('No single common mistake reproduces it: check the auth key, the client id and the timestamp header.');
  } else {
    for (const hypothesis of report.explainedBy) out(`explained by ${hypothesis.name}: ${hypothesis.explanation}`);
  }
  return 1;
}

const [command, ...rest] = process.argv.slice(2);
if (command !== 'doctor') fail(command === undefined ? 'Missing command.' : `Unknown command: ${command}`);
process.exitCode = await doctor(rest);
