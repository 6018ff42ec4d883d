import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { MatchedOperation, OpenApiDocument } from './openapi.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** One FastAPI-style validation problem: where (`loc`), what (`msg`), and the failed rule (`type`). */
export interface ValidationProblem {
  readonly loc: (string | number)[];
  readonly msg: string;
  readonly type: string;
}

export type BodyValidator = (operation: MatchedOperation, mediaType: string, body: unknown) => ValidationProblem[];

/** Validates request bodies against the spec's own schemas ($refs and all). */
export function createBodyValidator(spec: OpenApiDocument, id: string): BodyValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ ...spec, $id: id });
  const compiled = new Map<string, ValidateFunction>();

  return (operation, mediaType, body) => {
    const schema = operation.operation.requestBody?.content?.[mediaType]?.schema;
    if (schema === undefined) return [];
    const key = `${operation.method} ${operation.template} ${mediaType}`;
    let validate = compiled.get(key);
    if (validate === undefined) {
      const pointer = ['paths', operation.template, operation.method, 'requestBody', 'content', mediaType, 'schema']
        .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
        .join('/');
      validate = ajv.compile({ $ref: `${id}#/${pointer}` });
      compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map(toProblem);
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
