// What the Unified client's tests share: the vendor's answers, and a client over a recording fetch.
import { apiKeyAuth } from '@signet/auth';
import { recordingFetch } from '@signet/client-core/testing';
import { createAiutaUnifiedClient } from './index.js';

export const BASE = 'https://api.aiuta.com/v1';
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
export const image = { id: 'user_image-1', owner_type: 'user', url: 'https://storage.example/img.png', expires_at: null };
const readiness = { updated_at: '2026-07-10T00:00:00Z', status: 'ready' };
export const skuItem = (skuId: string) => ({
  internal_id: `internal-${skuId}`,
  sku_id: skuId,
  created_at: '2026-07-10T00:00:00Z',
  product_info: { image_urls: [] },
  capabilities: { try_on: true },
  capabilities_readiness: { try_on: readiness, outfit_recommendations: readiness, size_and_fit: readiness },
});
export const tryOn = (status: string) => ({ id: 'op-1', status, error: null, generated_images: [] });
export const flatLay = (status: string) => ({
  id: 'flatlay_op-1',
  status,
  error: null,
  image_type: { flat_lay_type: 'flat', viewpoint: 'front' },
});
export const imageType = { flat_lay_type: 'flat', viewpoint: 'front' } as const;
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
export const withKey = (io: ReturnType<typeof server>) => createAiutaUnifiedClient({ auth: apiKeyAuth('aiuta-key-1'), fetch: io.fetch });
