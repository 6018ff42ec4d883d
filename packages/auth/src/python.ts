import type { ImportedDialect } from './canonical/canonical-json.js';
import { pythonDialect } from './canonical/python-dialect.js';

/**
 * The python dialect of canonical JSON, as the vendor's CPython 3.11 sample writes it: nulls kept,
 * keys sorted by code point, non-ASCII escaped as `\uXXXX`, floats as Python's `repr` (`1e-07`,
 * `10000000.0`). Pass it as `dialect` to `canonicalJson`, `signVidauRequest`, `vidauAuth`,
 * `verifyVidauSignature`, `diagnoseVidauSignature` or `createVidauClient` when the server
 * canonicalizes like that sample; `'java'` is the default. It is its own import so that only the
 * bundles that use it carry it.
 *
 * @example
 * ```ts
 * import { canonicalJson } from '@signet/auth';
 * import { python } from '@signet/auth/python';
 *
 * canonicalJson({ b: null, a: 'é', c: 1e-7 }, { dialect: python }); // '{"a":"\\u00e9","b":null,"c":1e-07}'
 * ```
 */
export const python: ImportedDialect = pythonDialect;
