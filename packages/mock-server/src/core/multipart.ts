// A tolerant reading of multipart part headers. RFC 7578 writes `name="image_data"`, and the
// platform's parser (`Response.formData()`) refuses anything else; Starlette, under FastAPI, also
// takes a bare token, `name=image_data`, which is what Ktor before 3.5 writes (the Android SDK 4.3.x).

const CRLF_CRLF = [13, 10, 13, 10];
/** Part headers longer than this are not rewritten; the strict parser's refusal stands. */
const MAX_HEADER_BYTES = 16 * 1024;
const BARE_PARAM = /(;[ \t]*)(name|filename)=([^";\r\n]*?)([ \t]*)(?=;|$)/gi;

/** The boundary of a `multipart/form-data` Content-Type, quoted or not. */
function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function indexOf(bytes: Uint8Array, pattern: readonly number[], from: number): number {
  const first = pattern[0];
  for (
    let i = bytes.indexOf(first as number, from);
    i !== -1 && i + pattern.length <= bytes.length;
    i = bytes.indexOf(first as number, i + 1)
  ) {
    let j = 1;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
    if (j === pattern.length) return i;
  }
  return -1;
}

/** Header bytes as text, one character per byte (they are ASCII, or Latin-1 at most), and back. */
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const bytesOf = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);

/** A part's header block with every bare `name=` and `filename=` of its Content-Disposition quoted. */
function quoteHeaders(block: string): string {
  return block.replace(
    /^(content-disposition:)([^\r\n]*)/gim,
    (_line, header: string, value: string) =>
      header +
      value.replace(BARE_PARAM, (_all, lead: string, param: string, bare: string, trail: string) =>
        bare === '' ? `${lead}${param}=${bare}${trail}` : `${lead}${param}="${bare.replace(/\\/g, '\\\\')}"${trail}`,
      ),
  );
}

/**
 * The body with each part's Content-Disposition `name` and `filename` quoted where they were bare,
 * or undefined when there was nothing to quote (or no boundary to find the parts by). Part bodies
 * are copied byte for byte.
 */
export function quoteDispositionParams(body: Uint8Array, contentType: string): Uint8Array | undefined {
  const boundary = boundaryOf(contentType);
  if (boundary === undefined) return undefined;
  const delimiter = Array.from(`--${boundary}\r\n`, (char) => char.charCodeAt(0) & 0xff);
  const pieces: Uint8Array[] = [];
  let copied = 0;
  let changed = false;
  for (let at = indexOf(body, delimiter, 0); at !== -1; at = indexOf(body, delimiter, at + 1)) {
    const start = at + delimiter.length;
    const end = indexOf(body.subarray(0, Math.min(body.length, start + MAX_HEADER_BYTES)), CRLF_CRLF, start);
    if (end === -1) continue;
    const headers = latin1(body.subarray(start, end));
    const quoted = quoteHeaders(headers);
    if (quoted === headers) continue;
    pieces.push(body.subarray(copied, start), bytesOf(quoted));
    copied = end;
    changed = true;
  }
  if (!changed) return undefined;
  pieces.push(body.subarray(copied));
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}
