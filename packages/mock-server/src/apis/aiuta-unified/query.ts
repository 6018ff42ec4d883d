// Query parameters (the core validates bodies only), refused as FastAPI does.
import type { MockRequest, MockResponse } from '../../core/api.js';
import type { ValidationProblem } from '../../core/validate.js';
import { invalid } from './state.js';

/** An integer query parameter: its default, and its bounds. */
export interface IntRule {
  readonly name: string;
  readonly fallback: number;
  readonly min: number;
  readonly exclusive?: boolean;
  readonly max?: number;
}

function intQuery(request: MockRequest, rule: IntRule): number | ValidationProblem {
  const values = request.url.searchParams.getAll(rule.name);
  const loc = ['query', rule.name];
  if (values.length === 0) return rule.fallback;
  const raw = values[0]?.trim() ?? '';
  if (values.length > 1 || !/^[+-]?\d+$/.test(raw)) {
    return { loc, msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' };
  }
  const value = Number(raw);
  if (rule.exclusive ? value <= rule.min : value < rule.min) {
    return rule.exclusive
      ? { loc, msg: `Input should be greater than ${rule.min}`, type: 'greater_than' }
      : { loc, msg: `Input should be greater than or equal to ${rule.min}`, type: 'greater_than_equal' };
  }
  if (rule.max !== undefined && value > rule.max)
    return { loc, msg: `Input should be less than or equal to ${rule.max}`, type: 'less_than_equal' };
  return value;
}

/** The values of the rules' parameters, in order, or FastAPI's 422 listing every one that is wrong. */
export function queryOf(request: MockRequest, rules: readonly IntRule[]): number[] | MockResponse {
  const values = rules.map((rule) => intQuery(request, rule));
  const problems = values.filter((value): value is ValidationProblem => typeof value !== 'number');
  return problems.length > 0 ? invalid(problems) : (values as number[]);
}
