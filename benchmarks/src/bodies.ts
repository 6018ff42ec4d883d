/** The bodies every signing benchmark uses: a real-sized VidAU create request, and the same shape scaled from 2 KB to 6 MB. */

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

/**
 * Deterministic: `count` scenes with nesting, arrays of objects, integers and decimals, a null
 * member in every other scene (which the java dialect drops) and non-ASCII text (which the python
 * dialect escapes). 10 scenes are about 2 KB, 221 about 40 KB, 5,500 about 1 MB, 33,000 about 6 MB.
 */
export function scenesBody(count: number): CanonicalJsonObject {
  const scenes = Array.from({ length: count }, (_, i) => ({
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

/** The ~40 KB body of earlier runs (221 scenes). */
export const largeBody = () => scenesBody(221);
