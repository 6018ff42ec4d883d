import type { MockFile } from '../../core/api.js';

/** An uploaded image: its bytes and type, and its `expires_at`. */
export interface Upload extends MockFile {
  readonly expiresAt: string;
}

/** How long an upload lives: its `expires_at`. */
const UPLOAD_TTL_MS = 3_600_000;

/** The upload a multipart `image_data` part makes, and when it expires (ms since the epoch). */
export async function readUpload(image: File, now: number): Promise<{ readonly upload: Upload; readonly expiresAt: number }> {
  const expiresAt = now + UPLOAD_TTL_MS;
  const upload: Upload = {
    bytes: new Uint8Array(await image.arrayBuffer()),
    type: image.type || 'image/png',
    expiresAt: new Date(expiresAt).toISOString(),
  };
  return { upload, expiresAt };
}

/** FastAPI's refusal of an `image_data` field sent as a string, not a file. */
export const NOT_A_FILE = { loc: ['body', 'image_data'], msg: 'Expected UploadFile, received: str', type: 'value_error' } as const;
