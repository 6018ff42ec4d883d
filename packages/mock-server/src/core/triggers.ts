import { InvalidRequestError } from '@signet/client-core/errors';
import type { AnyMockApi, TriggerField } from './api.js';

/** A trigger's fields as its CLI options: `task_id` → `--task-id`. */
export const optionName = (field: string) => field.replaceAll('_', '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * `input` checked against the trigger's fields: an object with only those, each of its type, every
 * required one present. Throws an `InvalidRequestError` naming the first that is not.
 */
export function checkedInput(fields: Readonly<Record<string, TriggerField>>, input: unknown): Readonly<Record<string, unknown>> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new InvalidRequestError('input', 'must be an object');
  const given = input as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(fields, name))
      throw new InvalidRequestError(name, `is not an input of this trigger (${Object.keys(fields).join(', ')})`);
  }
  for (const [name, field] of Object.entries(fields)) {
    const value = given[name];
    if (value === undefined) {
      if (field.required) throw new InvalidRequestError(name, 'is required');
      continue;
    }
    const fits = field.type === 'integer' ? Number.isSafeInteger(value) && (value as number) >= 0 : typeof value === field.type;
    if (!fits)
      throw new InvalidRequestError(name, field.type === 'integer' ? 'must be a whole number of at least 0' : `must be a ${field.type}`);
  }
  return given;
}

/** Runs an API's trigger on its instance state, its input checked first. */
export async function runTrigger(api: AnyMockApi, state: unknown, name: string, input: unknown): Promise<unknown> {
  const trigger = Object.hasOwn(api.triggers ?? {}, name) ? api.triggers?.[name] : undefined;
  if (trigger === undefined) {
    const known = Object.keys(api.triggers ?? {});
    throw new InvalidRequestError(
      'trigger',
      `${api.name} has no trigger ${JSON.stringify(name)} (${known.length > 0 ? known.join(', ') : 'it has none'})`,
    );
  }
  return trigger.run(checkedInput(trigger.fields, input), state);
}

/** Parses a CLI option's text as the field's type; throws an `InvalidRequestError` naming the option. */
export function fieldValue(name: string, field: TriggerField, text: string | boolean): unknown {
  if (field.type === 'boolean') return text === true || text === 'true';
  if (typeof text !== 'string') throw new InvalidRequestError(`--${optionName(name)}`, 'needs a value');
  if (field.type === 'string') return text;
  if (!/^\d+$/.test(text)) throw new InvalidRequestError(`--${optionName(name)}`, `must be a whole number, not ${JSON.stringify(text)}`);
  return Number(text);
}
