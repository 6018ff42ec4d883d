/**
 * The plainest key-sorting canonicalizer, for the bench: a full copy of the body, every object's
 * keys inserted in sorted order (JS still enumerates integer-like keys first, which the bench
 * bodies do not have), which one `JSON.stringify` then writes. It checks nothing (no refusals, no
 * null dropping, no number or string rules), so it does less than a canonicalizer must, except
 * that it copies what needs no copy.
 */
export function sortedCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const object = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) copy[key] = sortedCopy(object[key]);
  return copy;
}
