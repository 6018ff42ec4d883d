import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './openapi.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** One FastAPI-style validation problem: where (`loc`), what (`msg`), and the failed rule (`type`). */
export interface ValidationProblem {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
}

/**
 * How `minLength`/`maxLength` count: JSON Schema counts code points (as Python's `len` does);
 * a Java service counts UTF-16 code units (`String.length()`), as JavaScript's `length` does.
 */
export type StringLength = 'code-points' | 'utf-16';

export type BodyValidator = (body: unknown) => ValidationProblem[];

const compilers = new WeakMap<OpenApiDocument, Map<StringLength, Ajv2020>>();
const validators = new WeakMap<Ajv2020, Map<string, ValidateFunction>>();

function compilerFor(spec: OpenApiDocument, stringLength: StringLength): Ajv2020 {
  let bySpec = compilers.get(spec);
  if (bySpec === undefined) compilers.set(spec, (bySpec = new Map()));
  let ajv = bySpec.get(stringLength);
  if (ajv === undefined) {
    ajv = new Ajv2020({ strict: false, allErrors: true, unicode: stringLength === 'code-points' });
    addFormats(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema({ ...spec, $id: 'mock:spec' });
    bySpec.set(stringLength, ajv);
  }
  return ajv;
}

/**
 * Compiles the schema at `pointer` (a JSON pointer into the spec, e.g. to a request body's schema)
 * with the spec's own `$ref`s. Compiled once per spec, however many mocks use it.
 */
export function compileValidator(spec: OpenApiDocument, pointer: readonly string[], stringLength: StringLength): BodyValidator {
  const ajv = compilerFor(spec, stringLength);
  let cache = validators.get(ajv);
  if (cache === undefined) validators.set(ajv, (cache = new Map()));
  const ref = `mock:spec#/${pointer.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
  let validate = cache.get(ref);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: ref });
    cache.set(ref, validate);
  }
  const compiled = validate;
  return (body) => (compiled(body) ? [] : (compiled.errors ?? []).map(toProblem));
}

function toProblem(error: ErrorObject): ValidationProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replaceAll('~1', '/').replaceAll('~0', '~')));
  const missing = error.keyword === 'required' ? [(error.params as { missingProperty: string }).missingProperty] : [];
  return { loc: ['body', ...path, ...missing], msg: error.message ?? 'invalid', type: error.keyword };
}
