// What both Aiuta modules check of a try-on request the same way, so both answer one mistake alike.
import type { ValidationProblem } from '../../core/validate.js';
import type { TryOnFields } from './jwt.js';

const given = (value: unknown) => value !== undefined && value !== null;

/** FastAPI's 422 entry when a try-on names both or neither of `sku_id` and `sku_ids` (the vendor's own wording). */
export function skuChoiceProblem(request: TryOnFields): ValidationProblem | undefined {
  const hasSku = given(request.sku_id);
  if (hasSku !== given(request.sku_ids)) return undefined;
  const msg = hasSku ? "Only one of 'sku_id' and 'sku_ids' may be specified" : "Either 'sku_id' or 'sku_ids' must be specified";
  return { loc: ['body'], msg, type: 'value_error' };
}
