// The token handler as the vendor's SDKs reach it: each SDK's parameters in the form it hands them to
// the app's getJwt, fields a later SDK release may add, and pages on another origin (CORS).
import { describe, expect, it } from 'vitest';
import { createAiutaTokenHandler } from './token-handler.js';
import { claimsOf, expectRefusal, issuer, NOW, post, secret, setup, URL_ } from './token-handler.test-support.js';

const SHOP = 'https://shop.example';

describe("createAiutaTokenHandler: each SDK's parameters, one meaning", () => {
  const bound = { uploaded_image_id: 'user_image-1', sku_ids: ['sku-1', 'sku-2'], iss: issuer, iat: NOW / 1000, exp: NOW / 1000 + 60 };

  it("binds iOS's comma-joined sku_ids as the list Android and the API send, as JSON or as a query", async () => {
    const { handler, seen } = setup();
    const asArray = await claimsOf(await handler(post({ sku_ids: ['sku-1', 'sku-2'], uploaded_image_id: 'user_image-1' })));
    const asJson = await claimsOf(await handler(post({ sku_ids: 'sku-1,sku-2', uploaded_image_id: 'user_image-1' })));
    const asQuery = await claimsOf(
      await handler(new Request(`${URL_}?sku_ids=sku-1%2Csku-2&uploaded_image_id=user_image-1`, { headers: { cookie: 'session=ok' } })),
    );
    expect([asArray, asJson, asQuery]).toEqual([bound, bound, bound]);
    // authorize sees the same list whatever the form.
    expect(seen.map((params) => params.sku_ids)).toEqual([
      ['sku-1', 'sku-2'],
      ['sku-1', 'sku-2'],
      ['sku-1', 'sku-2'],
    ]);
  });

  it('binds one SKU, which iOS also sends as a string, as a list of one', async () => {
    const { handler } = setup();
    expect(await claimsOf(await handler(post({ sku_ids: 'sku-1', uploaded_image_id: 'u' })))).toMatchObject({ sku_ids: ['sku-1'] });
  });

  it("binds Android's serialized try-on body, sent as the JSON body or as one JSON string holding it", async () => {
    const { handler } = setup();
    const androidBody = JSON.stringify({ sku_ids: ['sku-1', 'sku-2'], uploaded_image_id: 'user_image-1' });
    expect(await claimsOf(await handler(post(androidBody)))).toEqual(bound);
    expect(await claimsOf(await handler(post(JSON.stringify(androidBody))))).toEqual(bound);
  });

  it("refuses a field it does not bind by default, and with unknownParams: 'ignore' leaves it out of the token", async () => {
    const body = { uploaded_image_id: 'u', sku_ids: ['a'], sku_catalog_name: 'main', exp: 9_999_999_999 };
    const strict = setup().handler;
    expect(await expectRefusal(await strict(post(body)), 400, 'invalid_request')).toMatch(/unknown parameter "sku_catalog_name"/);
    const { handler, seen } = setup({ unknownParams: 'ignore', bind: ['uploaded_image_id', 'sku_id'] });
    const claims = await claimsOf(await handler(post(body)));
    // Neither the unknown field, nor a known one left out of `bind`, nor a claim name gets in.
    expect(claims).toEqual({ uploaded_image_id: 'u', iss: issuer, iat: NOW / 1000, exp: NOW / 1000 + 60 });
    expect(seen).toEqual([{ uploaded_image_id: 'u' }]);
    await expectRefusal(await handler(post({ uploaded_image_id: 7, extra: 1 })), 400, 'invalid_request');
  });

  it('refuses an unknownParams setting it does not know, at start-up', () => {
    expect(() => createAiutaTokenHandler({ secret, issuer, authorize: () => true, unknownParams: 'allow' as never })).toThrowError(
      /unknownParams/,
    );
  });
});

describe('createAiutaTokenHandler: pages on another origin (allowedOrigins)', () => {
  const preflightFrom = (origin: string, headers = 'content-type') =>
    new Request(URL_, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
    });

  it('answers a listed origin’s preflight 204 with the methods, the asked headers and credentials', async () => {
    const { handler } = setup({ allowedOrigins: [SHOP] });
    const response = await handler(preflightFrom(SHOP, 'content-type, x-session'));
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': SHOP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type, x-session',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    // A header list that is not one is not reflected.
    const odd = await handler(preflightFrom(SHOP, 'content-type; x-injected=1'));
    expect([odd.status, odd.headers.get('access-control-allow-headers')]).toEqual([204, null]);
  });

  it('answers any other origin’s preflight 403 without allowing it, and a preflight with CORS off 405', async () => {
    const { handler } = setup({ allowedOrigins: [SHOP] });
    const other = await handler(preflightFrom('https://evil.example'));
    await expectRefusal(other.clone(), 403, 'forbidden');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const off = await setup().handler(preflightFrom(SHOP));
    expect([off.status, off.headers.get('allow'), off.headers.get('access-control-allow-origin')]).toEqual([405, 'GET, POST', null]);
  });

  it('lets a listed origin read the token and the refusals, and no other origin', async () => {
    const { handler } = setup({ allowedOrigins: [SHOP, 'http://localhost:5173'] });
    const fromShop = await handler(post({ uploaded_image_id: 'u' }, { origin: SHOP }));
    expect([fromShop.headers.get('access-control-allow-origin'), fromShop.headers.get('access-control-allow-credentials')]).toEqual([
      SHOP,
      'true',
    ]);
    expect(await claimsOf(fromShop)).toMatchObject({ uploaded_image_id: 'u' });
    const refused = await handler(post({ uploaded_image_id: 'u' }, { origin: 'http://localhost:5173', cookie: '' }));
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    await expectRefusal(refused, 401, 'unauthenticated');
    const fromElsewhere = await handler(post({ uploaded_image_id: 'u' }, { origin: 'https://shop.example.evil' }));
    expect([fromElsewhere.headers.get('access-control-allow-origin'), fromElsewhere.headers.get('vary')]).toEqual([null, 'Origin']);
  });

  it.each([
    ['a path', 'https://shop.example/'],
    ['a wildcard', '*'],
    ['upper case', 'https://Shop.example'],
    ['"null"', 'null'],
    ['not a string', 42],
  ])('refuses an allowed origin with %s at start-up', (_what, origin) => {
    expect(() => createAiutaTokenHandler({ secret, issuer, authorize: () => true, allowedOrigins: [origin as string] })).toThrowError(
      /allowedOrigins\[0\]/,
    );
  });
});
