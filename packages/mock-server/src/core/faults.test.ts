import { describe, expect, it } from 'vitest';
import { breakageOf, broken, checkFault, type Fault, FaultQueue } from './faults.js';

const OPERATIONS = new Map([['toy', new Set(['getNote', 'addNote'])]]);

/** Which of `n` requests to `getNote` the queue hits. */
function hits(queue: FaultQueue, n: number): number[] {
  const hit: number[] = [];
  for (let i = 0; i < n; i++) if (queue.take('toy', 'getNote') !== undefined) hit.push(i);
  return hit;
}

describe('FaultQueue', () => {
  it('hits the first matching fault, as many times as it says, scoped to an API and an operation', () => {
    const queue = new FaultQueue([
      { api: 'toy', operationId: 'addNote', status: 500 },
      { api: 'toy', status: 503, times: 2 },
      { api: 'other', status: 502 },
    ]);
    expect(queue.take('toy', 'getNote')?.fault.status).toBe(503);
    expect(queue.take('toy', 'addNote')?.fault.status).toBe(500);
    expect(queue.take('toy', undefined)?.fault.status).toBe(503);
    expect(queue.take('toy', 'getNote')).toBeUndefined();
    expect(queue.list()).toEqual([{ api: 'other', status: 502 }]);
    queue.clear();
    expect(queue.size).toBe(0);
  });

  it('hits a seeded share of the requests: the same seed the same ones, another seed others', () => {
    const run = (seed: number) => hits(new FaultQueue([{ api: 'toy', status: 503, rate: 0.3, seed }]), 200);
    const first = run(7);
    expect(run(7)).toEqual(first);
    expect(run(8)).not.toEqual(first);
    // Unlimited with a rate, and about the share asked for.
    expect(first.length).toBeGreaterThan(40);
    expect(first.length).toBeLessThan(80);
    expect(hits(new FaultQueue([{ status: 503, rate: 0 }]), 50)).toEqual([]);
    expect(hits(new FaultQueue([{ status: 503, rate: 0.5, times: 3 }]), 50)).toHaveLength(3);
  });

  it('draws a delay from a range, within it and repeatably', () => {
    const delays = (seed: number) => {
      const queue = new FaultQueue([{ delayMs: [10, 20], times: 100, seed }]);
      return Array.from({ length: 100 }, () => queue.take('toy', 'getNote')?.delayMs ?? -1);
    };
    const drawn = delays(3);
    expect(Math.min(...drawn)).toBe(10);
    expect(Math.max(...drawn)).toBe(20);
    expect(delays(3)).toEqual(drawn);
    expect(new FaultQueue([{ delayMs: 5 }]).take('toy', undefined)?.delayMs).toBe(5);
  });
});

describe('checkFault', () => {
  it.each<[Fault, string]>([
    [{ api: 'nope', status: 500 }, 'api'],
    [{ api: 'toy', operationId: 'nope', status: 500 }, 'operationId'],
    [{ operationId: 'getNote', status: 500 }, 'operationId'],
    [{ status: 99 }, 'status'],
    [{ status: 503.5 }, 'status'],
    [{ kind: 'explode' as 'reset' }, 'kind'],
    [{ kind: 'reset', status: 500 }, 'kind'],
    [{ delayMs: -1 }, 'delayMs'],
    [{ delayMs: [20, 10] }, 'delayMs'],
    [{ delayMs: 600_001 }, 'delayMs'],
    [{ status: 500, rate: 1.5 }, 'rate'],
    [{ status: 500, seed: 0.5 }, 'seed'],
    [{ status: 500, times: 0 }, 'times'],
    [{ api: 'toy' }, 'fault'],
  ])('refuses %j, naming %s', (fault, field) => {
    expect(() => checkFault(fault, OPERATIONS)).toThrowError(expect.objectContaining({ code: 'ERR_INVALID_REQUEST', field }));
  });

  it('accepts every kind, a delay range, a rate and unlimited times', () => {
    for (const kind of ['reset', 'stall', 'truncate', 'malformed-json'] as const)
      expect(() => checkFault({ kind }, OPERATIONS)).not.toThrow();
    expect(() =>
      checkFault({ api: 'toy', delayMs: [0, 100], rate: 0.5, seed: 3, times: Number.POSITIVE_INFINITY }, OPERATIONS),
    ).not.toThrow();
  });
});

describe('broken', () => {
  it('marks how the wire breaks, and turns a JSON answer into a body no JSON parser accepts', () => {
    const answer = { status: 200, headers: { etag: 'x' }, body: { id: 'abc', list: [1, 2, 3] } };
    expect(breakageOf(broken({ fault: { kind: 'stall' }, delayMs: 0 }, answer))).toBe('stall');
    expect(breakageOf(broken({ fault: { kind: 'truncate' }, delayMs: 0 }, answer))).toBe('truncate');
    expect(breakageOf(broken({ fault: { delayMs: 5 }, delayMs: 5 }, answer))).toBeUndefined();
    for (const body of [answer.body, 1, 'text', null, [], true]) {
      const malformed = broken({ fault: { kind: 'malformed-json' }, delayMs: 0 }, { ...answer, body });
      expect(malformed).toMatchObject({ status: 200, headers: { etag: 'x', 'content-type': 'application/json' } });
      expect(() => JSON.parse(new TextDecoder().decode(malformed.body as Uint8Array))).toThrow(SyntaxError);
    }
  });
});
