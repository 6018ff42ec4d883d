import type { MockFile } from '../core/api.js';

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A 1×1 grey PNG, the stand-in for every image the mock has no bytes for. */
export const PLACEHOLDER_PNG: MockFile = {
  type: 'image/png',
  bytes: fromBase64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=='),
};

/** A 1×1 JPEG, for video thumbnails. */
export const PLACEHOLDER_JPEG: MockFile = {
  type: 'image/jpeg',
  bytes: fromBase64(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  ),
};

/** An MP4 holding only its `ftyp` box: recognisably a video file, with nothing to play. */
export const PLACEHOLDER_MP4: MockFile = {
  type: 'video/mp4',
  bytes: Uint8Array.from([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypisom'), 0, 0, 2, 0, ...new TextEncoder().encode('isomiso2')]),
};
