import { readFile } from 'node:fs/promises';
import { InvalidRequestError } from './errors.js';

/**
 * What `#read-file` resolves to under the `node` condition (Node, and Deno and Bun, which honour it
 * for npm packages). Browser bundlers never see this file, so they never see `node:fs`.
 */
export async function readImageFile(path: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new InvalidRequestError('image', `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
}
