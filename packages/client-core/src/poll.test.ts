import { describe, expect, it } from 'vitest';
import { AbortedError, PollTimeoutError } from './errors.js';
import { defaultPollInterval, poll } from './poll.js';

function fakeClock() {
  let time = 0;
  const sleep = async (ms: number) => {
    time += ms;
  };
  return { now: () => time, sleep, elapsed: () => time };
}

describe('poll', () => {
  it('reads until final, reporting each state, with growing intervals', async () => {
    const clock = fakeClock();
    const states = ['CREATED', 'IN_PROGRESS', 'IN_PROGRESS', 'SUCCESS'];
    const seen: string[] = [];
    const final = await poll(
      async () => states[seen.length] ?? 'SUCCESS',
      (s) => s === 'SUCCESS',
      { ...clock, onProgress: (s) => seen.push(s) },
    );
    expect(final).toBe('SUCCESS');
    expect(seen).toEqual(states);
    expect(clock.elapsed()).toBe(defaultPollInterval(0) + defaultPollInterval(1) + defaultPollInterval(2));
    expect([0, 1, 2, 10].map(defaultPollInterval)).toEqual([1000, 1500, 2250, 5000]);
  });

  it('gives up with PollTimeoutError carrying the last state', async () => {
    const clock = fakeClock();
    const failure = poll(
      async () => 'IN_PROGRESS',
      () => false,
      { ...clock, timeoutMs: 10_000 },
    );
    await expect(failure).rejects.toBeInstanceOf(PollTimeoutError);
    await expect(failure).rejects.toMatchObject({ timeoutMs: 10_000, last: 'IN_PROGRESS' });
    expect(clock.elapsed()).toBeLessThanOrEqual(10_000);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const waiting = poll(
      async () => 'IN_PROGRESS',
      () => false,
      { signal: controller.signal, intervalMs: () => 10 },
    );
    setTimeout(() => controller.abort(), 25);
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
  });
});
