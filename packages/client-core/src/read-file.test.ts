import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from './errors.js';
import { toFile } from './file.js';
import { readImageFile as readInBrowser } from './read-file.js';
import { readImageFile as readInNode } from './read-file.node.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const dir = mkdtempSync(join(tmpdir(), 'signet-read-file-'));
const path = join(dir, 'person.png');
writeFileSync(path, PNG);

describe('#read-file', () => {
  it('opens a path under the node condition (what file.ts gets in Node, Deno and Bun)', async () => {
    const blob = await readInNode(path);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PNG);
    const file = await toFile(path);
    expect(file).toMatchObject({ name: 'person.png', type: 'image/png' });
  });

  it('refuses a missing file with an InvalidRequestError naming the errno', async () => {
    const error = await readInNode(join(dir, 'missing.png')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ field: 'image', message: expect.stringContaining('ENOENT') });
  });

  it('refuses any path elsewhere (browsers, workers, edge), before anything is sent', async () => {
    const error = await readInBrowser(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ field: 'image', message: expect.stringContaining('a file path can only be read in Node') });
  });
});
