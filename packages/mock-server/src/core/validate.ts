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
 * A schema marked `x-max-length-unit: utf-16` counts UTF-16 units either way.
 */
export type StringLength = 'code-points' | 'utf-16';

/**
 * The problems of a body, `byteLength` bytes long on the wire: none for a valid one; for an invalid
 * one, every problem up to {@link MAX_PROBLEMS} when the body is at most {@link THOROUGH_BYTES}
 * long, else the first. The work is bounded either way: a 10 MiB array of five million wrong
 * values costs one pass that stops at the first, not five million error objects.
 */
export type BodyValidator = (body: unknown, byteLength: number) => readonly ValidationProblem[];

/** Most problems listed in one refusal. */
export const MAX_PROBLEMS = 100;
/** Bodies up to this long have every problem listed (up to MAX_PROBLEMS); longer ones, the first. */
export const THOROUGH_BYTES = 64 * 1024;

const NO_PROBLEMS: readonly ValidationProblem[] = Object.freeze([]);

/** How much an ajv instance reports: `first` stops at the first error, `all` collects every one. */
type Reporting = 'first' | 'all';

const compilers = new WeakMap<OpenApiDocument, Map<string, Ajv2020>>();
const validators = new WeakMap<Ajv2020, Map<string, ValidateFunction>>();

function compilerFor(spec: OpenApiDocument, stringLength: StringLength, reporting: Reporting): Ajv2020 {
  let bySpec = compilers.get(spec);
  if (bySpec === undefined) {
    bySpec = new Map();
    compilers.set(spec, bySpec);
  }
  let ajv = bySpec.get(`${stringLength} ${reporting}`);
  if (ajv === undefined) {
    ajv = new Ajv2020({ strict: false, allErrors: reporting === 'all' });
    addFormats(ajv);
    ajv.addFormat('binary', true);
    for (const keyword of ['maxLength', 'minLength'] as const) ajv.addKeyword(utf16Keyword(keyword));
    ajv.addSchema({ ...(countInUtf16(spec, stringLength === 'utf-16') as OpenApiDocument), $id: 'mock:spec' });
    bySpec.set(`${stringLength} ${reporting}`, ajv);
  }
  return ajv;
}

/** `maxLength`/`minLength` counted in UTF-16 units (JSON Schema's count code points), reported under the standard names. */
function utf16Keyword(keyword: 'maxLength' | 'minLength') {
  const validate: ((limit: number, data: string) => boolean) & { errors?: Partial<ErrorObject>[] } = (limit, data) => {
    const ok = keyword === 'maxLength' ? data.length <= limit : data.length >= limit;
    validate.errors = ok
      ? []
      : [{ keyword, message: `must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${limit} characters`, params: { limit } }];
    return ok;
  };
  return { keyword: `${keyword}Utf16`, type: 'string' as const, schemaType: 'number' as const, errors: true, validate };
}

/**
 * A copy of the spec whose numeric `maxLength`/`minLength` count UTF-16 units: everywhere when `all`
 * (the vendor's service counts that way), else where a schema says `x-max-length-unit: utf-16`.
 */
function countInUtf16(node: unknown, all: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => countInUtf16(item, all));
  if (node === null || typeof node !== 'object') return node;
  const utf16 = all || (node as Record<string, unknown>)['x-max-length-unit'] === 'utf-16';
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      utf16 && (key === 'maxLength' || key === 'minLength') && typeof value === 'number' ? `${key}Utf16` : key,
      countInUtf16(value, all),
    ]),
  );
}

/** The schema at `ref` compiled by the spec's ajv for `reporting`, once per spec. */
function compiled(spec: OpenApiDocument, ref: string, stringLength: StringLength, reporting: Reporting): ValidateFunction {
  const ajv = compilerFor(spec, stringLength, reporting);
  let cache = validators.get(ajv);
  if (cache === undefined) {
    cache = new Map();
    validators.set(ajv, cache);
  }
  let validate = cache.get(ref);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: ref });
    cache.set(ref, validate);
  }
  return validate;
}

/**
 * Compiles the schema at `pointer` (a JSON pointer into the spec, e.g. to a request body's schema)
 * with the spec's own `$ref`s. Compiled once per spec, however many mocks use it; the validator
 * that lists every problem is compiled only when a small invalid body first needs it.
 */
export function compileValidator(spec: OpenApiDocument, pointer: readonly string[], stringLength: StringLength): BodyValidator {
  const ref = `mock:spec#/${pointer.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
  const first = compiled(spec, ref, stringLength, 'first');
  let all: ValidateFunction | undefined;
  return (body, byteLength) => {
    if (first(body)) return NO_PROBLEMS;
    if (byteLength > THOROUGH_BYTES) return (first.errors ?? []).slice(0, MAX_PROBLEMS).map(toProblem);
    all ??= compiled(spec, ref, stringLength, 'all');
    all(body);
    return (all.errors ?? first.errors ?? []).slice(0, MAX_PROBLEMS).map(toProblem);
  };
}

function toProblem(error: ErrorObject): ValidationProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replaceAll('~1', '/').replaceAll('~0', '~')));
  const missing = error.keyword === 'required' ? [(error.params as { missingProperty: string }).missingProperty] : [];
  return { loc: ['body', ...path, ...missing], msg: error.message ?? 'invalid', type: error.keyword };
}
