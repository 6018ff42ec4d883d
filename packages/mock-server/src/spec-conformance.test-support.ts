// Checks every answer of a mock module against its own spec, with the same Ajv the core validates requests with.
import { HTTP_METHODS, type OpenApiDocument, serverPath } from './core/openapi.js';
import { compileValidator } from './core/validate.js';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

interface Route {
  readonly operationId: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly pointer: readonly string[];
}

export interface SpecConformance {
  /** `fetch`, with every answer under the spec's server path checked. */
  readonly fetch: Fetch;
  /** Every way an answer broke the spec, as `operationId status: problem`. */
  readonly problems: string[];
  /** The statuses each operation answered. */
  readonly statuses: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * Wraps `fetch` so that every answer from the API of `spec` is checked: its status is documented for
 * the operation; a documented JSON body parses, has a JSON Content-Type and validates; a response
 * the spec gives no content (the gateway's 401/403/429, 204, 304) has an empty body. `pending`
 * names statuses the spec does not document yet, each with the component schema its body must match.
 */
export function specConformance(
  spec: OpenApiDocument,
  inner: Fetch,
  pending: Readonly<Record<string, Readonly<Record<number, string>>>> = {},
): SpecConformance {
  const prefix = serverPath(spec);
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as { operationId?: string } | undefined;
      if (operation?.operationId === undefined) continue;
      const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('');
      routes.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${source}$`),
        pointer: ['paths', template, method],
      });
    }
  }
  const problems: string[] = [];
  const statuses = new Map<string, Set<number>>();

  const at = (pointer: readonly string[]): unknown =>
    pointer.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
  /** The response object's pointer, through a `$ref` to `components/responses`. */
  const responsePointer = (operation: readonly string[], status: number): readonly string[] | undefined => {
    const pointer = [...operation, 'responses', String(status)];
    const response = at(pointer) as { $ref?: string } | undefined;
    if (response === undefined) return undefined;
    return response.$ref === undefined ? pointer : response.$ref.replace(/^#\//, '').split('/');
  };

  const check = async (method: string, url: URL, response: Response) => {
    if (!url.pathname.startsWith(`${prefix}/`)) return;
    const path = url.pathname.slice(prefix.length);
    const route = routes.find((r) => r.pattern.test(path) && (r.method === method || (method === 'HEAD' && r.method === 'GET')));
    if (route === undefined) return; // 404 or 405 for a path or method the spec does not have
    const label = `${route.operationId} ${response.status}`;
    const seen = statuses.get(route.operationId) ?? new Set<number>();
    statuses.set(route.operationId, seen.add(response.status));
    const text = await response.clone().text();
    let schemaPointer: readonly string[] | undefined;
    const documented = responsePointer(route.pointer, response.status);
    if (documented !== undefined) {
      const content = at([...documented, 'content']) as Record<string, unknown> | undefined;
      if (content === undefined) {
        if (text !== '') problems.push(`${label}: the spec gives no content, but the body is ${JSON.stringify(text.slice(0, 80))}`);
        return;
      }
      schemaPointer = [...documented, 'content', 'application/json', 'schema'];
    } else {
      const component = pending[route.operationId]?.[response.status];
      if (component === undefined) {
        problems.push(`${label}: status not documented`);
        return;
      }
      schemaPointer = ['components', 'schemas', component];
    }
    if (method === 'HEAD') return;
    if (!/^application\/json\b/.test(response.headers.get('content-type') ?? '')) {
      problems.push(`${label}: Content-Type ${response.headers.get('content-type')} for a JSON body`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${label}: body is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
      return;
    }
    for (const problem of compileValidator(spec, schemaPointer, 'code-points')(body, text.length)) {
      problems.push(`${label}: ${problem.loc.slice(1).join('.') || '(body)'} ${problem.msg}`);
    }
  };

  return {
    problems,
    statuses,
    async fetch(input, init) {
      const request = new Request(input, init);
      const method = request.method.toUpperCase();
      const url = new URL(request.url);
      const response = await inner(request);
      await check(method, url, response);
      return response;
    },
  };
}
