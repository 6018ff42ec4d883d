/**
 * One byte budget shared by every store of a mock instance (and its webhook log): when together
 * they hold more than `maxBytes`, the oldest entries, whichever store holds them, are evicted
 * until the rest fits. The newest entry always stays, so a store is never left unable to answer
 * for what it was just given; memory stays within the budget plus that one entry.
 */
export class ByteBudget {
  private held = 0;
  /** Every holder, oldest first, with its bytes and how to evict it. */
  private readonly holders = new Map<object, { bytes: number; readonly evict: () => void }>();

  constructor(readonly maxBytes: number) {}

  /** The bytes held now. */
  get bytes(): number {
    return this.held;
  }

  /** Records `bytes` for `holder` as the newest entry; `evict` drops it (and must `release` it). Then makes room. */
  hold(holder: object, bytes: number, evict: () => void): void {
    this.release(holder);
    this.holders.set(holder, { bytes, evict });
    this.held += bytes;
    this.fit(holder);
  }

  /** Changes what `holder` weighs, keeping its place in the order; then makes room. */
  resize(holder: object, bytes: number): void {
    const entry = this.holders.get(holder);
    if (entry === undefined) return;
    this.held += bytes - entry.bytes;
    entry.bytes = bytes;
    this.fit(holder);
  }

  release(holder: object): void {
    const entry = this.holders.get(holder);
    if (entry === undefined) return;
    this.holders.delete(holder);
    this.held -= entry.bytes;
  }

  private fit(keep: object): void {
    // A Map iterates in insertion order and tolerates deletion while it is iterated.
    for (const [holder, { evict }] of this.holders) {
      if (this.held <= this.maxBytes) return;
      if (holder !== keep) evict();
    }
  }
}

/** Roughly what a value takes in memory, in bytes, read as JSON would read it (for weighing records). */
export function memoryOf(value: unknown): number {
  let bytes = 0;
  const pending: unknown[] = [value];
  // A stack, not recursion: a value of any depth is weighed.
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') bytes += 16 + (LATIN1.test(item) ? item.length : 2 * item.length);
    else if (item === null || typeof item !== 'object') bytes += 16;
    else if (Array.isArray(item)) {
      bytes += 16 + 8 * item.length;
      for (const element of item) pending.push(element);
    } else if (!(item instanceof Map || item instanceof Set)) {
      bytes += 32;
      for (const [key, member] of Object.entries(item)) {
        bytes += 24 + key.length;
        pending.push(member);
      }
    } else bytes += 32 + 48 * item.size;
  }
  return bytes;
}

const LATIN1 = /^[\u0000-\u00ff]*$/;

/** Most bytes (as {@link memoryOf} weighs them) one page of a list answer holds, its first item aside. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/**
 * The first items, in order, whose weights sum to at most `maxBytes`, and always the first one:
 * a page bounded in bytes that still moves on, however large one item is.
 */
export function withinBytes<T>(items: readonly T[], maxBytes: number, weigh: (item: T) => number = memoryOf): T[] {
  let total = 0;
  const page: T[] = [];
  for (const item of items) {
    total += weigh(item);
    if (page.length > 0 && total > maxBytes) break;
    page.push(item);
  }
  return page;
}

/**
 * A Map that keeps at most `maxEntries` entries and `maxWeight` total weight, dropping the oldest
 * first, and forgets entries whose `expiresAt` has passed. With a `budget`, every entry also counts
 * against the byte budget the instance's stores share. Every store of a mock is one of these, so a
 * long-running mock's memory stays bounded however many requests it answers.
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
      readonly budget?: ByteBudget;
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
    const entry = { value, weight, expiresAt };
    this.entries.set(key, entry);
    this.weight += weight;
    this.options.budget?.hold(entry, weight, () => this.remove(key, true));
    this.fit(key);
  }

  /** Weighs the value under `key` again after it changed in place; it keeps its place in the order. */
  resize(key: K): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    const weight = this.options.weigh?.(entry.value) ?? 0;
    this.weight += weight - entry.weight;
    entry.weight = weight;
    this.options.budget?.resize(entry, weight);
    this.fit(key);
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

  /** Drops the oldest entries, `key` aside, until the count and weight caps hold. */
  private fit(key: K): void {
    const maxWeight = this.options.maxWeight ?? Number.POSITIVE_INFINITY;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.weight <= maxWeight) break;
      if (oldest !== key) this.remove(oldest, true);
    }
  }

  private remove(key: K, evicted: boolean): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
    this.options.budget?.release(entry);
    if (evicted) this.options.onEvict?.(key, entry.value);
  }
}

/**
 * An append-only list that keeps the newest `max` items, in place (the array's identity never
 * changes); with a `budget`, each item also counts its `bytes` against it and leaves the list when
 * the budget evicts it.
 */
export function pushBounded<T extends object>(
  list: T[],
  item: T,
  max: number,
  budget?: { readonly budget: ByteBudget; readonly bytes: number },
): void {
  list.push(item);
  if (list.length > max) for (const dropped of list.splice(0, list.length - max)) budget?.budget.release(dropped);
  budget?.budget.hold(item, budget.bytes, () => {
    const at = list.indexOf(item);
    if (at >= 0) list.splice(at, 1);
    budget.budget.release(item);
  });
}
