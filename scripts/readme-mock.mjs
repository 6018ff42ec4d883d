// Loaded before each README example that check-readme.mjs runs (node --import): the mock server as
// MSW handlers at the vendors' own URLs, so an example runs as pasted, with no baseUrl, against the
// mock. Any request to another address fails the example. The credentials the examples read come
// from the environment that check-readme.mjs sets (the mock's fixed test credentials).
import { createMswHandlers } from '@signet/mock-server/msw';
import { setupServer } from 'msw/node';

// What the examples name as the reader's own: a catalogue item with try-on ready, and a try-on.
const seed = {
  'aiuta-unified': {
    uploads: ['readme-photo'],
    skuItems: [{ sku_id: 'dress-1', product_info: { image_urls: ['https://shop.example/dress-1.jpg'] }, capabilities: { try_on: true } }],
    tryOns: [{ id: 'sku_try_on_op-1', uploaded_image_id: 'readme-photo', status: 'SUCCESS' }],
  },
};
const mock = createMswHandlers({ seed });
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: 'error' });
// The mock keeps timers for webhooks it would deliver: let the example's process end when it is done.
process.once('beforeExit', () => {
  mock.close();
  server.close();
});
