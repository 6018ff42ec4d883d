// Both Aiuta mocks take a bearer JWT only in its one canonical spelling, and never one dated in the future.
import { issueAiutaJwt } from '@signet/auth';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockFetch, MOCK_CREDENTIALS, type MockFetch } from '../../index.js';

const { jwtSecret: secret, jwtIssuer: issuer } = MOCK_CREDENTIALS.aiuta;
const T0 = 1_795_392_000_000;

let mock: MockFetch | undefined;
afterEach(() => mock?.close());

const TRY_ONS = [
  ['aiuta', '/sku_images_operations'],
  ['aiuta-unified', '/sku_try_on_operations'],
] as const;

/** A mock at T0 whose Unified catalogue holds `sku-1`, ready for try-on, which the Unified try-on requires. */
async function started(): Promise<MockFetch> {
  mock = createMockFetch({ now: () => T0, skuReadiness: { preparingMs: 0 } });
  const created = await mock.fetch(`${mock.baseUrls['aiuta-unified']}/sku_items`, {
    method: 'POST',
    headers: { 'x-api-key': MOCK_CREDENTIALS.aiuta.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ sku_id: 'sku-1', product_info: {}, capabilities: { try_on: true } }),
  });
  await created.body?.cancel();
  return mock;
}

/** Starts a try-on on a predefined model with `token` as the bearer: the status the mock answers. */
async function tryOnWith(server: MockFetch, api: (typeof TRY_ONS)[number][0], path: string, token: string): Promise<number> {
  const response = await server.fetch(`${server.baseUrls[api]}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ uploaded_image_id: 'model_woman_00', sku_ids: ['sku-1'] }),
  });
  await response.body?.cancel();
  return response.status;
}

describe.each(TRY_ONS)('the %s mock and bearer JWTs', (api, path) => {
  const issue = (issuedAt = T0) => issueAiutaJwt({ secret, issuer, expiresInSeconds: 60, now: () => issuedAt });

  it('accepts the genuine token, and refuses its other spellings: padding, and unused bits set', async () => {
    mock = await started();
    const token = await issue();
    expect(await tryOnWith(mock, api, path, token)).toBe(200);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = `${signature.slice(0, -1)}${String.fromCharCode(signature.charCodeAt(42) + 1)}`;
    for (const variant of [`${token}=`, `${header}.${payload}.${altered}`, `${header}=.${payload}.${signature}`]) {
      expect(await tryOnWith(mock, api, path, variant), variant).toBe(401);
    }
  });

  it.each([
    ['10 minutes', 600_000],
    ['one year', 365 * 24 * 3_600_000],
  ])('refuses a token issued %s in the future', async (_when, aheadMs) => {
    mock = await started();
    expect(await tryOnWith(mock, api, path, await issue(T0 + aheadMs))).toBe(401);
  });
});
