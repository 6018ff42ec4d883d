import { VIDAU_CHARSETS, type VidauCharset } from './vidau/charset.js';
import type { VidauSigningRecord } from './vidau/signing-record.js';

// What the doctor CLI checks in its inputs beyond their syntax: the warnings it prints, and the
// charset a signing record names.

/** Where a credential has whitespace, in words that never show the credential itself. */
function surroundingWhitespace(value: string): string | undefined {
  const describe = (space: string) => (/^[\r\n]+$/.test(space) ? 'a line break' : /^ +$/.test(space) ? 'spaces' : 'whitespace');
  const leading = /^\s+/.exec(value)?.[0];
  const trailing = /\s+$/.exec(value)?.[0];
  if (leading !== undefined && trailing !== undefined) return `begins with ${describe(leading)} and ends with ${describe(trailing)}`;
  if (leading !== undefined) return `begins with ${describe(leading)}`;
  if (trailing !== undefined) return `ends with ${describe(trailing)}`;
  return undefined;
}

/** The first millisecond timestamp of 1973: anything below it is a timestamp in seconds (until the year 5138). */
const SECONDS_BELOW = 100_000_000_000;

/** Inputs no VidAU server accepts even when the signature over them matches; none names a secret. */
export function doctorWarnings(input: { clientId: string; authKey: string; timestamp: number }): string[] {
  const warnings: string[] = [];
  for (const [name, value] of [
    ['VIDAU_CLIENT_ID', input.clientId],
    ['VIDAU_AUTH_KEY', input.authKey],
  ] as const) {
    const where = surroundingWhitespace(value);
    if (where !== undefined) {
      warnings.push(
        `${name} ${where}: no header can carry it, every signet client refuses it, and the vendor's has none. The signatures below use it as given; remove the whitespace (a file read with a trailing newline is the usual cause).`,
      );
    }
  }
  if (input.timestamp < SECONDS_BELOW) {
    warnings.push(
      `--timestamp ${input.timestamp} is in seconds (${new Date(input.timestamp * 1000).toISOString()}); VidAU's timestamp header is milliseconds (${input.timestamp * 1000}), and a server refuses a request outside its time window however it is signed.`,
    );
  }
  return warnings;
}

/** Where the request a signing record describes differs from what the doctor was told. */
export function recordWarnings(record: VidauSigningRecord, envClientId: string | undefined): string[] {
  if (envClientId === undefined || envClientId === '' || envClientId === record.clientId) return [];
  return [
    `VIDAU_CLIENT_ID is not the client id the request was sent with (${record.clientId}): the app's configuration names another; the signature is checked with the one sent.`,
  ];
}

/** The charset a signing record names: one of the three built in, or one of `@signet/auth/charsets` (loaded only then). */
export async function charsetNamed(name: string): Promise<VidauCharset | undefined> {
  const builtIn = VIDAU_CHARSETS.find((charset) => charset === name);
  if (builtIn !== undefined) return builtIn;
  const { IMPORTED_CHARSETS } = await import('./vidau/charsets/imported.js');
  return IMPORTED_CHARSETS.find(([, charset]) => charset.name === name)?.[1];
}
