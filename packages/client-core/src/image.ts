// The package's imports map: Node's file reader under the `node` condition, a refusal elsewhere.
import { readImageFile } from '#read-file';
import { InvalidRequestError } from './errors.js';

/** An image to upload: bytes, a Blob or File, or (in Node, Deno and Bun) a file path. */
export type ImageInput = Blob | ArrayBuffer | ArrayBufferView | string;

/**
 * How an uploaded image is labelled. The content type is read from the bytes (PNG, JPEG, WebP,
 * HEIC), so most uploads need neither option.
 */
export interface ImageOptions {
  /** Sent as the part's file name. Default `image.<ext>` (or the path's base name). */
  readonly filename?: string;
  /** Overrides the type read from the bytes; needed only for formats not recognised below. */
  readonly contentType?: string;
}

const SIGNATURES: readonly { type: string; extension: string; matches: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', extension: 'png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', extension: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', extension: 'webp', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { type: 'image/heic', extension: 'heic', matches: (b) => ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|mif1)$/.test(ascii(b, 8, 12)) },
];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

async function bytesOf(image: ImageInput): Promise<{ bytes: Uint8Array<ArrayBuffer>; name: string | undefined }> {
  if (typeof image === 'string') return { bytes: await readImageFile(image), name: image.split(/[\\/]/).pop() };
  if (image instanceof Blob)
    return { bytes: new Uint8Array(await image.arrayBuffer()), name: 'name' in image ? String(image.name) : undefined };
  if (image instanceof ArrayBuffer) return { bytes: new Uint8Array(image.slice(0)), name: undefined };
  if (ArrayBuffer.isView(image))
    return { bytes: Uint8Array.from(new Uint8Array(image.buffer, image.byteOffset, image.byteLength)), name: undefined };
  throw new InvalidRequestError('image', 'must be a Blob, an ArrayBuffer, a typed array or a file path');
}

/**
 * An image as one part of a multipart upload: its bytes as a Blob typed from their signature (PNG,
 * JPEG, WebP, HEIC) unless `contentType` is given, and a file name (`filename`, the path's base
 * name, or `image.<ext>`). A path is read in Node, Deno and Bun only.
 *
 * @throws InvalidRequestError on `image` for empty or unrecognised bytes, an unreadable file, or a
 *   path elsewhere; nothing is sent.
 *
 * @example
 * ```ts
 * import { imagePart } from '@signet/client-core';
 *
 * const { blob, filename } = await imagePart('./person.jpg');
 * const form = new FormData();
 * form.append('image_data', blob, filename);
 * ```
 */
export async function imagePart(image: ImageInput, options: ImageOptions = {}): Promise<{ blob: Blob; filename: string }> {
  const { bytes, name } = await bytesOf(image);
  if (bytes.byteLength === 0) throw new InvalidRequestError('image', 'is empty');
  const known = SIGNATURES.find((signature) => signature.matches(bytes));
  const type = options.contentType ?? known?.type;
  if (type === undefined) {
    throw new InvalidRequestError('image', 'is not a PNG, JPEG, WebP or HEIC image; pass contentType to send it anyway');
  }
  return { blob: new Blob([bytes], { type }), filename: options.filename ?? name ?? `image.${known?.extension ?? 'bin'}` };
}
