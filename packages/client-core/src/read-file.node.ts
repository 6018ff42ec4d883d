import * as fs from 'node:fs';
import { InvalidRequestError } from './errors.js';

/**
 * What `#read-file` resolves to under the `node` condition (Node, and Deno and Bun, which honour it
 * for npm packages): the file as a Blob that is read only as it is sent (`fs.openAsBlob`), so an
 * upload never holds the whole file in memory; where that is missing, the file read at once.
 * Browser bundlers never see this file, so they never see `node:fs`.
 */
export async function readImageFile(path: string): Promise<Blob> {
  try {
    // Checked first so that a missing file names its errno; openAsBlob only says it cannot open it.
    await fs.promises.access(path, fs.constants.R_OK);
    return fs.openAsBlob ? await fs.openAsBlob(path) : new Blob([await fs.promises.readFile(path)]);
  } catch (error) {
    throw new InvalidRequestError('image', `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
}
