/** What a redacted header, query parameter or secret reads as. */
export const REDACTED = '[redacted]';

/** Names of headers and query parameters that carry credentials: keys, tokens, signatures, cookies, account ids. */
const SECRET_NAME = /auth|cookie|key|token|secret|signature|session|passw|client-?id|user-?id/i;

/** Shorter values are left alone: replacing them everywhere would garble unrelated text. */
const MIN_SECRET_LENGTH = 4;

export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

/** The secrets a credential-like header's value holds: the value, and the token of a `Bearer`/`Basic` one. */
export function secretsOf(name: string, value: string): string[] {
  if (!isSecretName(name) || value.length < MIN_SECRET_LENGTH) return [];
  const token = /^(?:bearer|basic)\s+(\S+)$/i.exec(value.trim())?.[1];
  return token !== undefined && token.length >= MIN_SECRET_LENGTH ? [value, token] : [value];
}

/** The string values of credential fields (`apiKey`, `authKey`, `jwtSecret`, …) of each credentials object. */
export function credentialSecrets(credentials: Iterable<unknown>): string[] {
  const secrets: string[] = [];
  for (const entry of credentials) {
    if (entry === null || typeof entry !== 'object') continue;
    for (const [name, value] of Object.entries(entry)) {
      if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH && /key|secret|token|password/i.test(name)) secrets.push(value);
    }
  }
  return secrets;
}

/** `text` with every occurrence of each secret replaced by `[redacted]`. */
export function scrubbed(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so that a token inside a longer value does not leave the rest of it behind.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
  return out;
}

/** A header's or parameter's value as it may be shown: `[redacted]` when its name or any secret in it says so. */
export const shownValue = (name: string, value: string, secrets: readonly string[]): string =>
  isSecretName(name) || secrets.some((secret) => value.includes(secret)) ? REDACTED : value;
