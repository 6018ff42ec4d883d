import { ApiError } from './errors.js';

/** What an openapi-fetch call resolves to. */
export interface FetchResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** The data of a 2xx answer, or the status-specific ApiError. */
export function unwrap<T>(result: FetchResult<T>): T {
  const { response } = result;
  if (!response.ok) throw ApiError.from({ status: response.status, headers: response.headers, body: result.error });
  return result.data as T;
}
