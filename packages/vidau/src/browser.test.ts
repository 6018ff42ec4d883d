import { recordingFetch } from '@signet/client-core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createVidauClient, errors } from './index.js';

const credentials = { clientId: 'client-1', authKey: 'vidau-SECRET-key' };

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'document');
});

describe('createVidauClient in a web page', () => {
  it('is refused, since anyone who opens the page could read the authKey and sign as you', () => {
    Object.assign(globalThis, { document: {} });
    let error: unknown;
    try {
      createVidauClient(credentials);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(errors.InvalidRequestError);
    expect(error).toMatchObject({ field: 'dangerouslyAllowBrowser' });
    expect(String(error)).not.toContain(credentials.authKey);
  });

  it('is allowed with dangerouslyAllowBrowser: true, and signs as anywhere else', async () => {
    Object.assign(globalThis, { document: {} });
    const io = recordingFetch([Response.json({ task_id: 'task-1', status: 'success' })]);
    const vidau = createVidauClient({ ...credentials, fetch: io.fetch, dangerouslyAllowBrowser: true });
    await vidau.getTaskInfo('task-1');
    expect(io.requests[0]?.headers.get('authorization')).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('is allowed outside a web page without the option', () => {
    expect(() => createVidauClient(credentials)).not.toThrow();
  });
});
