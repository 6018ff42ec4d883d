// Every part of the Aiuta specs that the vendor's published OpenAPI documents do not state is marked
// `x-unverified`: an operation, a response status, a response header, a security scheme.
import { describe, expect, it } from 'vitest';
import { spec as aiutaSpec } from './apis/aiuta/spec.gen.js';
import { spec as unifiedSpec } from './apis/aiuta-unified/spec.gen.js';
import { HTTP_METHODS, type OpenApiDocument } from './core/openapi.js';

/** What a vendor's document states, as facts: each operation's documented statuses, and its schemes. */
interface VendorFacts {
  /** Our names of the schemes the vendor declares (its `x-api-key` is our `apiKey`). */
  readonly schemes: readonly string[];
  /** Our operationId of each vendor operation, and the statuses the vendor documents for it. */
  readonly statuses: Readonly<Record<string, readonly number[]>>;
}

const DIGITAL_TRY_ON: VendorFacts = {
  // aiuta-com/docs docs/api/try-on/openapi.json at cdf7cb1: every operation `x-api-key` or `bearerAuth`.
  schemes: ['apiKey', 'bearerAuth'],
  statuses: {
    uploadImage: [200, 422],
    getUploadedImage: [200, 422],
    deleteUploadedImage: [204, 422],
    deleteGeneratedImage: [204, 422],
    startTryOn: [200, 422],
    getOperation: [200, 422],
    listPredefinedModels: [200, 304, 422],
  },
};

const GATEWAY = [400, 401, 403, 422, 429, 500, 503];
const UNIFIED: VendorFacts = {
  // aiuta-com/docs docs/api/unified/openapi.json at cdf7cb1: every operation `x-api-key` only.
  schemes: ['apiKey'],
  statuses: {
    createUploadedImage: [200, 422],
    getUploadedImage: [200, 422],
    deleteUploadedImage: [204, 422],
    deleteGeneratedImage: [204, 422],
    listSkuItems: [200, ...GATEWAY],
    createSkuItem: [201, 409, ...GATEWAY],
    getSkuItem: [200, 404, ...GATEWAY],
    deleteSkuItem: [204, 404, ...GATEWAY],
    updateSkuItemCapabilities: [200, 404, ...GATEWAY],
    updateSkuItemMerchandising: [200, 404, ...GATEWAY],
    getOutfitRecommendations: [200, 404, 409, ...GATEWAY],
    createFlatLayOperation: [201, 404, 409, ...GATEWAY],
    getFlatLayOperation: [200, 404, ...GATEWAY],
    createSkuTryOnOperation: [200, 422],
    getSkuTryOnOperation: [200, 422],
    listPredefinedTryOnModels: [200, 304, 422],
  },
};

type Node = Readonly<Record<string, unknown>>;

/** The object `value` stands for, following a local `$ref`. */
function resolve(spec: OpenApiDocument, value: unknown): Node {
  const ref = (value as { $ref?: string }).$ref;
  if (ref === undefined) return value as Node;
  return ref
    .slice(2)
    .split('/')
    .reduce<Node>((node, key) => node[key] as Node, spec as Node);
}

/** Every addition to the vendor's document that is not marked, as `operationId: what`. */
function unmarked(spec: OpenApiDocument, vendor: VendorFacts): string[] {
  const found: string[] = [];
  const schemes = (spec.components as { securitySchemes: Record<string, Node> }).securitySchemes;
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!vendor.schemes.includes(name) && scheme['x-unverified'] !== true) found.push(`securitySchemes.${name}`);
  }
  for (const item of Object.values(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Node | undefined;
      if (operation === undefined) continue;
      const id = operation.operationId as string;
      const documented = vendor.statuses[id];
      if (documented === undefined) {
        if (operation['x-unverified'] !== true) found.push(`${id}: the operation`);
        continue;
      }
      const listed = (operation['x-unverified-security'] as string[] | undefined) ?? [];
      const security = (operation.security ?? spec.security) as Record<string, unknown>[];
      for (const scheme of security.flatMap(Object.keys)) {
        if (!vendor.schemes.includes(scheme) && !listed.includes(scheme)) found.push(`${id}: security ${scheme}`);
      }
      for (const [status, value] of Object.entries(operation.responses as Node)) {
        const response = resolve(spec, value);
        if (!documented.includes(Number(status))) {
          if (response['x-unverified'] !== true) found.push(`${id}: ${status}`);
          continue; // An unverified response's headers are unverified with it.
        }
        for (const [header, headerValue] of Object.entries((response.headers as Node | undefined) ?? {})) {
          if (resolve(spec, headerValue)['x-unverified'] !== true) found.push(`${id}: ${status} header ${header}`);
        }
      }
    }
  }
  return found;
}

describe("what the Aiuta specs add to the vendor's published documents is marked x-unverified", () => {
  it('in the Digital Try-On spec', () => {
    expect(unmarked(aiutaSpec, DIGITAL_TRY_ON)).toEqual([]);
  });

  it('in the Unified spec', () => {
    expect(unmarked(unifiedSpec, UNIFIED)).toEqual([]);
  });

  it('and the check finds what is not', () => {
    const bare: OpenApiDocument = {
      paths: {
        '/a': {
          get: { operationId: 'getA', security: [{ key: [] }, { user: [] }], responses: { 200: { headers: { ETag: {} } }, 404: {} } },
        },
        '/b': { get: { operationId: 'getB', responses: {} } },
      },
      components: { securitySchemes: { key: {}, user: {} } },
    };
    expect(unmarked(bare, { schemes: ['key'], statuses: { getA: [200] } })).toEqual([
      'securitySchemes.user',
      'getA: security user',
      'getA: 200 header ETag',
      'getA: 404',
      'getB: the operation',
    ]);
  });
});
