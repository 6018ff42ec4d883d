import { describe, expect, it } from 'vitest';
import { quoteDispositionParams } from './multipart.js';

const BOUNDARY = '5f1c0a7e3b2d9c4e8a6f0b1d2c3e4f5a';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
/** Bytes a text decoder would mangle: CR LF, a high byte, and what looks like a header inside the content. */
const IMAGE = Uint8Array.from([0xff, 0xd8, 0x0d, 0x0a, 0x0d, 0x0a, ...new TextEncoder().encode('name=x; '), 0x80, 0xff, 0xd9]);

/** One part as Ktor writes it: its Content-Disposition values joined with "; ", then Content-Type and Content-Length. */
function form(disposition: string, content = IMAGE): Uint8Array {
  const head = `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: image/jpg\r\nContent-Length: ${content.length}\r\n\r\n`;
  const tail = `\r\n--${BOUNDARY}--\r\n`;
  return Uint8Array.from([...new TextEncoder().encode(head), ...content, ...new TextEncoder().encode(tail)]);
}

const parse = (bytes: Uint8Array, type = TYPE) =>
  new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();

describe('quoteDispositionParams', () => {
  it("makes Android 4.3's unquoted name=image_data readable, the part's bytes untouched", async () => {
    const android43 = form('form-data; name=image_data; filename="photo.jpg"');
    await expect(parse(android43)).rejects.toThrow();
    const quoted = quoteDispositionParams(android43, TYPE);
    expect(new TextDecoder().decode(quoted?.subarray(0, 120))).toContain(
      'Content-Disposition: form-data; name="image_data"; filename="photo.jpg"\r\n',
    );
    const image = (await parse(quoted as Uint8Array)).get('image_data') as File;
    expect([image.name, image.type]).toEqual(['photo.jpg', 'image/jpg']);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(IMAGE);
  });

  it('quotes a bare filename, and leaves quoted values, filename* and other headers as they are', async () => {
    const quoted = quoteDispositionParams(form("form-data; name=image_data; filename=my photo.jpg; filename*=UTF-8''my%20photo.jpg"), TYPE);
    expect(new TextDecoder().decode(quoted?.subarray(0, 300))).toContain(
      `Content-Disposition: form-data; name="image_data"; filename="my photo.jpg"; filename*=UTF-8''my%20photo.jpg\r\nContent-Type: image/jpg\r\n`,
    );
    const bareFilename = quoteDispositionParams(form('form-data; name=image_data; filename=my photo.jpg'), TYPE);
    expect(((await parse(bareFilename as Uint8Array)).get('image_data') as File).name).toBe('my photo.jpg');
  });

  it('answers undefined when nothing needs quoting or the boundary is unknown, so the refusal stands', () => {
    expect(quoteDispositionParams(form('form-data; name="image_data"; filename="photo.jpg"'), TYPE)).toBeUndefined();
    expect(quoteDispositionParams(form('form-data; name=image_data'), 'multipart/form-data')).toBeUndefined();
    expect(quoteDispositionParams(form('form-data; name=image_data'), 'multipart/form-data; boundary=other')).toBeUndefined();
    expect(quoteDispositionParams(new TextEncoder().encode('garbage'), TYPE)).toBeUndefined();
  });

  it('takes a quoted boundary in the Content-Type, and every part of the form', async () => {
    const two = new TextEncoder().encode(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name=b\r\n\r\n2\r\n--${BOUNDARY}--\r\n`,
    );
    const quoted = quoteDispositionParams(two, `multipart/form-data; boundary="${BOUNDARY}"`);
    expect(Object.fromEntries(await parse(quoted as Uint8Array))).toEqual({ a: '1', b: '2' });
  });
});
