// Loaded before each README example that check-readme.mjs runs (node --import): the mock server as
// MSW handlers at the vendors' own URLs, so an example runs as pasted, with no baseUrl, against the
// mock. Any request to another address fails the example. The credentials the examples read come
// from the environment that check-readme.mjs sets (the mock's fixed test credentials).
import { createMswHandlers } from '@signet/mock-server/msw';
import { setupServer } from 'msw/node';

const mock = createMswHandlers();
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: 'error' });
// The mock keeps timers for webhooks it would deliver: let the example's process end when it is done.
process.once('beforeExit', () => {
  mock.close();
  server.close();
});
