import { describe, expect, it } from 'vitest';
import { InvalidCredentialsError } from '../errors.js';
import { observedClient } from '../observed-client.test-support.js';
import { apiKeyAuth, userIdAuth } from './headers.js';

describe('apiKeyAuth and userIdAuth', () => {
  it('set X-API-Key and x-user-id on every request', async () => {
    const { client, sent } = observedClient();
    client.use(apiKeyAuth('aiuta-api-key-123'), userIdAuth('66ec1726e728c1405e5ebca2'));
    await client.GET('/status');
    expect(sent[0]?.headers.get('x-api-key')).toBe('aiuta-api-key-123');
    expect(sent[0]?.headers.get('x-user-id')).toBe('66ec1726e728c1405e5ebca2');
  });

  it.each(['', 'key with space', 'key\r\nx-evil: 1', 'kéy'])('refuses %j up front without echoing it', (bad) => {
    expect(() => apiKeyAuth(bad)).toThrowError(InvalidCredentialsError);
    try {
      apiKeyAuth(bad);
    } catch (error) {
      if (bad !== '') expect((error as Error).message).not.toContain(bad);
    }
  });
});
