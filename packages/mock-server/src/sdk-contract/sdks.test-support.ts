// The requests Aiuta's own SDKs send, written from what their sources show (the facts, with the
// files they come from, are in the specs' descriptions and x-jwt-binding): for each SDK, its
// headers, its multipart bytes, what it hands the app's getJwt and how the app passes that on to
// the shop's token endpoint, when it asks for a token again, and how it polls. No vendor code.

/** Where the SDKs send their requests, and the clock their waits advance. */
export interface SdkEnv {
  /** The fetch every request goes through (it records them). */
  readonly fetch: (request: Request) => Promise<Response>;
  /** `https://…/digital-try-on/v1` and `https://…/v1`, served by the mock. */
  readonly digitalTryOn: string;
  readonly unified: string;
  /** The shop's token endpoint (`createAiutaTokenHandler`), and the session cookie its `authorize` reads. */
  readonly tokenUrl: string;
  readonly session: string;
  readonly subscriptionId: string;
  /** Waits `ms` on the test's clock. */
  readonly sleep: (ms: number) => Promise<void>;
}

/** A photo from the phone or the file picker. */
export interface Photo {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** How a try-on ended for the SDK, and the result image URLs it would show. */
export interface TryOnResult {
  readonly status: string;
  readonly images: readonly string[];
}

/** One SDK, as the app holds it: a try-on of one photo with some SKUs, start to end. */
export interface Sdk {
  tryOn(photo: Photo, skuIds: readonly string[]): Promise<TryOnResult>;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw Object.assign(new Error(`${what}: ${response.status} ${text}`), { status: response.status, body: text });
  return JSON.parse(text) as Record<string, unknown>;
}

/** One multipart part as an HTTP stack writes it: its header lines as given, its bytes, the closing boundary. */
function multipart(boundary: string, headerLines: readonly string[], bytes: Uint8Array): Uint8Array {
  const head = utf8(`--${boundary}\r\n${headerLines.map((line) => `${line}\r\n`).join('')}\r\n`);
  const tail = utf8(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + bytes.length + tail.length);
  body.set(head);
  body.set(bytes, head.length);
  body.set(tail, head.length + bytes.length);
  return body;
}

const hex = (length: number) => Array.from({ length }, (_, i) => ((i * 7 + 3) % 16).toString(16)).join('');

/** Polls until the status is final (`pending` lists the ones to wait on), waiting `delays()` before each poll after the first. */
async function pollUntilDone(
  env: SdkEnv,
  poll: () => Promise<Record<string, unknown>>,
  delays: Iterator<number>,
  pending: readonly string[],
): Promise<TryOnResult> {
  for (;;) {
    const operation = await poll();
    const status = String(operation.status);
    if (!pending.includes(status)) {
      const images = (operation.generated_images as { url: string }[] | undefined) ?? [];
      return { status, images: images.map((image) => image.url) };
    }
    const next = delays.next();
    if (next.done) return { status: 'TIMEOUT', images: [] };
    await env.sleep(next.value);
  }
}

/** The mobile SDKs' default schedule (subscription_details' `operation_delays_sequence`): 1 s ×4, 0.5 s ×20, then 3 s. */
function* mobileDelays(): Generator<number> {
  for (let i = 0; i < 4; i++) yield 1000;
  for (let i = 0; i < 20; i++) yield 500;
  for (;;) yield 3000;
}

/**
 * The Web SDK 5.0.5 on the Unified API, in JWT mode: the upload and the polls carry `x-user-id`; each
 * try-on asks getJwt for a token with `{ uploaded_image_id }` only, and starts with the Bearer token
 * alone; polls every 3 s from 3 s on. The shop's getJwt is the docs' demo: POST the params as JSON,
 * here from a page on another origin (`pageOrigin`), so the browser sends a preflight first.
 */
export function webSdk(env: SdkEnv, pageOrigin: string): Sdk {
  const getJwt = async (params: { uploaded_image_id: string }) => {
    const preflight = await env.fetch(
      new Request(env.tokenUrl, {
        method: 'OPTIONS',
        headers: { origin: pageOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      }),
    );
    if (preflight.headers.get('access-control-allow-origin') !== pageOrigin) throw new Error(`CORS preflight refused: ${preflight.status}`);
    const answer = await env.fetch(
      new Request(env.tokenUrl, {
        method: 'POST',
        headers: { origin: pageOrigin, 'content-type': 'application/json', cookie: env.session },
        body: JSON.stringify(params),
      }),
    );
    if (answer.headers.get('access-control-allow-origin') !== pageOrigin) throw new Error('the page may not read the token');
    return String((await json(answer, 'getJwt')).token);
  };
  return {
    async tryOn(photo, skuIds) {
      const form = new FormData();
      form.append('image_data', new File([photo.bytes as Uint8Array<ArrayBuffer>], photo.name, { type: photo.type }));
      const userId = { 'x-user-id': env.subscriptionId };
      const upload = await env.fetch(new Request(`${env.unified}/uploaded_images`, { method: 'POST', headers: userId, body: form }));
      const uploaded = String((await json(upload, 'upload')).id);
      const token = await getJwt({ uploaded_image_id: uploaded });
      const start = await env.fetch(
        new Request(`${env.unified}/sku_try_on_operations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ uploaded_image_id: uploaded, sku_ids: skuIds }),
        }),
      );
      const operationId = String((await json(start, 'try-on')).operation_id);
      await env.sleep(3000);
      const poll = async () =>
        json(await env.fetch(new Request(`${env.unified}/sku_try_on_operations/${operationId}`, { headers: userId })), 'poll');
      return pollUntilDone(
        env,
        poll,
        (function* () {
          for (;;) yield 3000;
        })(),
        ['CREATED', 'IN_PROGRESS', 'PAUSED'],
      );
    },
  };
}

/**
 * The iOS SDK on the Digital Try-On API, in JWT mode: `x-user-id` on everything but the try-on
 * start; the upload as Alamofire writes it (`filename="image.jpg"`, `image/jpeg`); a token per
 * try-on from getJwt(`["sku_ids": "a,b", "uploaded_image_id": …]`), a map of strings with the SKUs
 * joined by commas. The app passes the map on as a JSON body (`post`) or as a query (`query`).
 */
export function iosSdk(env: SdkEnv, tokenRequest: 'post' | 'query'): Sdk {
  const getJwt = async (params: Record<string, string>) => {
    const answer =
      tokenRequest === 'post'
        ? await env.fetch(
            new Request(env.tokenUrl, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: env.session },
              body: JSON.stringify(params),
            }),
          )
        : await env.fetch(new Request(`${env.tokenUrl}?${new URLSearchParams(params)}`, { headers: { cookie: env.session } }));
    return String((await json(answer, 'getJwt')).token);
  };
  return {
    async tryOn(photo, skuIds) {
      const userId = { 'x-user-id': env.subscriptionId };
      const boundary = `alamofire.boundary.${hex(16)}`;
      const body = multipart(
        boundary,
        ['Content-Disposition: form-data; name="image_data"; filename="image.jpg"', 'Content-Type: image/jpeg'],
        photo.bytes,
      );
      const upload = await env.fetch(
        new Request(`${env.digitalTryOn}/uploaded_images`, {
          method: 'POST',
          headers: { ...userId, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
          body: body as Uint8Array<ArrayBuffer>,
        }),
      );
      const uploaded = String((await json(upload, 'upload')).id);
      const token = await getJwt({ sku_ids: skuIds.join(','), uploaded_image_id: uploaded });
      const start = await env.fetch(
        new Request(`${env.digitalTryOn}/sku_images_operations`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ uploaded_image_id: uploaded, sku_ids: skuIds }),
        }),
      );
      const operationId = String((await json(start, 'try-on')).operation_id);
      const poll = async () =>
        json(await env.fetch(new Request(`${env.digitalTryOn}/sku_images_operations/${operationId}`, { headers: userId })), 'poll');
      const delays = mobileDelays();
      await env.sleep(delays.next().value as number);
      return pollUntilDone(env, poll, delays, ['CREATED', 'IN_PROGRESS', 'PAUSED']);
    },
  };
}

/**
 * The Android SDK, 5.0 on the Unified API or 4.3 on the Digital Try-On API: `x-user-id` and
 * `Content-Type: application/json` on every request; the upload as Ktor writes it (3.5 quotes the
 * part's name, 3.4 does not); the Bearer token on the try-on start only. getJwt is handed the
 * serialized try-on body; the SDK keeps the token and reuses it, and asks for a new one (with the
 * body it sent) only after a 401, then sends once more. The app passes the string on as the JSON
 * body (5.0 here) or as one JSON string (4.3 here, as a JSON library serializes a String).
 */
export function androidSdk(env: SdkEnv, version: '5.0' | '4.3'): Sdk & { readonly tokensFetched: () => number } {
  const base = version === '5.0' ? env.unified : env.digitalTryOn;
  const startPath = version === '5.0' ? 'sku_try_on_operations' : 'sku_images_operations';
  const common = { 'x-user-id': env.subscriptionId, 'Content-Type': 'application/json', Accept: 'application/json' };
  let cachedToken: string | undefined;
  let fetched = 0;
  const getJwt = async (params: string) => {
    fetched++;
    const answer = await env.fetch(
      new Request(env.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: env.session },
        body: version === '5.0' ? params : JSON.stringify(params),
      }),
    );
    return String((await json(answer, 'getJWT')).token);
  };
  const start = (body: string, token: string) =>
    env.fetch(new Request(`${base}/${startPath}`, { method: 'POST', headers: { ...common, Authorization: `Bearer ${token}` }, body }));
  return {
    tokensFetched: () => fetched,
    async tryOn(photo, skuIds) {
      const boundary = hex(64);
      const name = version === '5.0' ? '"image_data"' : 'image_data';
      const ext = photo.name.slice(photo.name.lastIndexOf('.') + 1);
      const part = [
        `Content-Disposition: form-data; name=${name}; filename="${photo.name}"`,
        `Content-Type: image/${ext}`,
        `Content-Length: ${photo.bytes.length}`,
      ];
      const upload = await env.fetch(
        new Request(`${base}/uploaded_images`, {
          method: 'POST',
          headers: { ...common, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
          body: multipart(boundary, part, photo.bytes) as Uint8Array<ArrayBuffer>,
        }),
      );
      const uploaded = String((await json(upload, 'upload')).id);
      // kotlinx.serialization writes the properties in declaration order: sku_ids, then uploaded_image_id.
      const body = JSON.stringify({ sku_ids: skuIds, uploaded_image_id: uploaded });
      cachedToken ??= await getJwt(body);
      let started = await start(body, cachedToken);
      if (started.status === 401) {
        await started.body?.cancel();
        cachedToken = await getJwt(body);
        started = await start(body, cachedToken);
      }
      const operationId = String((await json(started, 'try-on')).operation_id);
      const poll = async () => json(await env.fetch(new Request(`${base}/${startPath}/${operationId}`, { headers: common })), 'poll');
      return pollUntilDone(env, poll, mobileDelays(), ['CREATED', 'IN_PROGRESS']);
    },
  };
}
