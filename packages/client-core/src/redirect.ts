// Redirects, which are never left to fetch: a request's headers (API keys, tokens, signatures)
// may follow one only within the origin they were meant for.
import { discard } from './body.js';
import { ApiRedirectError } from './errors.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that describe a body, dropped when a redirect turns the request into a GET (Fetch §4.4). */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** What one hop sends, apart from its URL. */
export interface HopInit {
  readonly method: string;
  /** Copied for each hop, never changed. */
  readonly headers: Headers;
  /** Undefined without a body; an upload's Blob or stream (see `SendOptions.body`) as it is. */
  readonly body: Uint8Array | Blob | ReadableStream<Uint8Array> | undefined;
}

/** The final answer of a chain of hops, its body unread. */
export interface Followed {
  readonly response: Response;
  /** The URL that gave it. */
  readonly url: URL;
  /** Whether a redirect was followed to get there. */
  readonly redirected: boolean;
}

/**
 * Sends `first` to `url` with `hop`, following same-origin redirects, at most `maxRedirects` of
 * them: 303, and 301/302 after a POST, continue as GET without a body; 307 and 308 keep method and
 * body. A redirect to another origin is refused with ApiRedirectError naming that origin; so is a
 * loop, a `Location` that is not a URL or carries credentials, more hops than allowed, and a
 * browser's opaque redirect, whose target cannot be checked. A 3xx without `Location` is the answer.
 */
export async function follow(
  first: HopInit,
  url: URL,
  hop: (url: URL, init: HopInit) => Promise<Response>,
  maxRedirects: number,
): Promise<Followed> {
  let current = url;
  let init = first;
  let visited: Set<string> | undefined;
  for (let hops = 0; ; hops++) {
    const response = await hop(current, init);
    if (response.type === 'opaqueredirect') {
      throw new ApiRedirectError(
        'hidden',
        response.status,
        undefined,
        'this runtime hides where the server redirects to; use the final address as baseUrl',
      );
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return { response, url: current, redirected: hops > 0 };
    await discard(response);
    visited ??= new Set([`${init.method} ${current.href}`]);
    const target = redirectTarget(location, current, response.status);
    init = redirectedInit(init, response.status);
    const key = `${init.method} ${target.href}`;
    if (visited.has(key))
      throw new ApiRedirectError('loop', response.status, target.origin, `${target.origin}${target.pathname} redirects back to itself`);
    if (hops + 1 > maxRedirects)
      throw new ApiRedirectError('too-many', response.status, target.origin, `more than ${maxRedirects} redirects`);
    visited.add(key);
    current = target;
  }
}

/** The next hop's URL, or ApiRedirectError when following it could leak the request's credentials. */
export function redirectTarget(location: string, from: URL, status: number): URL {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new ApiRedirectError('invalid-location', status, undefined, 'the Location header is not a URL');
  }
  const origin = target.origin === 'null' ? target.protocol : target.origin;
  if (origin !== from.origin) {
    throw new ApiRedirectError(
      'cross-origin',
      status,
      origin,
      `from ${from.origin} to ${origin}; credentials are never sent to another origin`,
    );
  }
  if (target.username !== '' || target.password !== '') {
    throw new ApiRedirectError('invalid-location', status, origin, 'the Location header carries a user name or password');
  }
  return target;
}

/** 303 (but HEAD), and 301/302 after a POST, continue as a GET without a body (Fetch §4.4); 307 and 308 keep everything. */
export function redirectedInit(init: HopInit, status: number): HopInit {
  const toGet = (status === 303 && init.method !== 'HEAD') || ((status === 301 || status === 302) && init.method === 'POST');
  if (!toGet) return init;
  const headers = new Headers(init.headers);
  for (const name of BODY_HEADERS) headers.delete(name);
  return { method: 'GET', headers, body: undefined };
}
