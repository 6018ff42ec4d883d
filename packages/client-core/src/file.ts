// Uploads: a file's bytes with its name and type, sent as a multipart part without being read
// into memory first. The package's imports map gives `#read-file` Node's file opener under the
// `node` condition and a refusal elsewhere.
import { readImageFile } from '#read-file';
import type { ApiClient, ApiPromise, CallInit, DataOf, FetchResult, RequestOptions } from './client.js';
import { InvalidRequestError } from './errors.js';

/**
 * A file to upload with its name and content type: what {@link toFile} returns, and what a `File`
 * already is. A file made from a stream can be read (and so sent) once.
 */
export interface UploadFile {
  readonly name: string;
  readonly type: string;
  stream(): ReadableStream<Uint8Array>;
}

/**
 * An image to upload: bytes, a Blob or File, an {@link UploadFile} (a stream wrapped by
 * `toFile`), or (in Node, Deno and Bun) a file path, which is read as it is sent.
 */
export type ImageInput = Blob | ArrayBuffer | ArrayBufferView | string | UploadFile;

/**
 * How an uploaded image is labelled. The content type is a Blob's own, else read from the first bytes (PNG, JPEG,
 * WebP, HEIC), so most uploads need neither option.
 */
export interface ImageOptions {
  /** Sent as the part's file name. Default the File's or path's name, else `image.<ext>`. */
  readonly filename?: string;
  /** Overrides the type of a Blob or File, or the type read from the bytes; needed only for formats not recognised below. */
  readonly contentType?: string;
}

const SIGNATURES: readonly { type: string; extension: string; matches: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', extension: 'png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', extension: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', extension: 'webp', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { type: 'image/heic', extension: 'heic', matches: (b) => ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|mif1)$/.test(ascii(b, 8, 12)) },
];
/** Enough of a file's start to tell its type by. */
const HEAD_BYTES = 12;

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The name and type to send: as given (or as the Blob says), else the type read from `head`, the file's first bytes. */
function label(head: Uint8Array, name: string | undefined, options: ImageOptions, given?: string): { name: string; type: string } {
  if (head.byteLength === 0) throw new InvalidRequestError('image', 'is empty');
  const known = SIGNATURES.find((signature) => signature.matches(head));
  const type = options.contentType ?? (given || known?.type);
  if (type === undefined) {
    throw new InvalidRequestError('image', 'is not a PNG, JPEG, WebP or HEIC image; pass contentType to send it anyway');
  }
  return { name: options.filename ?? name ?? `image.${known?.extension ?? 'bin'}`, type };
}

/** A file for anything: a path opened to be read as it is sent, bytes copied (so that later changes to them change nothing sent). */
async function fileOf(image: ImageInput, options: ImageOptions): Promise<UploadFile> {
  let blob: Blob;
  if (typeof image === 'string') blob = await readImageFile(image);
  else if (image instanceof Blob) blob = image;
  else if (image instanceof ArrayBuffer) blob = new Blob([image.slice(0)]);
  else if (ArrayBuffer.isView(image)) blob = new Blob([new Uint8Array(image.buffer, image.byteOffset, image.byteLength).slice()]);
  else if (typeof image === 'object' && 'stream' in image)
    return { name: options.filename ?? image.name, type: options.contentType ?? image.type, stream: () => image.stream() };
  else throw new InvalidRequestError('image', 'must be a Blob, an ArrayBuffer, a typed array, a file path or a file from toFile');
  const name = typeof image === 'string' ? image.split(/[\\/]/).pop() : (image as Partial<File>).name;
  const { name: filename, type } = label(new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer()), name, options, blob.type);
  return new File([blob], filename, { type });
}

/** Bun leaves out a file-backed Blob (`Bun.file`, `fs.openAsBlob`) that is a part of another Blob: there, its bytes are read first. */
const IN_BUN = typeof (globalThis as { Bun?: unknown }).Bun === 'object';

/**
 * An image as the whole body of a multipart upload with one part, `field`, and that body's
 * content type. A file, path or bytes become a Blob that is read as it is sent, and again on a
 * retry; a file from a stream becomes a stream, sent once. The part is labelled as
 * {@link ImageOptions} says.
 *
 * @throws InvalidRequestError on `image` for empty or unrecognised bytes, an unreadable file, or a
 *   path outside Node, Deno and Bun. Nothing is sent.
 */
