// What the repository's service runs (scripts/schemathesis.mjs, scripts/load.mjs) need to know of
// an API, beyond its spec: each module keeps its part in `src/apis/<name>/service-runs.test-support.ts`
// (exporting `runs`), so the scripts name no API. Not built, not published.
import type { OpenApiDocument } from './core/openapi.js';

/** One request of the load run's mix, in autocannon's shape; `context` is this API's own, per connection. */
export interface LoadRequest {
  readonly method: string;
  /** The absolute path on the server, or set by `setupRequest`. */
  readonly path?: string | undefined;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text is sent as UTF-8; bytes as they are (a multipart body with an image in it). */
  readonly body?: string | Uint8Array;
  setupRequest?(request: LoadRequest, context: Record<string, string>): LoadRequest;
  onResponse?(status: number, body: string, context: Record<string, string>): void;
}

/** What an API's parts of the runs are given: the running mock's origin, the API's base URL and credentials. */
export interface RunSetup<Credentials> {
  readonly origin: string;
  readonly baseUrl: string;
  readonly credentials: Credentials;
  readonly spec: OpenApiDocument;
}

export interface ServiceRuns<Credentials> {
  readonly schemathesis?: {
    /** Options the mock runs with for this API: timings of zero, so results are at hand, and what the run's auth needs. */
    readonly options?: object;
    /** Extra `schemathesis run` arguments, such as a header with the credentials. */
    args?(credentials: Credentials): readonly string[];
    /** Extra environment, such as an auth hook (`SCHEMATHESIS_HOOKS`) and the folder it is in (`PYTHONPATH`). */
    env?(credentials: Credentials): Readonly<Record<string, string>>;
    /**
     * The config for the API's operations: the identifiers schemathesis cannot invent (made here,
     * through the running mock), and the documented refusals of valid data.
     */
    config?(setup: RunSetup<Credentials>): Promise<string>;
  };
  readonly load?: {
    /** Options the mock runs with for this API (short but not zero timings). */
    readonly options?: object;
    /** What the API's part of the mix does, for the summary line. */
    readonly summary: string;
    requests(setup: RunSetup<Credentials>): readonly LoadRequest[];
  };
}

// ---- schemathesis config (TOML) ----

/** A named list of values for parameters to draw from. */
export const dictionary = (name: string, values: readonly string[]) => `[dictionaries.${name}]\nvalues = ${JSON.stringify(values)}\n`;
/** Settings for one operation. */
export const operation = (id: string, lines: readonly string[]) =>
  `\n[[operations]]\ninclude-operation-id = "${id}"\n${lines.join('\n')}\n`;
/** Half the values of `field` drawn from the dictionary `name`. */
export const pick = (field: string, name: string) => `parameters = { "${field}" = { dictionary = "${name}", probability = 0.5 } }`;

/** Whether the spec documents `status` for the operation. */
export function documents(spec: OpenApiDocument, operationId: string, status: number): boolean {
  for (const item of Object.values(spec.paths)) {
    for (const entry of Object.values(item)) {
      const candidate = entry as { operationId?: string; responses?: Record<string, unknown> } | undefined;
      if (candidate?.operationId === operationId) return String(status) in (candidate.responses ?? {});
    }
  }
  return false;
}

/** A JSON (or form) call to the running mock that must succeed: for making fixtures. */
export async function call(base: string, headers: Readonly<Record<string, string>>, method: string, path: string, body?: unknown) {
  const form = body instanceof FormData;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && !form && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: form ? body : JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`fixture ${method} ${path}: ${response.status} ${await response.text()}`);
  // biome-ignore lint/suspicious/noExplicitAny: fixtures read a field or two of the answer.
  return (response.status === 204 ? undefined : await response.json()) as any;
}
