import type { MockFile } from '../../core/api.js';
import { checkImage } from '../../core/media.js';
import type { ValidationProblem } from '../../core/validate.js';

/** An uploaded image: its bytes and type, and its `expires_at`. */
export interface Upload extends MockFile {
  readonly expiresAt: string;
}

/** How long an upload lives: its `expires_at`. */
const UPLOAD_TTL_MS = 3_600_000;

/**
 * The upload a multipart `image_data` part makes, and when it expires (ms since the epoch); or, when
 * the part is not an image of the type it is declared as, FastAPI's validation problem for it.
 */
export async function readUpload(
  image: File,
  now: number,
): Promise<{ readonly upload: Upload; readonly expiresAt: number } | { readonly problem: ValidationProblem }> {
  const bytes = new Uint8Array(await image.arrayBuffer());
  const checked = checkImage(image.type, bytes);
  if ('problem' in checked) return { problem: { loc: ['body', 'image_data'], msg: checked.problem, type: 'value_error' } };
  const expiresAt = now + UPLOAD_TTL_MS;
  return { upload: { bytes, type: checked.type, expiresAt: new Date(expiresAt).toISOString() }, expiresAt };
}

/** FastAPI's refusal of an `image_data` field sent as a string, not a file. */
export const NOT_A_FILE = { loc: ['body', 'image_data'], msg: 'Expected UploadFile, received: str', type: 'value_error' } as const;