export async function imageUpload(
  field: string,
  image: ImageInput,
  options: ImageOptions = {},
): Promise<{ body: Blob | ReadableStream<Uint8Array>; contentType: string }> {
  const file = await fileOf(image, options);
  const boundary = `signet-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  // Quotes and line breaks escaped as browsers escape them in a form (WHATWG multipart/form-data), so neither name nor type can end its header.
  const [name, type] = [file.name, file.type].map((text) => text.replace(/["\r\n]/g, encodeURIComponent));
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const utf8 = new TextEncoder();
  const body =
    file instanceof Blob
      ? new Blob([head, IN_BUN ? await file.arrayBuffer() : file, tail])
      : file.stream().pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            start: (controller) => controller.enqueue(utf8.encode(head)),
            flush: (controller) => controller.enqueue(utf8.encode(tail)),
          }),
        );
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A call that uploads `image` as the one part, `field`, of a multipart body: `send` makes the
 * typed openapi-fetch call with a placeholder for the typed body, spreading `init`, whose
 * `headers` and `bodySerializer` let the prepared body go out instead. The file is read as the
 * request goes out, and again on a retry (`retry: true`), but a stream, which is sent once.
 *
 * @throws InvalidRequestError (the call rejects, nothing sent) on `image` for empty or
 *   unrecognised bytes, an unreadable file, or a path outside Node, Deno and Bun.
 */
export function imageUploadCall<Paths extends {}, R extends FetchResult>(
  api: ApiClient<Paths>,
  field: string,
  image: ImageInput,
  options: (ImageOptions & RequestOptions) | undefined,
  send: (init: CallInit & { readonly headers: { 'content-type': string }; readonly bodySerializer: () => undefined }) => Promise<R>,
): ApiPromise<DataOf<R>> {
  // `body` is read when the request goes out, once the upload is ready.
  const upload: RequestOptions & { body?: Blob | ReadableStream<Uint8Array> } = { ...options };
  return api.call(upload, async (init) => {
    const { body, contentType } = await imageUpload(field, image, options);
    upload.body = body;
    return send({ ...init, headers: { 'content-type': contentType }, bodySerializer: () => undefined });
  });
}

/**
 * A file to upload, with its name and content type, from whatever holds it: bytes, a Blob or
 * File, a path (read as it is sent, in Node, Deno and Bun), or a `ReadableStream` or async
 * iterable of bytes, such as `fs.createReadStream(…)` or a `fetch` response's `body`. A stream is
 * never read into memory: only its first bytes, to tell its type when `contentType` is not
 * given; the rest is read while the upload is sent. So a file from a stream can be sent once, and
 * an upload of one is never retried (pass a path or a Blob for that).
 *
 * @throws InvalidRequestError on `image` for an empty or unrecognised file, or a stream that
 *   yields something other than bytes.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { toFile } from '@signet/client-core';
 *
 * const file = await toFile(createReadStream('./person.jpg'), { filename: 'person.jpg', contentType: 'image/jpeg' });
 * ```
 */
export async function toFile(
  source: ImageInput | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: ImageOptions = {},
): Promise<UploadFile> {
  if (!(source instanceof ReadableStream || (typeof source === 'object' && Symbol.asyncIterator in source))) return fileOf(source, options);
  const chunks = source instanceof ReadableStream ? chunksOf(source) : source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  for (let size = 0; size < HEAD_BYTES; ) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(bytes(next.value));
    size += (head.at(-1) as Uint8Array).byteLength;
  }
  const first = new Uint8Array(await new Blob(head as BlobPart[]).arrayBuffer());
  const { name, type } = label(first, undefined, options);
  let used = false;
  return {
    name,
    type,
    stream() {
      if (used) throw new InvalidRequestError('image', 'a file from a stream can be read once; pass a path or a Blob to send it again');
      used = true;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = head.shift() ?? (await chunks.next());
          if (next instanceof Uint8Array) controller.enqueue(next);
          else if (next.done) controller.close();
          else controller.enqueue(bytes(next.value));
        },
        cancel: async (reason) => {
          await chunks.return?.(reason);
        },
      });
    },
  };
}

function bytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw new InvalidRequestError('image', 'a stream must yield bytes (Uint8Array or Buffer), not text or objects');
}

/** A ReadableStream's chunks as an async iterator (Safari's streams are not iterable), cancelling the stream if left early. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel();
  }
}
