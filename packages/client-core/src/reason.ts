// What an ApiError quotes of the server's answer: its own words, cleaned and bounded (see `ApiError.reason`).

/** The longest `reason` kept; the body itself stays whole in `body`. */
const MAX_REASON = 300;

/** The server's own words, from its body only: see `ApiError.reason`. */
export function reasonOf(body: unknown, secrets: readonly string[] = []): string | undefined {
  if (typeof body === 'string') return clean(body, secrets);
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const words = [
    record.detail,
    record.message,
    record.msg,
    record.error,
    (record.error as { message?: unknown } | null)?.message,
    record.code,
  ].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  // FastAPI's `detail: [{loc, msg}]`, and the same list as `details` beside VidAU's `msg`.
  const problems = [record.detail, record.details]
    .flatMap((list) => (Array.isArray(list) ? list.slice(0, 3).map(problemOf) : []))
    .filter(Boolean)
    .join('; ');
  return clean(words && problems ? `${words}: ${problems}` : (words ?? problems), secrets);
}

function problemOf(problem: unknown): string {
  const { loc, msg } = (problem ?? {}) as { loc?: unknown; msg?: unknown };
  if (typeof msg !== 'string') return typeof problem === 'string' ? problem : '';
  return Array.isArray(loc) ? `${loc.join('.')}: ${msg}` : msg;
}

/** Control and format characters (line breaks, escapes, bidi overrides) become spaces; secrets are redacted; bounded. */
function clean(text: string, secrets: readonly string[]): string | undefined {
  let out = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ').trim();
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('[redacted]');
  return out === '' ? undefined : out.length > MAX_REASON ? `${out.slice(0, MAX_REASON - 1)}…` : out;
}
