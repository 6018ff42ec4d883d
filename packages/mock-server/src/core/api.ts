import type { OpenApiDocument } from './openapi.js';
import type { BoundedMap } from './store.js';
import type { StringLength, ValidationProblem } from './validate.js';

/** Request headers, read case-insensitively (a `Headers`, or Node's incoming headers behind the same face). */
export interface MockHeaders {
  get(name: string): string | null;
  /** Each header, as `Headers.forEach` gives them (for the request log, which reads them all). */
  forEach(callback: (value: string, name: string) => void): void;
}

/** What a module sees of a request once the core has routed it and read its body. */
export interface MockRequest {
  readonly method: string;
  readonly url: URL;
  /** The path below the API's prefix, e.g. `/uploaded_images/abc`. */
  readonly path: string;
  readonly headers: MockHeaders;
  /** The raw body, at most the configured body limit; empty when there was none. */
  readonly body: Uint8Array;
}

/** What a mock handler answers: status, headers, and a JSON value or raw bytes. */
export interface MockResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-serialised unless it is a `Uint8Array`; omitted for 204 and 304. */
  readonly body?: unknown;
}

/** A file the mock serves under `/files/{api}/{name}`. */
export interface MockFile {
  readonly bytes: Uint8Array;
  readonly type: string;
}

/** One webhook the mock sent: where, what, and how the receiver answered. */
export interface WebhookDelivery {
  /** The API that sent it. */
  readonly api?: string;
  readonly url: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** `not-sent`: refused by the delivery policy (off this machine) or not a URL that can be called. */
  readonly status: number | 'not-sent' | 'unreachable';
}

/** Caps on what the mock keeps in memory, so long runs stay bounded; the oldest entries go first. */
export interface MockStoreLimits {
  /**
   * Most bytes the mock keeps in all its stores together: uploaded and generated files by their
   * size, records (SKU items, operations, tasks) and remembered webhooks by an estimate of the
   * memory they take. Past it the oldest entries, whichever store holds them, go first. Default 128 MiB.
   */
  readonly bytes?: number;
  /** Most records (operations, tasks, SKU items) each store keeps; the oldest go first. Default 10,000. */
  readonly records?: number;
  /** Most files (uploads, generated images) each store keeps. Default 1,000. */
  readonly files?: number;
  /** Most bytes of files each store keeps, within `bytes`. Default 256 MiB (so `bytes` decides unless raised). */
  readonly fileBytes?: number;
  /** Most webhook deliveries remembered. Default 1,000. */
  readonly webhooks?: number;
  /**
   * Most requests the request log keeps (their bodies 16 MiB at most in all). Default 100: kept longer, under
   * load they outlive the young generation and the garbage collector's work grows with them. 0 keeps none.
   */
  readonly requests?: number;
}

/** Services the core gives each module instance. */
export interface MockApiContext {
  /** The clock for signature windows, token expiry and job progress. */
  readonly now: () => number;
  /** The absolute URL under which the core serves this module's file `name`. */
  fileUrl(name: string): string;
  /** Runs `task` after `ms` unless the mock is closed first; errors are contained. Returns a cancel function. */
  later(ms: number, task: () => void | Promise<void>): () => void;
  /** POSTs `payload` as JSON to `url` if the delivery policy allows, and records the delivery. Never rejects. */
  sendWebhook(url: string, payload: Readonly<Record<string, unknown>>): Promise<WebhookDelivery>;
  /** Caps for the module's stores. */
  readonly limits: Required<MockStoreLimits>;
  /**
   * A new store for the instance, within the mock's caps and its shared byte budget: `files`
   * (uploads, generated images: capped by `limits.files` and `limits.fileBytes`, weighed by their
   * bytes) or `records` (capped by `limits.records`, weighed by the memory they take). A module
   * that changes a stored record in place calls `resize(key)` so that it is weighed again.
   */
  store<V extends MockFile>(kind: 'files', onEvict?: (key: string, value: V) => void): BoundedMap<string, V>;
  store<V>(kind: 'records', onEvict?: (key: string, value: V) => void): BoundedMap<string, V>;
}

// ---- Handler typing, from openapi-typescript's generated `operations` ----

type Content<Op> = Op extends { requestBody?: { content: infer C } } ? C : never;

/** A multipart body as the core parses it: file parts are `File`s, other parts strings. */
export type FormFields<T> = { readonly [K in keyof T]?: string | File };

type ParsedBody<C> = { [M in keyof C]: M extends `multipart/${string}` ? FormFields<C[M]> : C[M] }[keyof C];

