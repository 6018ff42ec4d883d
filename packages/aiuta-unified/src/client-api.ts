// Each client's transport, for what is built over a client rather than on it (`sdkEndpoints`), so
// that an app that does not import those carries none of their code.
import type { ApiClient } from '@signet/client-core';
import type { paths } from './schema.gen.js';

export const clientApis = new WeakMap<object, ApiClient<paths>>();
