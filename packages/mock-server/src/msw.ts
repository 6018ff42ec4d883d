import { type HttpHandler, http } from 'msw';
import { MOCK_ORIGIN } from './fetch.js';
import { createCore, MOCK_CREDENTIALS, type MockApiName, type MockOptions, type MockState } from './mock.js';

/** Options of `createMswHandlers`: the mock's own options, and which origin the handlers intercept. */
export interface MswHandlersOptions extends MockOptions {
  /**
   * Serve every API under this origin (as the node server does). By default each API is intercepted
   * at its vendor's own base URL (the spec's server), so clients need no `baseUrl` at all.
   */
  readonly origin?: string;
}

/** The mock as MSW request handlers (`setupServer(...mock.handlers)`), with its state and fault injection. */
export interface MockMsw extends MockState {
  /** Pass to `setupServer(...handlers)` (msw/node) or `setupWorker(...handlers)` (msw/browser). */
  readonly handlers: HttpHandler[];
  /** Where each API is intercepted. */
  readonly baseUrls: Readonly<Record<MockApiName, string>> & Readonly<Record<string, string>>;
  /** Cancels pending work (webhook timers). */
  close(): void;
}

/**
 * The mock as MSW request handlers. Webhooks are sent with the global fetch at delivery time, so
 * MSW sees them: add a handler for your `webhook_url` (and `allowRemoteWebhooks` for a non-loopback one).
 */
export function createMswHandlers(options: MswHandlersOptions = {}): MockMsw {
  const origin = options.origin?.replace(/\/+$/, '');
  const filesOrigin = origin ?? MOCK_ORIGIN;
  const core = createCore(options, filesOrigin);
  const baseUrls = Object.fromEntries(
    core.apis.map((api) => [
      api.name,
      origin === undefined ? (api.spec.servers?.[0]?.url ?? `${MOCK_ORIGIN}${api.prefix}`) : `${origin}${api.prefix}`,
    ]),
  ) as MockMsw['baseUrls'];
  const resolve = ({ request }: { request: Request }) => core.handle(request);
  return {
    handlers: [
      ...Object.values(baseUrls).map((base) => http.all(`${base.replace(/\/+$/, '')}/*`, resolve)),
      http.all(`${filesOrigin}/files/*`, resolve),
    ],
    baseUrls,
    credentials: options.credentials ?? MOCK_CREDENTIALS,
    webhooks: core.webhooks,
    requestCounts: core.requestCounts as MockState['requestCounts'],
    injectFault: (fault) => core.injectFault(fault),
    close: () => core.close(),
  };
}
