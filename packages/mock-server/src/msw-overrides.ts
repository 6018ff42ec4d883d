// Typed per-operation MSW handlers: one factory per operation of each API, typed from its spec.
import { type HttpHandler, http } from 'msw';
import type { MockResponse, PathParams, RequestBody, ResponseBody } from './core/api.js';
import { fromRequest } from './core/body.js';
import type { MockCore } from './core/core.js';
import { HTTP_METHODS } from './core/openapi.js';
import { toResponse } from './core/wire.js';
import type { MockApiOperations } from './registry.js';

type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Status<Op> = keyof Responses<Op> & number;

/** One documented answer of an operation: its status, and its body typed from the spec (none where the spec has none). */
export type OperationAnswer<Op> = {
  [S in Status<Op>]: (ResponseBody<Op, S> extends undefined ? { readonly body?: undefined } : { readonly body: ResponseBody<Op, S> }) & {
    readonly status: S;
    readonly headers?: Readonly<Record<string, string>>;
  };
}[Status<Op>];

/** What an override is told: the request (a copy of it, body unread), its path parameters and its body, parsed and validated as the spec says. */
export interface OverrideInput<Op> {
  readonly request: Request;
  readonly params: PathParams<Op>;
  readonly body: RequestBody<Op>;
}

/** Answers one operation: a documented answer, or undefined to let the mock answer as usual. */
export type OverrideResolver<Op> = (input: OverrideInput<Op>) => OperationAnswer<Op> | undefined | Promise<OperationAnswer<Op> | undefined>;

/**
 * For each API, for each of its operations (by the spec's operationId), a factory of an MSW handler
 * for exactly that operation's method and path. The mock still checks the request (authentication,
 * the body against the spec) before the resolver is called; the resolver's answer replaces the
 * handler's.
 */
export type MockOverrides = {
  readonly [A in keyof MockApiOperations]: {
    readonly [K in keyof MockApiOperations[A]]: (resolve: OverrideResolver<MockApiOperations[A][K]>) => HttpHandler;
  };
};

/** The overrides of `core`'s APIs, each intercepted under its base URL in `baseUrls`. */
export function overridesOf(core: MockCore, baseUrls: Readonly<Record<string, string>>): MockOverrides {
  const byApi: Record<string, Record<string, (resolve: OverrideResolver<unknown>) => HttpHandler>> = {};
  for (const { api } of core.apis) {
    const factories: Record<string, (resolve: OverrideResolver<unknown>) => HttpHandler> = {};
    const base = (baseUrls[api.name] ?? '').replace(/\/+$/, '');
    for (const [template, item] of Object.entries(api.spec.paths)) {
      for (const method of HTTP_METHODS) {
        const operationId = (item[method] as { operationId?: string } | undefined)?.operationId;
        if (operationId === undefined || api.handlers[operationId] === undefined) continue;
        // MSW writes path parameters `:name`, OpenAPI `{name}`.
        const path = `${base}${template.replace(/\{([^}]+)\}/g, ':$1')}`;
        factories[operationId] = (resolve) =>
          http[method as 'get'](path, async ({ request }) => {
            const copy = request.clone();
            const answer = await core.dispatch({
              ...fromRequest(request),
              override: {
                operationId,
                respond: async ({ params, body }) =>
                  asMockResponse(await resolve({ request: copy, params, body } as OverrideInput<unknown>)),
              },
            });
            return toResponse(answer, request.method);
          });
      }
    }
    byApi[api.name] = factories;
  }
  return byApi as unknown as MockOverrides;
}

function asMockResponse(answer: OperationAnswer<unknown> | undefined): MockResponse | undefined {
  if (answer === undefined) return undefined;
  const { status, body, headers } = answer as { status: number; body?: unknown; headers?: Readonly<Record<string, string>> };
  return { status, body, ...(headers && { headers }) };
}
