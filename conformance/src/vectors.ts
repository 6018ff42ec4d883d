import type { CanonicalJsonDialect } from '@signet/auth';
import { python } from '@signet/auth/python';

/** A dialect by the name its vector file, tallies and reports use. */
export type DialectName = 'java' | 'python';

/** The `dialect` option each name stands for: python is a value of its own import. */
export const DIALECT_OPTION: Record<DialectName, CanonicalJsonDialect> = { java: 'java', python };
