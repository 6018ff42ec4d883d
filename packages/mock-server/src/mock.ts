import type { AnyMockApi, MockApi, MockTrigger, WebhookDelivery } from './core/api.js';
import type { ChosenResponse } from './core/chosen.js';
import { createMockCore, type MockCore, type ServeOptions } from './core/core.js';
import type { Fault } from './core/faults.js';
import type { MockRecording } from './core/recording.js';
import type { RequestLog } from './core/request-log.js';
import { MOCK_APIS, type MockApiOperations } from './registry.js';

type Registered = (typeof MOCK_APIS)[number];
type OptionsOf<A> = A extends MockApi<string, string, infer Options, infer _Credentials, infer _State> ? Options : never;
type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
/** Every registered API's options in one object type (a mapped type, so an interface can extend it). */
type ApiOptions = { [K in keyof Intersection<OptionsOf<Registered>>]: Intersection<OptionsOf<Registered>>[K] };

// biome-ignore lint/suspicious/noExplicitAny: matched against any module's types.
type SeedOf<A> = A extends MockApi<string, string, any, any, any, infer Seed, any> ? Seed : never;
// biome-ignore lint/suspicious/noExplicitAny: matched against any module's types.
type TriggersOf<A> = A extends MockApi<string, string, any, any, any, any, infer Triggers> ? Triggers : never;
type Triggers = { [A in Registered as A['name']]: TriggersOf<A> };
/** The APIs that offer triggers. */
type TriggerApi = { [K in keyof Triggers]: keyof Triggers[K] extends never ? never : K }[keyof Triggers];
// biome-ignore lint/suspicious/noExplicitAny: matched against any trigger's types.
type TriggerInput<T> = T extends MockTrigger<any, infer Input, any> ? Input : never;
// biome-ignore lint/suspicious/noExplicitAny: matched against any trigger's types.
type TriggerOutput<T> = T extends MockTrigger<any, any, infer Output> ? Output : never;

/** The APIs this package mocks, by the name used in `baseUrls`, faults, request counts and file URLs. */
export type MockApiName = Registered['name'];

/** Each API with its operationIds, so that a fault or a chosen response names only what the mock serves. */
type Operation<Required extends boolean> = {
  [A in MockApiName]: { readonly api: A } & (Required extends true
    ? { readonly operationId: keyof MockApiOperations[A] & string }
    : { readonly operationId?: keyof MockApiOperations[A] & string });
}[MockApiName];

/** The fixed test credentials the mock accepts, by account: APIs of one vendor account share one entry. */
export type MockCredentials = { readonly [A in Registered as A['credentials']['key']]: A['credentials']['defaults'] };

/**
 * What each API starts with, by API name, for reproducible tests: catalogue items, uploads (as
 * placeholder images), operations and tasks in a given status, as each API's seed type says. Usually
 * read from a JSON file (`signet-mock --seed FILE`); each API's entry is checked against its spec at start.
 */
export type MockSeed = { readonly [A in Registered as [SeedOf<A>] extends [never] ? never : A['name']]?: SeedOf<A> };

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
  /** What each API starts with (see {@link MockSeed}). */
  readonly seed?: MockSeed;
  /**
   * Proxy mode: each API named in `upstream` (by {@link MockApiName}) is forwarded to that base URL
   * instead of being mocked, and every exchange is recorded with credentials and signatures
   * scrubbed, for `recording()` and later `replay`. `fetch` replaces the global fetch for it.
   */
  readonly record?: {
    readonly upstream: { readonly [A in MockApiName]?: string };
    readonly fetch?: (request: Request) => Promise<Response>;
  };
}

/** The state every mock instance exposes, and the tools to steer it in tests. */
export interface MockState {
  /** The credentials it accepts. */
  readonly credentials: MockCredentials;
  /** Each API's base URL, by {@link MockApiName}: pass it as a client's `baseUrl`. */
  readonly baseUrls: Readonly<Record<MockApiName, string>>;
  /** Every webhook sent so far (the newest `limits.webhooks`). */
  readonly webhooks: readonly WebhookDelivery[];
  /** How many requests each API has answered, faults included. */
  readonly requestCounts: Readonly<Record<MockApiName, number>>;
  /** Every request it received (the newest `limits.requests`), credentials redacted: list them, assert on them, clear them. */
  readonly requests: RequestLog;
  /** Makes the next matching requests fail, stall or wait, to exercise retries, timeouts and error handling; checked now. */
  injectFault(fault: Fault & (Operation<false> | { readonly api?: never; readonly operationId?: never })): void;
  /** Drops every fault still waiting (one with a `rate` waits until then). */
  clearFaults(): void;
  /** Answers the next requests to one operation with a chosen status, example or body, checked against the spec now. */
  chooseResponse(choice: ChosenResponse & Operation<true>): void;
  /**
   * Runs a trigger an API's module offers, now (such as sending a task's webhook, duplicated or out
   * of order if asked: see the README). The input is checked first.
   */
  trigger<A extends TriggerApi, N extends keyof Triggers[A] & string>(
    api: A,
    name: N,
    input: TriggerInput<Triggers[A][N]>,
  ): Promise<Awaited<TriggerOutput<Triggers[A][N]>>>;
  /** What proxy mode (`record`) has recorded so far: save it as JSON and pass it as `replay`. */
  recording(): MockRecording;
}

/** The mock's core for `options`, its file URLs under `origin`. */
export function createCore(options: MockOptions, origin: string | (() => string)): MockCore {
  return createMockCore({ apis: MOCK_APIS, origin, options, credentials: options.credentials ?? MOCK_CREDENTIALS });
}

/** The state a mock instance exposes, with each API's base URL from `baseUrlOf`. */
export function stateOf(core: MockCore, options: MockOptions, baseUrlOf: (api: MockCore['apis'][number]) => string): MockState {
  const { tools } = core;
  return {
    credentials: options.credentials ?? MOCK_CREDENTIALS,
    baseUrls: Object.fromEntries(core.apis.map((entry) => [entry.api.name, baseUrlOf(entry)])) as MockState['baseUrls'],
    webhooks: core.webhooks,
    requestCounts: core.requestCounts as MockState['requestCounts'],
    requests: tools.log,
    injectFault: (fault) => tools.injectFault(fault),
    clearFaults: () => tools.clearFaults(),
    chooseResponse: (choice) => tools.chooseResponse(choice),
    trigger: (api, name, input) => core.trigger(api, name, input) as never,
    recording: () => tools.recording(),
  };
}