/** The request body of an operation, typed from the generated types; `undefined` when it has none. */
export type RequestBody<Op> = Op extends { requestBody?: never }
  ? undefined
  : Op extends { requestBody: { content: unknown } }
    ? ParsedBody<Content<Op>>
    : ParsedBody<Content<Op>> | undefined;

/** The operation's path parameters, decoded. */
export type PathParams<Op> = Op extends { parameters: { path: infer P } } ? Readonly<P> : Readonly<Record<string, never>>;

type Responses<Op> = Op extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : R extends { content?: never } ? undefined : unknown;

/** The JSON body the spec documents for `status`. */
export type ResponseBody<Op, S extends keyof Responses<Op>> = JsonOf<Responses<Op>[S]>;

/** What a handler gets: the routed request, its path parameters, its parsed body typed from the spec, and `reply`. */
export interface HandlerInput<Op> {
  readonly request: MockRequest;
  readonly params: PathParams<Op>;
  readonly body: RequestBody<Op>;
  /** A response the spec documents, its body typed from the generated types. */
  reply<S extends keyof Responses<Op> & number>(
    status: S,
    body: ResponseBody<Op, S>,
    headers?: Readonly<Record<string, string>>,
  ): MockResponse;
}

/** One operation's handler, typed from the generated `operations` entry `Op`, over the module instance's `State`. */
export type Handler<Op, State> = (input: HandlerInput<Op>, state: State) => MockResponse | Promise<MockResponse>;

/**
 * One handler per served operation of the generated `operations` type: a missing one is a compile
 * error. `Served` leaves out what the API does not serve, such as the spec's outgoing `webhooks`.
 */
export type Handlers<Operations, State, Served extends keyof Operations = keyof Operations> = {
  readonly [K in Served]-?: Handler<Operations[K], State>;
};

/** A handler table with its operation types erased, as the core looks handlers up by operationId. */
// biome-ignore lint/suspicious/noExplicitAny: each handler's input is checked against its own operation in the module.
export type HandlerTable<State> = Readonly<Record<string, (input: any, state: State) => MockResponse | Promise<MockResponse>>>;

/** What an authenticator is told about the request. */
export interface AuthInput {
  readonly request: MockRequest;
  readonly operationId: string;
  /** The operation's security alternatives: each a set of scheme names that must all be met. */
  readonly security: readonly (readonly string[])[];
}

/** What a module instance starts from: the mock's options (it reads its own), its credentials, and the core's services. */
export interface MockApiSetup<Options, Credentials> {
  readonly options: Options;
  readonly credentials: Credentials;
  readonly context: MockApiContext;
}

/** A command-line flag an API adds to `signet-mock`, turned into that API's options. */
export interface MockFlag<Options> {
  /** Without the dashes, e.g. `example-mode`. */
  readonly name: string;
  /** The placeholder for its value in the help, e.g. `M`. */
  readonly value: string;
  /** Its lines in `--help`. */
  readonly help: readonly string[];
  /** The options the value gives; throws (or rejects with) an `Error` whose message says what is wrong with it. */
  parse(value: string): Options | Promise<Options>;
}

/** An input of a trigger: a field of its input object, and an option of `signet-mock <name> send`. */
export interface TriggerField {
  readonly type: 'string' | 'integer' | 'boolean';
  /** Its line in `--help`. */
  readonly help: string;
  readonly required?: boolean;
}

/**
 * Something a module does on demand, such as sending a webhook: from code (`trigger`), the admin
 * endpoint and the CLI (`signet-mock <name> send`). Its input is checked against `fields` first.
 */
export interface MockTrigger<State, Input = never, Output = unknown> {
  /** One line for `--help`. */
  readonly help: string;
  readonly fields: { readonly [K in keyof Input]-?: TriggerField };
  run(input: Input, state: State): Output | Promise<Output>;
}

/** A module's triggers, by name. */
// biome-ignore lint/suspicious/noExplicitAny: each trigger's input is checked against its own fields.
export type TriggerTable<State> = Readonly<Record<string, MockTrigger<State, any, unknown>>>;

/**
 * One API's mock: everything vendor-specific lives here, so the core and the serving files name no
 * vendor. A module is static (a table of functions); what one mock instance keeps is its `State`,
 * made by `start` and handed to every function that needs it.
 */
export interface MockApi<
  Name extends string = string,
  Key extends string = string,
  Options = unknown,
  Credentials = unknown,
  State = unknown,
  Seed = never,
  Triggers extends TriggerTable<State> = Record<never, never>,
