import { type HttpHandler, http } from 'msw';
import { MOCK_ORIGIN } from './fetch.js';
import { createCore, type MockOptions, type MockState, stateOf } from './mock.js';
import { type MockOverrides, overridesOf } from './msw-overrides.js';

/** Options of `createMswHandlers`: the mock's own options, and which origin the handlers intercept. */
export interface MswHandlersOptions extends MockOptions {
  /**
   * Serve every API under this origin (as the node server does). By default each API is intercepted
   * at its vendor's own base URL (the spec's server), so clients need no `baseUrl` at all.
   */
  readonly origin?: string;
}

/** The mock as MSW request handlers (`setupServer(...mock.handlers)`), with its state and fault injection; `baseUrls` says where each API is intercepted. */
export interface MockMsw extends MockState {
  /** Pass to `setupServer(...handlers)` (msw/node) or `setupWorker(...handlers)` (msw/browser). */
  readonly handlers: HttpHandler[];
  /**
   * A handler for one operation, typed from its spec, for `server.use(...)`:
   * `override[api][operationId](({ body, params }) => ({ status: 200, body: { … } }))`. The mock still
   * checks authentication and the body first; the resolver gets the body and path parameters typed,
   * and answers a documented status with its typed body, or undefined to let the mock answer.
   */
  readonly override: MockOverrides;
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
  const state = stateOf(core, options, ({ api, prefix }) =>
    origin === undefined ? (api.spec.servers?.[0]?.url ?? `${MOCK_ORIGIN}${prefix}`) : `${origin}${prefix}`,
  );
  const resolve = ({ request }: { request: Request }) => core.handle(request);
  return {
    ...state,
    handlers: [
      ...Object.values<string>(state.baseUrls).map((base) => http.all(`${base.replace(/\/+$/, '')}/*`, resolve)),
      http.all(`${filesOrigin}/files/*`, resolve),
    ],
    override: overridesOf(core, state.baseUrls),
    close: () => core.close(),
  };
}
