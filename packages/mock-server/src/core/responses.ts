import { HTTP_METHODS, type OpenApiDocument } from './openapi.js';
import { type BodyValidator, compileValidator, type StringLength, type ValidationProblem } from './validate.js';

/** One response an operation documents: its status key, named examples and the check of a JSON body against its schema. */
export interface DocumentedResponse {
  /** `200`, `4XX` or `default`, as the spec writes it. */
  readonly key: string;
  /** Whether it documents a body at all. */
  readonly hasBody: boolean;
  /** Its examples by name (the media type's `examples`, or `example` as `default`). */
  readonly examples: ReadonlyMap<string, unknown>;
  /** The problems of `body` against its schema; none when it has no schema. */
  validate(body: unknown): readonly ValidationProblem[];
}

/** The responses each operation of a spec documents, by operationId. */
export type ResponseCatalog = ReadonlyMap<string, readonly DocumentedResponse[]>;

const catalogs = new WeakMap<OpenApiDocument, ResponseCatalog>();

type Node = Readonly<Record<string, unknown>>;

/** The node a `#/…` reference points at, and its pointer; a node that is no reference is itself. */
function resolved(spec: OpenApiDocument, node: unknown, pointer: readonly string[]): [Node | undefined, readonly string[]] {
  let current = node as Node | undefined;
  let at = pointer;
  for (let hops = 0; hops < 10 && typeof current?.$ref === 'string' && current.$ref.startsWith('#/'); hops++) {
    at = current.$ref
      .slice(2)
      .split('/')
      .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'));
    current = at.reduce<unknown>((parent, key) => (parent as Node | undefined)?.[key], spec) as Node | undefined;
  }
  return [current, at];
}

/** Every operation's documented responses, read once per spec. */
export function responseCatalog(spec: OpenApiDocument, stringLength: StringLength): ResponseCatalog {
  const known = catalogs.get(spec);
  if (known !== undefined) return known;
  const catalog = new Map<string, DocumentedResponse[]>();
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as { operationId?: string; responses?: Node } | undefined;
      if (operation?.operationId === undefined) continue;
      const base = ['paths', template, method, 'responses'];
      catalog.set(
        operation.operationId,
        Object.entries(operation.responses ?? {}).map(([key, raw]) => documented(spec, key, raw, [...base, key], stringLength)),
      );
    }
  }
  catalogs.set(spec, catalog);
  return catalog;
}

function documented(spec: OpenApiDocument, key: string, raw: unknown, pointer: readonly string[], stringLength: StringLength) {
  const [response, at] = resolved(spec, raw, pointer);
  const content = (response?.content ?? {}) as Readonly<Record<string, Node>>;
  const type = 'application/json' in content ? 'application/json' : Object.keys(content)[0];
  const media = type === undefined ? undefined : content[type];
  const examples = new Map<string, unknown>();
  for (const [name, example] of Object.entries((media?.examples ?? {}) as Readonly<Record<string, unknown>>)) {
    const [value] = resolved(spec, example, []);
    if (value !== undefined && 'value' in value) examples.set(name, value.value);
  }
  if (media !== undefined && 'example' in media) examples.set('default', media.example);
  let validate: DocumentedResponse['validate'] = () => [];
  if (type !== undefined && media?.schema !== undefined) {
    const schemaPointer = [...at, 'content', type, 'schema'];
    let compiled: BodyValidator | undefined;
    // Compiled when first needed: most responses are never chosen. A response is the mock's own, so every problem is listed.
    validate = (body) => {
      compiled ??= compileValidator(spec, schemaPointer, stringLength);
      return compiled(body, 0);
    };
  }
  return { key, hasBody: type !== undefined, examples, validate };
}

/** The documented response that covers `status`: its own, its `4XX` range, or `default`. */
export function responseFor(responses: readonly DocumentedResponse[], status: number): DocumentedResponse | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    responses.find((r) => r.key === exact) ??
    responses.find((r) => r.key.toUpperCase() === range) ??
    responses.find((r) => r.key === 'default')
  );
}
