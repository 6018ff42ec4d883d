import { InvalidRequestError } from './errors.js';

/**
 * What `#read-file` resolves to outside Node, Deno and Bun (browsers, workers, edge runtimes):
 * there is no file system to read, so a path is refused before anything is sent.
 */
export async function readImageFile(_path: string): Promise<Blob> {
  throw new InvalidRequestError('image', 'a file path can only be read in Node; pass a Blob, File, ArrayBuffer or Uint8Array');
}
