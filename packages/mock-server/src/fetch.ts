import type { MockCore } from './core/core.js';
import { createCore, type MockOptions, type MockState, stateOf } from './mock.js';

/** The origin the in-process mock answers for by default: `.invalid` never resolves, so nothing leaks to a network. */
export const MOCK_ORIGIN = 'http://mock.signet.invalid';

/** Options of `createMockFetch`: the mock's own options, and the origin its base URLs use. */
export interface MockFetchOptions extends MockOptions {
  /** The origin of the base and file URLs it hands out. Default `http://mock.signet.invalid`. */
  readonly origin?: string;
}

/** The mock in process: pass `fetch` to a client; no port is opened. */
export interface MockFetch extends MockState {
  /**
   * Pass as a client's `fetch`: every request is answered in process, no port involved. It routes on
   * the path alone, so a client on the vendor's default base URL reaches the mock too.
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The origin of its base and file URLs. */
  readonly url: string;
  /** Cancels pending work (webhook timers). */
  close(): void;
}

/**
 * The mock as an in-process fetch. Webhooks addressed to its own origin are answered in process;
 * others go to `webhookFetch` when given, else to the global fetch (loopback only unless
 * `allowRemoteWebhooks`).
 */
export function createMockFetch(options: MockFetchOptions = {}): MockFetch {
  const origin = (options.origin ?? MOCK_ORIGIN).replace(/\/+$/, '');
  const core = createCore(options, origin);
  return {
    ...stateOf(core, options, ({ prefix }) => `${origin}${prefix}`),
    fetch: (input, init) => fetchFrom(core, new Request(input, init)),
    url: origin,
    close: () => core.close(),
  };
}

/**
 * The core's answer as a fetch gives it: a network error (a fault's reset) rejects with a
 * TypeError, and the request's signal aborts the wait (a fault's delay or stall), as with a real fetch.
 */
async function fetchFrom(core: MockCore, request: Request): Promise<Response> {
  const { signal } = request;
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const response = await Promise.race([core.handle(request), aborted]);
    if (response.type === 'error') throw new TypeError('fetch failed', { cause: new Error('the mock reset the connection (a fault)') });
    return response;
  } finally {
    signal.removeEventListener('abort', onAbort as () => void);
  }
}
