// What the Studio module's tests share: a mock on a clock of the test's own, and raw calls to it.
import { createMockFetch, MOCK_CREDENTIALS, type MockFetch, type MockOptions } from '../../index.js';

export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
export const FLAT_FRONT = { flat_lay_type: 'flat', viewpoint: 'front' } as const;
export const FLAT_BACK = { flat_lay_type: 'ghost_mannequin', viewpoint: 'back' } as const;
export const STANDING_FRONT = { viewpoint: 'front', pose: 'standing' } as const;
export const WALKING_SIDE = { viewpoint: 'side', pose: 'walking' } as const;
export const PRODUCT = { image_urls: ['https://shop.example/dress.jpg'], title: 'Linen dress' };

/** A JSON answer: status, parsed body (undefined when empty), and the raw text. */
export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read fields of the answer.
  readonly body: any;
  readonly text: string;
}

export interface StudioMock {
  readonly mock: MockFetch;
  /** Moves the mock's clock on. */
  advance(ms: number): void;
  /** A call with the test API key (or `headers` instead); a FormData or JSON body. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Reads a file URL the mock handed out. */
  file(url: string): Promise<{ status: number; bytes: Uint8Array }>;
}

/** A Studio mock whose clock moves only when the test says, with `fetch` wrapped by `wrap` (a conformance check, say). */
export function studioMock(options: MockOptions = {}, wrap: (fetch: MockFetch['fetch']) => MockFetch['fetch'] = (f) => f): StudioMock {
  let clock = Date.parse('2026-07-10T00:00:00Z');
  const mock = createMockFetch({ now: () => clock, ...options });
  const fetch = wrap(mock.fetch);
  const base = mock.baseUrls['aiuta-studio'];
  return {
    mock,
    advance(ms) {
      clock += ms;
    },
    async send(method, path, body, headers = { 'x-api-key': MOCK_CREDENTIALS.aiuta.apiKey }) {
      const form = body instanceof FormData;
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { ...headers, ...(body !== undefined && !form && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: form ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text), text };
    },
    async file(url) {
      const response = await fetch(url);
      return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
    },
  };
}

/** A multipart upload of `bytes` as `image_data`. */
export function imageForm(bytes: Uint8Array = PNG, type = 'image/png'): FormData {
  const form = new FormData();
  form.append('image_data', new Blob([bytes.slice()], { type }), 'product.png');
  return form;
}
