// What the Studio client's tests share: the vendor's answers, and a client over a recording fetch.
import { recordingFetch } from '@signet/client-core/testing';
import { createAiutaStudioClient } from './index.js';

export const BASE = 'https://api.aiuta.com/studio/v1';
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
export const image = { id: 'user_image-1', owner_type: 'user', url: 'https://storage.example/img.png', expires_at: null };
export const FLAT_FRONT = { flat_lay_type: 'flat', viewpoint: 'front' } as const;
export const STANDING_FRONT = { viewpoint: 'front', pose: 'standing' } as const;
export const PRODUCT = { image_urls: ['https://shop.example/dress.jpg'] };
export const flatLay = (status: string) => ({ id: 'flatlay_op-1', status, error: null, product_info: PRODUCT, image_types: [FLAT_FRONT] });
export const onFigure = (status: string) => ({
  id: 'onfigure_op-1',
  status,
  error: null,
  product_info: PRODUCT,
  image_types: [STANDING_FRONT],
  on_figure_model_preset_id: 'preset-1',
});
export const retryNow = () => new Response(null, { status: 503, headers: { 'retry-after': '0' } });

/** Answers from a script, then with `fallback`; `sent` holds what the client sent. */
export function server(script: Response[] = [], fallback: () => Response = () => Response.json(image)) {
  const io = recordingFetch([...script, fallback]);
  return {
    fetch: io.fetch,
    get sent() {
      return io.requests;
    },
    get lines() {
      return io.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`);
    },
  };
}

/** A client with an API key, sending to `io`. */
export const withKey = (io: ReturnType<typeof server>) => createAiutaStudioClient({ apiKey: 'studio-key-1', fetch: io.fetch });
