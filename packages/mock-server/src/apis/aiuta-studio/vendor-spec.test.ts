// specs/aiuta-studio.yaml against the vendor's own OpenAPI document (aiuta-com/docs
// `docs/api/studio/openapi.json`), field by field: both are reduced to the same list of facts
// (paths, methods, parameters, bodies, responses, and every schema's properties, types, enums,
// required fields, bounds, formats and defaults), in a form where `anyOf [X, null]` and
// `type: [X, "null"]`, `allOf [$ref]` and `$ref`, `default` and `x-default` read alike.
//
// The vendor's facts are kept in vendor-spec.test.json; the vendor's document itself is not
// committed. To check the record against a copy of the document, point AIUTA_STUDIO_OPENAPI at it
// (`vitest -u` rewrites the record from the document).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spec } from './spec.gen.js';

type Node = Readonly<Record<string, unknown>>;

/** The vendor's schema names that read badly as type names, and ours. */
const RENAMED: Readonly<Record<string, string>> = { Body_upload_user_image_uploaded_images_post: 'UploadedImageForm' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const nameOf = (ref: string) => {
  const name = ref.replace('#/components/schemas/', '');
  return RENAMED[name] ?? name;
};
const node = (value: unknown): Node => (typeof value === 'object' && value !== null ? (value as Node) : {});
const number = (value: unknown) => (typeof value === 'number' ? String(Number(value)) : '');
const range = (min: unknown, max: unknown) => (min === undefined && max === undefined ? '' : ` ${number(min)}..${number(max)}`);

/** One type of a schema with its own bounds: `string(uri) 1..2083`, `integer 1..4`, `array<…> 1..35`. */
function single(schema: Node, type: string): string {
  if (type === 'null') return 'null';
  if (type === 'array') return `array<${shape(node(schema.items))}>${range(schema.minItems, schema.maxItems)}`;
  if (type === 'string') {
    const format = typeof schema.format === 'string' ? `(${schema.format})` : '';
    const values = Array.isArray(schema.enum) ? ` enum(${schema.enum.join(', ')})` : '';
    return `string${format}${values}${range(schema.minLength, schema.maxLength)}`;
  }
  if (type === 'integer' || type === 'number') return `${type}${range(schema.minimum, schema.maximum)}`;
  return type;
}

/** A schema as one line; alternatives sorted, so their order does not matter. */
function shape(schema: Node): string {
  if (typeof schema.$ref === 'string') return `<${nameOf(schema.$ref)}>`;
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const parts = schema[key];
    if (Array.isArray(parts)) return [...new Set(parts.map((part) => shape(node(part))))].sort().join(' | ');
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  return types
    .map((type) => single(schema, String(type)))
    .sort()
    .join(' | ');
}

/** A property's default, the vendor's `default` or our `x-default`. */
const defaultOf = (schema: Node) => {
  const value = schema.default ?? schema['x-default'];
  return value === undefined ? '' : ` default ${JSON.stringify(value)}`;
};

/** A fact, and whether our spec marks what it states as not from the vendor. */
interface Fact {
  readonly text: string;
  readonly unverified: boolean;
}

function schemaFacts(document: Node): Fact[] {
  const facts: Fact[] = [];
  for (const [vendorName, value] of Object.entries(node(node(document.components).schemas))) {
    const schema = node(value);
    const name = RENAMED[vendorName] ?? vendorName;
    const unverified = schema['x-unverified'] === true;
    const add = (text: string) => facts.push({ text: `schema ${name}${text}`, unverified });
    if (schema.type === 'object' || schema.properties !== undefined) {
      const required = Array.isArray(schema.required) ? [...schema.required].sort().join(', ') : '';
      add(`: object, required [${required}]`);
      for (const [property, definition] of Object.entries(node(schema.properties))) {
        add(`.${property}: ${shape(node(definition))}${defaultOf(node(definition))}`);
      }
    } else {
      add(`: ${shape(schema)}`);
    }
  }
  return facts;
}

/** `#/components/<kind>/<name>` resolved, or the node itself. */
function resolve(document: Node, value: unknown): Node {
  const ref = node(value).$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/') || ref.startsWith('#/components/schemas/')) return node(value);
  const [kind = '', name = ''] = ref.slice('#/components/'.length).split('/');
  return node(node(node(document.components)[kind])[name]);
}

function securityFacts(document: Node, operation: Node): string[] {
  const requirements = (operation.security ?? document.security) as readonly Node[] | undefined;
  const schemes = node(node(document.components).securitySchemes);
  return (requirements ?? []).map((requirement) =>
    Object.keys(requirement)
      .map((scheme) => {
        const { type, in: where, name } = node(schemes[scheme]);
        return `${type} ${where} ${name}`;
      })
      .join(' + '),
  );
}

function operationFacts(document: Node): Fact[] {
  const facts: Fact[] = [];
  for (const [path, value] of Object.entries(node(document.paths))) {
    const item = node(value);
    for (const method of METHODS) {
      if (item[method] === undefined) continue;
      const operation = node(item[method]);
      const add = (text: string, unverified = false) => facts.push({ text: `${method.toUpperCase()} ${path}: ${text}`, unverified });
      for (const security of securityFacts(document, operation)) add(`security ${security}`);
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])];
      for (const parameter of parameters.map((p) => resolve(document, p))) {
        add(
          `parameter ${parameter.in} ${parameter.name}${parameter.required === true ? ' required' : ''}: ${shape(node(parameter.schema))}`,
        );
      }
      const body = resolve(document, operation.requestBody);
      for (const [type, content] of Object.entries(node(body.content))) {
        add(`body${body.required === true ? ' required' : ''} ${type}: ${shape(node(node(content).schema))}`);
      }
      for (const [status, response] of Object.entries(node(operation.responses))) {
        const resolved = resolve(document, response);
        const unverified = resolved['x-unverified'] === true;
        const contents = Object.entries(node(resolved.content));
        if (contents.length === 0) add(`response ${status}: no content`, unverified);
        for (const [type, content] of contents) add(`response ${status} ${type}: ${shape(node(node(content).schema))}`, unverified);
      }
    }
  }
  return facts;
}

