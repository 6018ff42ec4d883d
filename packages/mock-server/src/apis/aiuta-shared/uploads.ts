import type { MockFile } from '../../core/api.js';
import { checkImage } from '../../core/media.js';
import type { ValidationProblem } from '../../core/validate.js';

/** An uploaded image: its bytes and type, and its `expires_at`. */
export interface Upload extends MockFile {
  readonly expiresAt: string;
}

/** How long an upload lives: its `expires_at`. */
const UPLOAD_TTL_MS = 3_600_000;

/** FastAPI's refusal of an `image_data` field sent as a string, not a file. */
const NOT_A_FILE = { loc: ['body', 'image_data'], msg: 'Expected UploadFile, received: str', type: 'value_error' } as const;

/**
 * Stores a multipart `image_data` field as a new upload under a fresh `user_image-` id, as each
 * Aiuta API's upload endpoint does; or, when the field is no file, or not an image of the type it
 * is declared as, FastAPI's validation problem for it.
 */
export async function storeUpload(
  image: unknown,
  state: { now(): number; readonly uploads: { set(id: string, upload: Upload, expiresAt: number): unknown } },
): Promise<{ readonly id: string; readonly upload: Upload } | { readonly problem: ValidationProblem }> {
  if (!(image instanceof File)) return { problem: NOT_A_FILE };
  const bytes = new Uint8Array(await image.arrayBuffer());
  const checked = checkImage(image.type, bytes);
  if ('problem' in checked) return { problem: { loc: ['body', 'image_data'], msg: checked.problem, type: 'value_error' } };
  const expiresAt = state.now() + UPLOAD_TTL_MS;
  const upload = { bytes, type: checked.type, expiresAt: new Date(expiresAt).toISOString() };
  const id = `user_image-${crypto.randomUUID()}`;
  state.uploads.set(id, upload, expiresAt);
  return { id, upload };
}
