/** The parts of an OpenAPI 3.1 document the mock reads. */
export interface OpenApiOperation {
  readonly operationId?: string;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content?: Readonly<Record<string, { readonly schema?: unknown }>>;
  };
}

export interface OpenApiDocument {
  readonly servers?: readonly { readonly url: string; readonly [key: string]: unknown }[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly [key: string]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The path of the spec's first server URL, e.g. `/digital-try-on/v1`; the mock serves the API below it. */
export function serverPath(spec: OpenApiDocument): string {
  const url = spec.servers?.[0]?.url;
  if (url === undefined) return '';
  return new URL(url, 'http://localhost').pathname.replace(/\/+$/, '');
}

/** The operation's security alternatives: each is a set of scheme names that must all be satisfied. */
export function securityAlternatives(spec: OpenApiDocument, operation: OpenApiOperation): string[][] {
  return (operation.security ?? spec.security ?? []).map((requirement) => Object.keys(requirement));
}
