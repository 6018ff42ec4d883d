import type { OpenApiDocument } from './openapi.js';
import type { StringLength, ValidationProblem } from './validate.js';

/** Request headers, read case-insensitively (a `Headers`, or Node's incoming headers behind the same face). */
export interface MockHeaders {
  get(name: string): string | null;
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

/** Services the core gives each module. */
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
}

/** Caps on what the mock keeps in memory, so long runs stay bounded; the oldest entries go first. */
export interface MockStoreLimits {
  /** Most records (operations, tasks, generated images) each store keeps; the oldest go first. Default 10,000. */
  readonly records?: number;
  /** Most stored uploads per API. Default 1,000. */
  readonly files?: number;
  /** Most bytes of stored uploads per API. Default 256 MiB. */
  readonly fileBytes?: number;
  /** Most webhook deliveries remembered. Default 1,000. */
  readonly webhooks?: number;
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

/** One operation's handler in a mock module, typed from the generated `operations` entry `Op`. */
export type Handler<Op> = (input: HandlerInput<Op>) => MockResponse | Promise<MockResponse>;

/**
 * One handler per served operation of the generated `operations` type: a missing one is a compile
 * error. `Served` leaves out what the API does not serve, such as the spec's outgoing `webhooks`.
 */
export type Handlers<Operations, Served extends keyof Operations = keyof Operations> = {
  readonly [K in Served]-?: Handler<Operations[K]>;
};

/** What an authenticator is told about the request. */
export interface AuthInput {
  readonly request: MockRequest;
  readonly operationId: string;
  /** The operation's security alternatives: each a set of scheme names that must all be met. */
  readonly security: readonly (readonly string[])[];
}

/**
 * One API's mock: everything vendor-specific lives here, so the core names no vendor.
 * `Operations` is the generated `operations` type of the API's client.
 */
export interface MockApi<Operations = Record<string, unknown>, Served extends keyof Operations = keyof Operations> {
  /** Key for faults, request counts, base URLs and `/files/{name}/…`. */
  readonly name: string;
  /** The path the API is served under, e.g. `/digital-try-on/v1` (its spec's server path). */
  readonly prefix: string;
  readonly spec: OpenApiDocument;
  /** How the vendor counts string lengths for `maxLength`. Default `code-points`. */
  readonly stringLength?: StringLength;
  readonly handlers: Handlers<Operations, Served>;
  /** Undefined when the request may proceed; otherwise the refusal, in the vendor's shape. */
  authenticate(input: AuthInput): MockResponse | undefined | Promise<MockResponse | undefined>;
  /** An error in the vendor's shape (404, 405, 413, 415, …). */
  error(status: number, message: string): MockResponse;
  /** A body that does not match the spec, in the vendor's shape and status (FastAPI 422, Spring 400, …). */
  invalid(problems: readonly ValidationProblem[]): MockResponse;
  /** The module's file store: the bytes behind every file URL it hands out. */
  file(name: string): MockFile | undefined;
  /** Stops timers and frees stores. */
  close?(): void;
}

/** Builds a module for one mock instance (each instance has its own stores). */
export type MockApiFactory = (context: MockApiContext) => MockApi;

/** Checks a module's handler table against its generated operations, then erases the type for the registry. */
export function defineMockApi<Operations, Served extends keyof Operations = keyof Operations>(api: MockApi<Operations, Served>): MockApi {
  return api as unknown as MockApi;
}
