import { ApiError } from '@signet/client-core/errors';

const SUCCESS_CODES: ReadonlySet<string> = new Set(['0', '200']);

function isEnvelope(body: unknown): body is { code: unknown; msg?: unknown; message?: unknown; data: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'code' in body && 'data' in body && !('task_id' in body);
}

/**
 * Reads a VidAU answer whether or not the server wrapped it in the
 * `{code, msg, data}` envelope that RESPONSE-WRAP asks for. A bare object is
 * returned as it is; an envelope with code 0 or 200 gives its `data`; any
 * other code becomes the ApiError of that code when it is an HTTP error
 * status, or a plain ApiError otherwise, with the envelope as its body.
 */
export function unwrapEnvelope(body: unknown, response: Response): unknown {
  if (!isEnvelope(body)) return body;
  const code = String(body.code).trim();
  if (SUCCESS_CODES.has(code)) return body.data;
  const numeric = Number(code);
  const status = Number.isInteger(numeric) && numeric >= 400 && numeric <= 599 ? numeric : response.status;
  throw ApiError.from({ status, headers: response.headers, body });
}
