import { describe, expect, it } from 'vitest';
import { isTaskFinished, taskOutcome } from './task.js';

describe('taskOutcome', () => {
  it.each([
    [{}, 'executing'],
    [{ status: '0' }, 'executing'],
    [{ status: 'processing', progress_bar: '40' }, 'executing'],
    [{ status: '1', video_url: 'https://cdn/v.mp4' }, 'succeeded'],
    [{ status: 'SUCCESS' }, 'succeeded'],
    [{ task_status: 1 }, 'succeeded'],
    [{ status: '0', video_url: 'https://cdn/v.mp4' }, 'succeeded'],
    [{ video_url: 'https://cdn/v.mp4' }, 'succeeded'],
    [{ status: '2' }, 'failed'],
    [{ task_status: 2 }, 'failed'],
    [{ status: '1', failed_reason: 'avatar not found' }, 'failed'],
    [{ status: '7' }, 'unknown'],
    [{ status: 'paused-by-ops' }, 'unknown'],
  ] as const)('reads %j as %s', (info, outcome) => {
    expect(taskOutcome(info)).toBe(outcome);
  });

  it('lets every outcome but executing end a wait, unknown ones included', () => {
    expect(isTaskFinished({ status: '0' })).toBe(false);
    expect(isTaskFinished({ status: '7' })).toBe(true);
    expect(isTaskFinished({ status: '2' })).toBe(true);
  });
});
