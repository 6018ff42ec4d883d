import { describe, expectTypeOf, it } from 'vitest';
import type { AvatarVideoTask, TaskInfo, VidauClient } from './index.js';

declare const vidau: VidauClient;
const params = { voice_id: 'v-1', avatar_id: 7, text: 'Hi', language: 'English' };

describe('VidauClient types', () => {
  it('types the create request and response', () => {
    expectTypeOf(vidau.createAvatarVideo({ webhook_url: 'https://example.com/hook', params })).resolves.toEqualTypeOf<AvatarVideoTask>();
    // @ts-expect-error avatar_id is a number
    vidau.createAvatarVideo({ webhook_url: 'https://example.com/hook', params: { ...params, avatar_id: '7' } });
    // @ts-expect-error webhook_url is required
    vidau.createAvatarVideo({ params });
    // @ts-expect-error text is required
    vidau.createAvatarVideo({ webhook_url: 'https://example.com/hook', params: { voice_id: 'v-1', avatar_id: 7, language: 'English' } });
  });

  it('types task info and the raw client', () => {
    expectTypeOf(vidau.getTaskInfo('task-1')).resolves.toEqualTypeOf<TaskInfo>();
    // @ts-expect-error task ids are strings
    vidau.getTaskInfo(1);
    // @ts-expect-error the path is not in the spec
    vidau.raw.POST('/v1.0/task/list', { body: {} });
    // @ts-expect-error task_id is required
    vidau.raw.POST('/v1.0/task/info', { body: {} });
  });
});
