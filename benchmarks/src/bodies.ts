/** The two bodies every signing benchmark uses: a real-sized VidAU create request, and a ~40 KB one. */

import type { CanonicalJsonObject } from '@signet/auth';

export const smallBody: CanonicalJsonObject = {
  webhook_url: 'https://hooks.example.com/vidau/task-finished',
  params: {
    voice_id: 'en-US-JennyNeural',
    avatar_id: 1024,
    text: 'Rain, social services and economic growth',
    language: 'English',
    speed: 1.5,
  },
};

/** Deterministic: the same ~40 KB every run, with nesting, arrays of objects, numbers and non-ASCII text. */
export function largeBody(): CanonicalJsonObject {
  const scenes = Array.from({ length: 221 }, (_, i) => ({
    id: `scene-${i}`,
    duration_ms: 1000 + ((i * 7919) % 5000),
    text: `Scene ${i}: the avatar explains item ${i * 3} — «prix ${((i * 37) % 100) / 4} €».`,
    weights: [i % 3, (i * 5) % 7, 0.5 + (i % 4) / 8],
    overlay: { x: i % 640, y: (i * 3) % 360, label: i % 2 === 0 ? null : `tag-${i}`, visible: i % 5 !== 0 },
  }));
  return {
    webhook_url: 'https://hooks.example.com/vidau/task-finished',
    params: { avatar_id: 1024, language: 'English', voice_id: 'v-1', scenes },
  };
}
