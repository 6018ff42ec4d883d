/** The parts of an OpenAPI 3.1 document the mock server reads. */
export interface OpenApiOperation {
  readonly operationId?: string;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: unknown }>> };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly [key: string]: unknown;
}

export interface MatchedOperation {
  readonly template: string;
  readonly method: string;
  readonly operation: OpenApiOperation;
  readonly params: Readonly<Record<string, string>>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Finds the operation for a request path relative to the API's base, with its decoded path parameters. */
export function matchOperation(spec: OpenApiDocument, method: string, path: string): MatchedOperation | undefined {
  for (const [template, item] of Object.entries(spec.paths)) {
    const names: string[] = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const found = new RegExp(`^${pattern}$`).exec(path);
    const operation = item[method.toLowerCase()];
    if (found === null || operation === undefined || !METHODS.has(method.toLowerCase())) continue;
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
    return { template, method: method.toLowerCase(), operation: operation as OpenApiOperation, params };
  }
  return undefined;
}

/** The operation's security alternatives: each is a set of scheme names that must all be satisfied. */
export function securityAlternatives(spec: OpenApiDocument, operation: OpenApiOperation): string[][] {
  return (operation.security ?? spec.security ?? []).map((requirement) => Object.keys(requirement));
}
