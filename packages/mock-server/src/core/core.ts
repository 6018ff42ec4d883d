import { numberOption } from '@signet/client-core';
import { InvalidRequestError } from '@signet/client-core/errors';
import { ADMIN_PREFIX, createAdmin } from './admin.js';
import type { AnyMockApi, IncomingMockRequest, MockApiContext, MockFile, MockResponse, MockStoreLimits, WebhookDelivery } from './api.js';
import { fromRequest } from './body.js';
import type { Fault } from './faults.js';
import { serverPath } from './openapi.js';
import { createResponder, type Responder } from './pipeline.js';
import type { MockRecording } from './recording.js';
import { compileRoutes } from './router.js';
import { createRoute, type Registered } from './routing.js';
import { BoundedMap, ByteBudget, memoryOf } from './store.js';
import { Toolkit } from './toolkit.js';
import { runTrigger } from './triggers.js';
import { Timers, webhookSender } from './webhooks.js';
import { toResponse } from './wire.js';

/** What every way of running the mock accepts besides the APIs' own options. */
export interface ServeOptions {
  /** Clock for signature windows, token expiry and job progress. */
  readonly now?: () => number;
  /** Canned answers for the first matching requests (more with `injectFault`). */
  readonly faults?: readonly Fault[];
  /**
   * Largest request body read; a larger one is answered 413 without reading the rest. Default 10 MiB.
   * Every numeric option (this, `limits`, the APIs' timings) must be a whole number in range:
   * anything else (NaN, Infinity, a string) is refused with InvalidRequestError when the mock starts.
   */
  readonly maxBodyBytes?: number;
  /** Caps for the stores (uploads, operations, tasks, webhooks); the oldest entries go first. */
  readonly limits?: MockStoreLimits;
  /** Webhooks go to loopback URLs only unless this is set (or `webhookFetch` is given). */
  readonly allowRemoteWebhooks?: boolean;
  /**
   * Delivers webhooks instead of the global fetch; every webhook URL is then handed to it. Its
   * requests say `redirect: 'manual'`: the mock follows no redirect, and records a 3xx as the answer.
   */
  readonly webhookFetch?: (request: Request) => Promise<Response>;
  /**
   * Proxy mode: each API named in `upstream` is forwarded to that base URL (the real API) instead of
   * being mocked, and every exchange is recorded with credentials and signatures scrubbed
   * (`recording()`). `fetch` replaces the global fetch for it.
   */
  readonly record?: {
    readonly upstream: Readonly<Record<string, string>>;
    readonly fetch?: (request: Request) => Promise<Response>;
  };
  /** Answers the APIs this recording holds from it alone (by method, path, query and body), with no network. */
  readonly replay?: MockRecording;
  /** What each API starts with (catalogue items, uploads, operations, tasks), by API name: see each API's seed. */
  readonly seed?: Readonly<Record<string, unknown>>;
}

/** Options of the vendor-neutral core: the modules it serves, and what it gives them. */
export interface MockCoreOptions {
  /** The registry: one module per API. */
  readonly apis: readonly AnyMockApi[];
  /** The origin of the file URLs the mock hands out (read when a URL is made). */
  readonly origin: string | (() => string);
  /** The options the mock was started with: the core reads its own, and each module its own. */
  readonly options?: ServeOptions;
  /** Credentials by each module's credentials key; a module whose key is missing checks its defaults. */
  readonly credentials?: Readonly<Record<string, unknown>>;
}

/** The mock as a fetch handler: every adapter (node:http, in-process fetch, MSW) wraps one of these. */
export interface MockCore {
  /** The APIs served, each with the path it is served under. */
  readonly apis: readonly Pick<Registered, 'api' | 'prefix'>[];
  /** How many requests each API has answered (preflights aside), faults included. */
  readonly requestCounts: Readonly<Record<string, number>>;
  /** Every webhook sent (the newest `limits.webhooks`). */
  readonly webhooks: readonly WebhookDelivery[];
  /** The request log, faults, chosen responses and the recording. */
  readonly tools: Toolkit;
  handle(request: Request): Promise<Response>;
  /** The same pipeline for adapters that do not start from a `Request`. */
  dispatch(request: IncomingMockRequest): Promise<MockResponse>;
  injectFault(fault: Fault): void;
  /** Runs an API's trigger (such as sending a webhook) on this instance; its input is checked first. */
  trigger(api: string, name: string, input: unknown): Promise<unknown>;
  close(): void;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_LIMITS: Required<MockStoreLimits> = {
  bytes: 128 * 1024 * 1024,
  records: 10_000,
  files: 1_000,
  fileBytes: 256 * 1024 * 1024,
  webhooks: 1_000,
  requests: 100,
};

const responders = new WeakMap<MockCore, Responder>();

/** Makes the stores of one module instance, all within the one budget. */
function storeFactory(limits: Required<MockStoreLimits>, budget: ByteBudget, now: () => number): MockApiContext['store'] {
  const byteSize = (file: MockFile) => file.bytes.byteLength;
  return <V>(kind: 'files' | 'records', onEvict?: (key: string, value: V) => void) =>
    kind === 'files'
      ? new BoundedMap<string, V>({
          maxEntries: limits.files,
          maxWeight: limits.fileBytes,
          weigh: byteSize as unknown as (value: V) => number,
          now,
          budget,
          ...(onEvict && { onEvict }),
        })
      : new BoundedMap<string, V>({ maxEntries: limits.records, weigh: memoryOf, now, budget, ...(onEvict && { onEvict }) });
}

/** The store caps, each given one checked (a whole number of at least 1, or 0 for the request log), the others the defaults. */
function checkedLimits(given: MockStoreLimits = {}): Required<MockStoreLimits> {
  const limits = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(limits) as (keyof MockStoreLimits)[]) {
    // A request log of 0 keeps none; every store holds at least one entry.
    limits[name] = numberOption(`limits.${name}`, given[name], DEFAULT_LIMITS[name], { min: name === 'requests' ? 0 : 1 });
  }
  return limits;
}

