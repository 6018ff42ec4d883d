import { mediaType } from './http.js';

/** The image types an upload may be, each known by its first bytes (as the clients read them). */
const IMAGE_SIGNATURES: readonly { readonly type: string; matches(bytes: Uint8Array): boolean }[] = [
  { type: 'image/png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { type: 'image/heic', matches: (b) => ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|mif1)$/.test(ascii(b, 8, 12)) },
];

/**
 * What a part says when it declares no type of its own: nothing, the generic binary type, or
 * `text/plain`, which a form parser reports for a file part without a Content-Type (Python's
 * requests sends none). The bytes decide then.
 */
const UNDECLARED: ReadonlySet<string> = new Set(['', 'application/octet-stream', 'text/plain']);

/** Other names senders give the same types. */
const ALIASES: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/heif': 'image/heic' };

/** What the core serves under its own type; anything else goes out as `application/octet-stream`. */
const SERVED_AS_IS: ReadonlySet<string> = new Set([...IMAGE_SIGNATURES.map(({ type }) => type), 'video/mp4']);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The image type `bytes` begin with, or undefined when they are no PNG, JPEG, WebP or HEIC image. */
export function sniffImage(bytes: Uint8Array): string | undefined {
  return IMAGE_SIGNATURES.find((signature) => signature.matches(bytes))?.type;
}

/**
 * An uploaded file checked as an image: its type as read from its bytes, when they are a PNG, JPEG,
 * WebP or HEIC image and the type the sender declared (if it declared one: see UNDECLARED) names
 * the same; otherwise why not. A module stores the file under
 * the type returned, never the declared one: an upload is never served back as HTML or script.
 */
export function checkImage(declared: string, bytes: Uint8Array): { readonly type: string } | { readonly problem: string } {
  const type = sniffImage(bytes);
  if (type === undefined) return { problem: 'The file is not a PNG, JPEG, WebP or HEIC image' };
  const given = mediaType(declared);
  if (!UNDECLARED.has(given) && (ALIASES[given] ?? given) !== type) {
    return { problem: `The file is declared as ${given.slice(0, 100)} but is ${type}` };
  }
  return { type };
}

/**
 * The headers of a file the core serves: its type when it is one the mock hands out (an image, a
 * video), else `application/octet-stream`, and `nosniff` so that no browser reads it as anything
 * else, whatever its bytes.
 */
export function fileHeaders(type: string): Record<string, string> {
  return {
    'content-type': SERVED_AS_IS.has(mediaType(type)) ? type : 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}