> {
  /** Key for faults, request counts, base URLs and `/files/{name}/…`. */
  readonly name: Name;
  /** How the CLI names it, e.g. `Example API`. */
  readonly title: string;
  /** Its spec; the API is served under the path of the spec's first server URL. */
  readonly spec: OpenApiDocument;
  /** How the vendor counts string lengths for `maxLength`. Default `code-points`. */
  readonly stringLength?: StringLength;
  /** Which entry of the mock's `credentials` it checks (APIs of one account share one), and its test credentials. */
  readonly credentials: { readonly key: Key; readonly defaults: Credentials };
  /** Its `signet-mock` flags. */
  readonly flags?: readonly MockFlag<Partial<Options>>[];
  /** The lines the CLI prints under its base URL: the credentials to use, and any option that changes what it accepts. */
  banner?(credentials: Credentials, options: Options): readonly string[];
  /** A new instance's state; throws when an option is unusable, so the mock refuses to start. */
  start(setup: MockApiSetup<Options, Credentials>): State;
  readonly handlers: HandlerTable<State>;
  /** Undefined when the request may proceed; otherwise the refusal, in the vendor's shape. */
  authenticate(input: AuthInput, state: State): MockResponse | undefined | Promise<MockResponse | undefined>;
  /** An error in the vendor's shape (404, 405, 413, 415, …). */
  error(status: number, message: string): MockResponse;
  /** A body that does not match the spec, in the vendor's shape and status (FastAPI 422, Spring 400, …). */
  invalid(problems: readonly ValidationProblem[]): MockResponse;
  /** The instance's file store: the bytes behind every file URL it hands out. */
  file(name: string, state: State): MockFile | undefined;
  /** Stops timers and frees stores. */
  stop?(state: State): void;
  /** What it can do on demand, by name (such as sending a webhook). */
  readonly triggers?: Triggers;
  /**
   * Fills a new instance's state from its entry in the mock's `seed` (catalogue items, operations
   * in a given state, …); throws an `InvalidRequestError` naming what is wrong, so the mock refuses to start.
   */
  seed?(input: Seed, state: State): void;
}

/** Any module, its types erased: what the core and the serving files handle. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds modules of different option and state types.
export type AnyMockApi = MockApi<string, string, any, any, any, any, any>;

/** Declares a module, keeping its name, credentials key, option, seed and trigger types for the registry's derived types. */
export function defineMockApi<
  const Name extends string,
  const Key extends string,
  Options,
  Credentials,
  State,
  Seed = never,
  Triggers extends TriggerTable<State> = Record<never, never>,
>(api: MockApi<Name, Key, Options, Credentials, State, Seed, Triggers>): MockApi<Name, Key, Options, Credentials, State, Seed, Triggers> {
  return api;
}

/** A request as an adapter (node:http, fetch) hands it to the core. */
export interface IncomingMockRequest {
  readonly method: string;
  readonly url: URL;
  /**
   * `url.pathname`, when the adapter has it without parsing the URL; the core then reads `url` only
   * when a handler does (it may be a getter that parses on first use).
   */
  readonly path?: string | undefined;
  readonly headers: MockHeaders;
  /**
   * Reads the whole body and hands it to `done`, or stops once it exceeds `limit` bytes and hands over
   * undefined, leaving the rest unread; `failed` gets the reason when the body never ends (the client
   * went away). Calls `done` before returning when the body is already known (none declared), else
   * from inside the event that ended the body: the core then answers in that same tick when nothing
   * else is pending. A promise would put the answer at least one turn of the microtask queue later,
   * which on node:http costs a small signed request a measurable share of its CPU time.
   */
  readBody(limit: number, done: (body: Uint8Array | undefined) => void, failed: (reason: unknown) => void): void;
  /** The URL as received, as text, when the adapter has it so (the request log keeps it instead of `url`). */
  readonly href?: string;
  /** The client's address, when it came over a network; undefined in process. */
  readonly peer?: string | undefined;
  /** An answer for one operation instead of its handler's, for this request (a typed MSW override). */
  readonly override?: OperationOverride;
}

/** An answer for one operation instead of its handler's: undefined lets the handler answer. */
export interface OperationOverride {
  readonly operationId: string;
  respond(input: {
    readonly request: MockRequest;
    readonly params: Readonly<Record<string, string>>;
    readonly body: unknown;
  }): MockResponse | undefined | Promise<MockResponse | undefined>;
}
