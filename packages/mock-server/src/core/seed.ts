// What modules' `seed` functions share: reading a seed entry, and refusing a bad one with an error that says where.
import { InvalidRequestError } from '@signet/client-core/errors';
import type { MockResponse } from './api.js';
import { HTTP_METHODS, type OpenApiDocument } from './openapi.js';
import { compileValidator, type StringLength } from './validate.js';

/** Reads one API's seed entry, each refusal naming its place (`seed.<api>.<list>[i].<field>`). */
export class SeedReader {
  constructor(private readonly api: string) {}

  private where(path: readonly (string | number)[]): string {
    return ['seed', this.api, ...path].map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  }

  fail(path: readonly (string | number)[], detail: string): never {
    throw new InvalidRequestError(this.where(path), detail);
  }

  /** The entry itself: an object with only the lists the API seeds. */
  entry(input: unknown, lists: readonly string[]): Readonly<Record<string, unknown>> {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) this.fail([], 'must be an object');
    for (const key of Object.keys(input))
      if (!lists.includes(key)) this.fail([key], `is not something ${this.api} seeds (${lists.join(', ')})`);
    return input as Readonly<Record<string, unknown>>;
  }

  /** The list under `name`, each item an object (or a string, when `strings`). */
  list(entry: Readonly<Record<string, unknown>>, name: string): readonly unknown[] {
    const value = entry[name];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail([name], 'must be a list');
    return value;
  }

  object(value: unknown, path: readonly (string | number)[]): Readonly<Record<string, unknown>> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'must be an object');
    return value as Readonly<Record<string, unknown>>;
  }

  string(value: unknown, path: readonly (string | number)[], pattern?: RegExp): string {
    if (typeof value !== 'string' || value === '') this.fail(path, 'must be a non-empty string');
    if (pattern !== undefined && !pattern.test(value)) this.fail(path, `must match ${pattern}`);
    return value;
  }

  oneOf<T extends string>(value: unknown, options: readonly T[], path: readonly (string | number)[]): T {
    if (!options.includes(value as T)) this.fail(path, `must be one of ${options.join(', ')}`);
    return value as T;
  }

  /** `value` checked against the schema at `pointer` in the API's spec. */
  matches(
    value: unknown,
    spec: OpenApiDocument,
    pointer: readonly string[],
    stringLength: StringLength,
    path: readonly (string | number)[],
  ): void {
    const [problem] = compileValidator(spec, pointer, stringLength)(value, 0);
    if (problem !== undefined) this.fail([...path, ...problem.loc.slice(1)], problem.msg);
  }

  /** Fails when a handler the seed ran refused it, quoting its answer. */
  accepted(response: MockResponse, path: readonly (string | number)[]): void {
    if (response.status < 400) return;
    this.fail(path, `was refused with ${response.status}${response.body === undefined ? '' : ` ${JSON.stringify(response.body)}`}`);
  }
}

/** The JSON pointer to the JSON request body schema of `operationId` in `spec`. */
export function requestSchema(spec: OpenApiDocument, operationId: string): readonly string[] {
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      if ((item[method] as { operationId?: string } | undefined)?.operationId === operationId) {
        return ['paths', template, method, 'requestBody', 'content', 'application/json', 'schema'];
      }
    }
  }
  throw new Error(`no operation ${operationId} in the spec`);
}