/** Every fact the document states, sorted; with `verifiedOnly`, those our spec does not mark as our own addition. */
function factsOf(document: Node, verifiedOnly = true): string[] {
  const servers = ((document.servers as readonly Node[] | undefined) ?? []).map((server) => ({
    text: `server ${server.url}`,
    unverified: false,
  }));
  return [...servers, ...operationFacts(document), ...schemaFacts(document)]
    .filter((fact) => !verifiedOnly || !fact.unverified)
    .map((fact) => fact.text)
    .sort();
}

const RECORD = new URL('./vendor-spec.test.json', import.meta.url);
const vendorDocument = process.env.AIUTA_STUDIO_OPENAPI;

describe("the Studio spec against the vendor's document", () => {
  it.runIf(vendorDocument !== undefined)("keeps a true record of the vendor's facts", async () => {
    const vendor = JSON.parse(readFileSync(vendorDocument ?? '', 'utf8')) as Node;
    await expect(`${JSON.stringify(factsOf(vendor), null, 2)}\n`).toMatchFileSnapshot(RECORD.pathname);
  });

  it("states every one of the vendor's facts, and nothing else unless it is marked x-unverified", () => {
    const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as string[];
    expect(recorded.length).toBeGreaterThan(150);
    expect(factsOf(spec)).toEqual(recorded);
  });

  it('marks what it adds: the error answers the vendor leaves out, and their body', () => {
    const verified = new Set(factsOf(spec));
    const added = factsOf(spec, false).filter((fact) => !verified.has(fact));
    expect(added).toContain('GET /uploaded_images/{image_id}: response 404 application/json: <DetailError>');
    expect(added).toContain('POST /on_figure_operations/regenerate: response 400 application/json: <DetailError>');
    expect(added).toContain('DELETE /generated_images/{image_id}: response 401: no content');
    expect(added).toContain('schema DetailError.detail: string');
  });

  it('reads the vendor’s ways of writing a schema as ours', () => {
    const nullable = { anyOf: [{ type: 'integer', minimum: 1, maximum: 4.0 }, { type: 'null' }] };
    expect(shape(nullable)).toBe(shape({ type: ['integer', 'null'], minimum: 1, maximum: 4 }));
    expect(shape({ allOf: [{ $ref: '#/components/schemas/Gender' }] })).toBe(shape({ $ref: '#/components/schemas/Gender' }));
    expect(defaultOf({ default: 'offline' })).toBe(defaultOf({ 'x-default': 'offline' }));
    // And tells a change apart: a bound, a format, a type.
    expect(shape(nullable)).not.toBe(shape({ type: ['integer', 'null'], minimum: 1, maximum: 5 }));
    expect(shape({ type: 'string', format: 'uri' })).not.toBe(shape({ type: 'string' }));
    expect(shape({ type: ['string', 'null'] })).not.toBe(shape({ type: 'string' }));
  });
});
