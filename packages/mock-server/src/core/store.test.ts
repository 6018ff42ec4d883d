import { describe, expect, it } from 'vitest';
import { BoundedMap, ByteBudget, memoryOf, pushBounded, withinBytes } from './store.js';

const sized = (bytes: number) => ({ bytes: new Uint8Array(bytes), type: 'image/png' });
const fileStore = (budget: ByteBudget, maxEntries = 100) =>
  new BoundedMap<string, { bytes: Uint8Array; type: string }>({ maxEntries, weigh: (file) => file.bytes.byteLength, budget });

describe('one byte budget across stores', () => {
  it('evicts the oldest entries of any store until the stores together fit', () => {
    const budget = new ByteBudget(100);
    const evicted: string[] = [];
    const a = new BoundedMap<string, { bytes: Uint8Array; type: string }>({
      maxEntries: 100,
      weigh: (file) => file.bytes.byteLength,
      budget,
      onEvict: (key) => evicted.push(key),
    });
    const b = fileStore(budget);
    a.set('a1', sized(40));
    b.set('b1', sized(40));
    a.set('a2', sized(15));
    expect(budget.bytes).toBe(95);
    b.set('b2', sized(30)); // 125: a1 (the oldest anywhere) goes
    expect([a.has('a1'), b.has('b1'), a.has('a2'), b.has('b2')]).toEqual([false, true, true, true]);
    expect(evicted).toEqual(['a1']);
    expect(budget.bytes).toBe(85);
    a.delete('a2');
    expect(budget.bytes).toBe(70);
  });

  it('keeps the newest entry even when it alone is over the budget', () => {
    const budget = new ByteBudget(10);
    const store = fileStore(budget);
    store.set('small', sized(5));
    store.set('large', sized(50));
    expect([store.has('small'), store.has('large'), budget.bytes]).toEqual([false, true, 50]);
  });

  it('weighs a record again after it changed in place, keeping its place in the order', () => {
    const budget = new ByteBudget(10_000);
    const records = new BoundedMap<string, { list: string[] }>({ maxEntries: 100, weigh: memoryOf, budget });
    records.set('first', { list: [] });
    records.set('second', { list: [] });
    const before = budget.bytes;
    const first = records.get('first');
    first?.list.push('x'.repeat(9_000));
    records.resize('first');
    expect(budget.bytes).toBeGreaterThan(before + 9_000);
    // Over the budget now: the oldest other entry goes, the resized one stays where it was.
    first?.list.push('y'.repeat(1_000));
    records.resize('first');
    expect(records.values().map((record) => record.list.length)).toEqual([2]);
  });

  it('counts remembered list items too, and drops them from the list when evicted', () => {
    const budget = new ByteBudget(100);
    const log: { n: number }[] = [];
    for (let n = 0; n < 5; n++) pushBounded(log, { n }, 10, { budget, bytes: 30 });
    expect(log.map((item) => item.n)).toEqual([2, 3, 4]);
    expect(budget.bytes).toBe(90);
    for (let n = 5; n < 20; n++) pushBounded(log, { n }, 2, { budget, bytes: 1 });
    expect([log.map((item) => item.n), budget.bytes]).toEqual([[18, 19], 2]);
  });
});

describe('memoryOf and withinBytes', () => {
  it('weighs text by its length (twice beyond Latin-1), containers by their members, at any depth', () => {
    expect(memoryOf('x'.repeat(1000))).toBe(1016);
    expect(memoryOf('密'.repeat(1000))).toBe(2016);
    expect(memoryOf({ a: 'x'.repeat(100) })).toBeGreaterThan(memoryOf({ a: 'x' }) + 98);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(memoryOf(deep)).toBeGreaterThan(2_400_000);
  });

  it('takes items while their sum fits, and always the first one', () => {
    expect(withinBytes([4, 4, 4], 8, (n) => n)).toEqual([4, 4]);
    expect(withinBytes([20, 1], 8, (n) => n)).toEqual([20]);
    expect(withinBytes([], 8, (n) => n)).toEqual([]);
  });
});
