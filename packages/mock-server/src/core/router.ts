import type { AnyMockApi } from './api.js';
import { decodeSegment } from './http.js';
import { HTTP_METHODS, type OpenApiOperation, securityAlternatives } from './openapi.js';
import { type BodyValidator, compileValidator } from './validate.js';

export interface CompiledOperation {
  readonly operationId: string;
  readonly security: readonly (readonly string[])[];
  /** The request body, when the operation takes one: its validator per declared media type. */
  readonly body?: { readonly required: boolean; readonly media: ReadonlyMap<string, BodyValidator> };
}

interface Route {
  readonly template: string;
  /** The capture group of the whole route in the combined pattern; its parameters follow it. */
  readonly group: number;
  readonly names: readonly string[];
  readonly operations: ReadonlyMap<string, CompiledOperation>;
  /** The `Allow` header value for the path. */
  readonly allow: string;
}

export type RouteMatch =
  | { readonly kind: 'operation'; readonly operation: CompiledOperation; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'method-not-allowed'; readonly allow: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'malformed-path' };

const NOT_FOUND: RouteMatch = { kind: 'not-found' };
const MALFORMED_PATH: RouteMatch = { kind: 'malformed-path' };

export interface Router {
  match(method: string, path: string): RouteMatch;
  /** The `Allow` value for a path the spec knows, for OPTIONS. */
  allow(path: string): string | undefined;
}

/**
 * Compiles every path of the module's spec into one anchored pattern, and every request body schema
 * into a validator, once, when the registry is built. A request is then matched with one `exec`.
 * Throws when an operation has no operationId or no handler.
 */
export function compileRoutes(api: AnyMockApi): Router {
  const templates = Object.keys(api.spec.paths).sort(
    (a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0) || b.length - a.length,
  );
  const routes: Route[] = [];
  const sources: string[] = [];
  let group = 1;
  for (const template of templates) {
    const item = api.spec.paths[template] ?? {};
    const operations = new Map<string, CompiledOperation>();
    for (const method of HTTP_METHODS) {
      const operation = item[method] as OpenApiOperation | undefined;
      if (operation === undefined) continue;
      const operationId = operation.operationId;
      if (operationId === undefined) throw new Error(`${api.name}: ${method.toUpperCase()} ${template} has no operationId`);
      if (typeof api.handlers[operationId] !== 'function') {
        throw new Error(`${api.name}: no handler for operation ${operationId}`);
      }
      operations.set(method.toUpperCase(), compileOperation(api, template, method, operation));
    }
    const names: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(name);
        return '([^/]+)';
      })
      .join('');
    const methods = [...operations.keys()];
    if (operations.has('GET')) methods.push('HEAD');
    methods.push('OPTIONS');
    routes.push({ template, group, names, operations, allow: methods.join(', ') });
    sources.push(`(${source})`);
    group += 1 + names.length;
  }
  const pattern = new RegExp(`^(?:${sources.join('|')})$`);

  /** The route whose group matched, in `found` (the match of the combined pattern). */
  const routeOf = (found: RegExpExecArray): Route | undefined => {
    for (const route of routes) if (found[route.group] !== undefined) return route;
    return undefined;
  };

  return {
    match(method, path) {
      const found = routes.length === 0 ? null : pattern.exec(path);
      const route = found === null ? undefined : routeOf(found);
      if (found === null || route === undefined) return NOT_FOUND;
      const operation = route.operations.get(method) ?? (method === 'HEAD' ? route.operations.get('GET') : undefined);
      if (operation === undefined) return { kind: 'method-not-allowed', allow: route.allow };
      const params: Record<string, string> = {};
      for (let i = 0; i < route.names.length; i++) {
        const raw = found[route.group + 1 + i] ?? '';
        // Most segments hold no escape: only those need decoding (and can be malformed).
        const value = raw.includes('%') ? decodeSegment(raw) : raw;
        if (value === undefined) return MALFORMED_PATH;
        params[route.names[i] as string] = value;
      }
      return { kind: 'operation', operation, params };
    },
    allow(path) {
      const found = routes.length === 0 ? null : pattern.exec(path);
      return found === null ? undefined : routeOf(found)?.allow;
    },
  };
}

function compileOperation(api: AnyMockApi, template: string, method: string, operation: OpenApiOperation): CompiledOperation {
  const security = securityAlternatives(api.spec, operation);
  const content = operation.requestBody?.content;
  if (content === undefined) return { operationId: operation.operationId ?? '', security };
  const media = new Map<string, BodyValidator>();
  for (const [type, { schema }] of Object.entries(content)) {
    const pointer = ['paths', template, method, 'requestBody', 'content', type, 'schema'];
    media.set(type.toLowerCase(), schema === undefined ? () => [] : compileValidator(api.spec, pointer, api.stringLength ?? 'code-points'));
  }
  return { operationId: operation.operationId ?? '', security, body: { required: operation.requestBody?.required === true, media } };
}