/**
 * Builds the mock from a registry of API modules: each module gets its instance state, and its
 * spec's routes are compiled once; requests then go through the pipeline (see `createResponder`).
 * Nothing here names a vendor: all of that is in the modules.
 */
export function createMockCore({ apis, origin: originOption, options = {}, credentials = {} }: MockCoreOptions): MockCore {
  const now = options.now ?? Date.now;
  const limits = checkedLimits(options.limits);
  const maxBodyBytes = numberOption('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, { min: 1 });
  const origin = typeof originOption === 'function' ? originOption : () => originOption;
  const timers = new Timers();
  const budget = new ByteBudget(limits.bytes);
  const credentialsOf = (api: AnyMockApi): unknown =>
    Object.hasOwn(credentials, api.credentials.key) ? credentials[api.credentials.key] : api.credentials.defaults;
  const webhooks: WebhookDelivery[] = [];
  const requestCounts: Record<string, number> = {};
  const sendWebhook = webhookSender(
    {
      origin,
      handleOwn: (request) => core.handle(request),
      webhookFetch: options.webhookFetch,
      allowRemote: options.allowRemoteWebhooks === true,
      remember: limits.webhooks,
      budget,
    },
    webhooks,
  );

  const registered: Registered[] = apis
    .map((api) => {
      const files = `/files/${encodeURIComponent(api.name)}/`;
      const context: MockApiContext = {
        now,
        limits,
        fileUrl: (file) => `${origin()}${files}${encodeURIComponent(file)}`,
        later: (ms, task) => timers.later(ms, task),
        sendWebhook: (url, payload) => sendWebhook(api.name, url, payload),
        store: storeFactory(limits, budget, now),
      };
      const state: unknown = api.start({
        options,
        credentials: credentialsOf(api),
        context,
      });
      requestCounts[api.name] = 0;
      const prefix = serverPath(api.spec);
      if (`${prefix}/`.startsWith(ADMIN_PREFIX)) throw new Error(`${api.name} is served under ${prefix}, where the admin endpoint is`);
      return { api, state, prefix, below: `${prefix}/`, router: compileRoutes(api) };
    })
    // The longest prefix first, so an API under another's path still gets its requests.
    .sort((a, b) => b.prefix.length - a.prefix.length);
  seedAll(registered, options.seed);

  const tools = new Toolkit({
    registered,
    now,
    maxRequests: limits.requests,
    maxRecorded: limits.records,
    credentials: apis.map(credentialsOf),
    faults: options.faults,
    upstream: options.record && { baseUrls: options.record.upstream, fetch: options.record.fetch },
    replay: options.replay,
  });
  const admin = createAdmin(tools, registered);
  const respond = createResponder(createRoute({ registered, hooks: tools, requestCounts, maxBodyBytes, admin }), maxBodyBytes);
  /** `respond` as a promise, for the public `dispatch` and `handle`. */
  const answer = (request: IncomingMockRequest): Promise<MockResponse> =>
    new Promise((resolve) => {
      const response = respond(request, resolve);
      if (response !== undefined) resolve(response);
    });

  let closed = false;
  const core: MockCore = {
    apis: registered,
    requestCounts,
    webhooks,
    tools,
    dispatch: answer,
    async handle(request) {
      return toResponse(await answer(fromRequest(request)), request.method);
    },
    injectFault: (fault) => tools.injectFault(fault),
    trigger(apiName, name, input) {
      const entry = registered.find(({ api }) => api.name === apiName);
      if (entry === undefined) return Promise.reject(new InvalidRequestError('api', `no API named ${JSON.stringify(apiName)}`));
      return runTrigger(entry.api, entry.state, name, input);
    },
    close() {
      if (closed) return;
      closed = true;
      timers.close();
      for (const { api, state } of registered) api.stop?.(state);
    },
  };
  responders.set(core, respond);
  return core;
}

/** Hands each API its entry of `seed`; an entry for an API that is not served, or cannot be seeded, is refused. */
function seedAll(registered: readonly Registered[], seed: Readonly<Record<string, unknown>> | undefined): void {
  if (seed === undefined) return;
  if (seed === null || typeof seed !== 'object') throw new InvalidRequestError('seed', 'must be an object keyed by API name');
  for (const [name, input] of Object.entries(seed)) {
    const entry = registered.find(({ api }) => api.name === name);
    if (entry === undefined) throw new InvalidRequestError(`seed.${name}`, `no API named ${JSON.stringify(name)}`);
    if (entry.api.seed === undefined) throw new InvalidRequestError(`seed.${name}`, `${name} takes no seed`);
    if (input !== undefined) entry.api.seed(input, entry.state);
  }
}

/** The core's {@link Responder}, which answers at once when it can. */
export function responderOf(core: MockCore): Responder {
  return (
    responders.get(core) ??
    ((request, done) => {
      core.dispatch(request).then(done);
      return undefined;
    })
  );
}
