import type { AnyMockApi, MockApi, WebhookDelivery } from './core/api.js';
import { createMockCore, type MockCore, type ServeOptions } from './core/core.js';
import type { Fault } from './core/faults.js';
import { MOCK_APIS } from './registry.js';

type Registered = (typeof MOCK_APIS)[number];
type OptionsOf<A> = A extends MockApi<string, string, infer Options, infer _Credentials, infer _State> ? Options : never;
type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
/** Every registered API's options in one object type (a mapped type, so an interface can extend it). */
type ApiOptions = { [K in keyof Intersection<OptionsOf<Registered>>]: Intersection<OptionsOf<Registered>>[K] };

/** The APIs this package mocks, by the name used in `baseUrls`, faults, request counts and file URLs. */
export type MockApiName = Registered['name'];

/** The fixed test credentials the mock accepts, by account: APIs of one vendor account share one entry. */
export type MockCredentials = { readonly [A in Registered as A['credentials']['key']]: A['credentials']['defaults'] };

/** Test credentials: public, fixed, and accepted only by the mock. */
export const MOCK_CREDENTIALS: MockCredentials = Object.freeze(
  Object.fromEntries(MOCK_APIS.map((api: AnyMockApi) => [api.credentials.key, api.credentials.defaults])),
) as MockCredentials;

/**
 * What every way of running the mock (node:http, in-process fetch, MSW) accepts: how it serves, and
 * each API's own options (simulated timings and outcomes, how it checks signatures).
 */
export interface MockOptions extends ServeOptions, ApiOptions {
  /** The credentials the mock accepts instead of {@link MOCK_CREDENTIALS}. */
  readonly credentials?: MockCredentials;
}

/** The state every mock instance exposes. */
export interface MockState {
  /** The credentials it accepts. */
  readonly credentials: MockCredentials;
  /** Each API's base URL, by {@link MockApiName}: pass it as a client's `baseUrl`. */
  readonly baseUrls: Readonly<Record<MockApiName, string>>;
  /** Every webhook sent so far (the newest `limits.webhooks`). */
  readonly webhooks: readonly WebhookDelivery[];
  /** How many requests each API has answered, faults included. */
  readonly requestCounts: Readonly<Record<MockApiName, number>>;
  /** Answers the next matching requests with a canned response, to exercise retries and error handling. */
  injectFault(fault: Fault): void;
}

/** The mock's core for `options`, its file URLs under `origin`. */
export function createCore(options: MockOptions, origin: string | (() => string)): MockCore {
  return createMockCore({ apis: MOCK_APIS, origin, options, credentials: options.credentials ?? MOCK_CREDENTIALS });
}

/** The state a mock instance exposes, with each API's base URL from `baseUrlOf`. */
export function stateOf(core: MockCore, options: MockOptions, baseUrlOf: (api: MockCore['apis'][number]) => string): MockState {
  return {
    credentials: options.credentials ?? MOCK_CREDENTIALS,
    baseUrls: Object.fromEntries(core.apis.map((entry) => [entry.api.name, baseUrlOf(entry)])) as MockState['baseUrls'],
    webhooks: core.webhooks,
    requestCounts: core.requestCounts as MockState['requestCounts'],
    injectFault: (fault) => core.injectFault(fault),
  };
}
