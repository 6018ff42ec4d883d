/**
 * The vendor's id of one request, for a support ticket: `x-request-id`, or for Aiuta, which runs on
 * Google Cloud, the trace id that starts `x-cloud-trace-context` (`<trace>/<span>;o=1`).
 */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('x-cloud-trace-context')?.split('/')[0] ?? undefined;
}
