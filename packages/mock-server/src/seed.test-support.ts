// A seed of every API, for the seeding tests (and the CLI's).
import type { MockSeed } from './index.js';

export const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Hello', language: 'English' };

export const SEED = {
  aiuta: {
    uploads: ['user_image-seeded-1'],
    operations: [
      { id: 'sku_op-done', uploaded_image_id: 'user_image-seeded-1', status: 'SUCCESS' },
      { id: 'sku_op-failed', uploaded_image_id: 'model_woman_00', status: 'FAILED' },
    ],
  },
  'aiuta-unified': {
    uploads: ['user_image-seeded-2'],
    skuItems: [
      { sku_id: 'dress-1', product_info: { image_urls: ['https://shop.example/d.jpg'] }, capabilities: { outfit_recommendations: true } },
      { sku_id: 'bag-2', product_info: { uploaded_image_ids: ['user_image-seeded-2'] }, capabilities: { try_on: true } },
    ],
    tryOns: [{ id: 'sku_try_on_op-running', uploaded_image_id: 'user_image-seeded-2', status: 'IN_PROGRESS' }],
  },
  vidau: {
    tasks: [
      { task_id: 'task-done', webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS },
      { task_id: 'task-failed', webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS, status: 'failed' },
      { task_id: 'task-rendering', webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS, status: 'rendering' },
    ],
  },
} satisfies MockSeed;
