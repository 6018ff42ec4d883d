/**
 * A Map that keeps at most `maxEntries` entries and `maxWeight` total weight, dropping the oldest
 * first, and forgets entries whose `expiresAt` has passed. Every store of a mock is one of these,
 * so a long-running mock's memory stays bounded however many requests it answers.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number; expiresAt: number }>();
  private weight = 0;

  constructor(
    private readonly options: {
      readonly maxEntries: number;
      readonly maxWeight?: number;
      readonly weigh?: (value: V) => number;
      readonly now?: () => number;
      readonly onEvict?: (key: K, value: V) => void;
    },
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= (this.options.now ?? Date.now)()) {
      this.remove(key, true);
      return undefined;
    }
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V, expiresAt = Number.POSITIVE_INFINITY): void {
    this.remove(key, false);
    const weight = this.options.weigh?.(value) ?? 0;
    this.entries.set(key, { value, weight, expiresAt });
    this.weight += weight;
    const maxWeight = this.options.maxWeight ?? Number.POSITIVE_INFINITY;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.weight <= maxWeight) break;
      if (oldest === key && this.entries.size === 1) break; // a single entry over the weight budget stays
      this.remove(oldest, true);
    }
  }

  delete(key: K): boolean {
    const present = this.get(key) !== undefined;
    this.remove(key, false);
    return present;
  }

  /** The live values, oldest first (a snapshot: the map may change while it is read). */
  values(): V[] {
    const now = (this.options.now ?? Date.now)();
    const live: V[] = [];
    for (const [key, entry] of [...this.entries]) {
      if (entry.expiresAt <= now) this.remove(key, true);
      else live.push(entry.value);
    }
    return live;
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.remove(key, true);
  }

  private remove(key: K, evicted: boolean): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
    if (evicted) this.options.onEvict?.(key, entry.value);
  }
}

/** An append-only list that keeps the newest `max` items, in place (the array's identity never changes). */
export function pushBounded<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}
