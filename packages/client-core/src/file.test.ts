import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type RequestOptions } from './client.js';
import { InvalidRequestError } from './errors.js';
import { type ImageInput, imageUpload, toFile } from './file.js';

interface Paths {
  '/uploads': {
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'multipart/form-data': { image_data: string } } };
      responses: { 201: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } } };
    };
  };
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const JPEG_HEAD = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** A server that answers each request with `statuses` in turn (then 201), keeping each body and when its first bytes came. */
async function uploadServer(statuses: number[] = []) {
  const received: { body: Buffer; type: string }[] = [];
  let firstBytes: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    firstBytes = resolve;
  });
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      firstBytes();
    });
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks), type: request.headers['content-type'] ?? '' });
      const status = statuses[received.length - 1] ?? 201;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `img-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, received, started };
}
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** An upload as the clients send one: the multipart body, prepared when the request goes out. */
function upload(origin: string, image: ImageInput, options: RequestOptions & { filename?: string; contentType?: string } = {}) {
  const api = createApiClient<Paths>({ baseUrl: origin, sleep: async () => {} });
  const call: RequestOptions & { body?: Blob | ReadableStream<Uint8Array> } = { ...options };
  return api.call(call, async (init) => {
    const { body, contentType } = await imageUpload('image_data', image, options);
    call.body = body;
    return api.raw.POST('/uploads', {
      body: { image_data: '' },
      bodySerializer: () => undefined,
      headers: { 'content-type': contentType },
      ...init,
    });
  });
}

/** The one part of a multipart body, as a server reads it. */
async function partOf(received: { body: Buffer; type: string }) {
  const form = await new Response(new Uint8Array(received.body), { headers: { 'content-type': received.type } }).formData();
  const file = form.get('image_data') as File;
  return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

describe('uploads', () => {
  it('sends a path as a file read while it is sent, and sends it whole again on a retry', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'signet-upload-')), 'person.png');
    writeFileSync(path, PNG);
    const { body } = await imageUpload('image_data', path);
    // A Blob backed by the file (fs.openAsBlob), not bytes read in advance.
    expect(body).toBeInstanceOf(Blob);

    const server = await uploadServer([503]);
    expect(await upload(server.origin, path, { retry: true })).toEqual({ id: 'img-2' });
    expect(server.received).toHaveLength(2);
    for (const received of server.received) expect(await partOf(received)).toEqual({ name: 'person.png', type: 'image/png', bytes: PNG });
  });

  it('streams a ReadableStream through toFile: the server has the first bytes before the source has given its last', async () => {
    const server = await uploadServer();
    const chunks = [JPEG_HEAD, new Uint8Array(64 * 1024).fill(7), Uint8Array.of(0xff, 0xd9)];
    let pulled = 0;
    const source = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // The last chunk waits for the server to have received the first: a client that read the
        // whole stream before sending would wait forever, and this times out instead.
        if (pulled === chunks.length - 1)
          await Promise.race([server.started, new Promise((_, reject) => setTimeout(() => reject(new Error('buffered')), 2000))]);
        const chunk = chunks[pulled++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const file = await toFile(source, { filename: 'me "1".jpg' });
    expect(await upload(server.origin, file)).toEqual({ id: 'img-1' });
    const part = await partOf(server.received[0] as { body: Buffer; type: string });
    expect([part.name, part.type, part.bytes.byteLength]).toEqual(['me "1".jpg', 'image/jpeg', 12 + 64 * 1024 + 2]);
  });

  it('sends a stream once: its upload is never retried, even with retry: true', async () => {
    const server = await uploadServer([503]);
    const file = await toFile(new Blob([PNG]).stream());
    const error = await upload(server.origin, file, { retry: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(1);
    expect(() => file.stream()).toThrow(InvalidRequestError);
  });

  it('takes an async iterable, a File, bytes, with the filename and content type given', async () => {
    async function* pieces() {
      yield PNG.subarray(0, 3);
      yield PNG.subarray(3);
    }
    const server = await uploadServer();
    const inputs: [ImageInput, string, string][] = [
      [await toFile(pieces(), { filename: 'a.png' }), 'a.png', 'image/png'],
      [new File([PNG], 'b.png', { type: 'image/png' }), 'b.png', 'image/png'],
      [PNG, 'image.png', 'image/png'],
      [await toFile(PNG, { filename: 'c.raw', contentType: 'application/octet-stream' }), 'c.raw', 'application/octet-stream'],
    ];
    for (const [input] of inputs) await upload(server.origin, input);
    const parts = await Promise.all(server.received.map(partOf));
    expect(parts).toEqual(inputs.map(([, name, type]) => ({ name, type, bytes: PNG })));
  });

  it('refuses what it cannot label, a stream of text, and an empty file, before anything is sent', async () => {
    await expect(toFile(new Blob(['hello world!']).stream())).rejects.toThrow(/not a PNG, JPEG, WebP or HEIC/);
    await expect(toFile(new ReadableStream({ start: (c) => c.enqueue('text' as never) }))).rejects.toThrow(/must yield bytes/);
    await expect(imageUpload('image_data', new Uint8Array())).rejects.toThrow(/is empty/);
  });
});
