import type { CanonicalJsonDialect } from '@signet/auth';
import { type AiutaCredentials, aiutaApi, type TryOnSimulation } from './apis/aiuta.js';
import { aiutaUnifiedApi, type FlatLaySimulation, type SkuReadinessSimulation } from './apis/aiuta-unified.js';
import { type VidauCredentials, type VidauSignatureVerifier, type VideoSimulation, vidauApi } from './apis/vidau.js';
import type { MockApiFactory, MockStoreLimits, WebhookDelivery } from './core/api.js';
import { createMockCore, type Fault, type FetchLike, type MockCore } from './core/core.js';

/** The APIs this package mocks, by the name used in faults, request counts and base URLs. */
export type MockApiName = 'aiuta' | 'aiuta-unified' | 'vidau';

/** The fixed test credentials the mock accepts, one set per vendor. */
export interface MockCredentials {
  /** One Aiuta subscription: both the Digital Try-On and the Unified API accept it. */
  readonly aiuta: AiutaCredentials;
  readonly vidau: VidauCredentials;
}

/** Test credentials: public, fixed, and accepted only by the mock. */
export const MOCK_CREDENTIALS: MockCredentials = {
  aiuta: {
    apiKey: 'mock-aiuta-api-key',
    jwtSecret: 'mock-aiuta-jwt-secret',
    jwtIssuer: 'mock-aiuta-issuer',
    subscriptionId: '66ec1726e728c1405e5ebca2',
  },
  vidau: { clientId: 'mock-vidau-client', authKey: 'mock-vidau-auth-key' },
};

/** What every way of running the mock (node:http, in-process fetch, MSW) accepts. */
export interface MockOptions {
  readonly credentials?: MockCredentials;
  /** Clock for signature windows, token expiry and job progress. */
  readonly now?: () => number;
  /** VidAU replay window: largest accepted |timestamp − now|. Default 5 minutes. */
  readonly toleranceMs?: number;
  /** How the VidAU mock canonicalizes bodies to check signatures: `'java'` (fastjson2, default) or `python` from `@signet/auth/python`. */
  readonly vidauDialect?: CanonicalJsonDialect;
  /** Try-on operations of both Aiuta APIs: timings and outcome. */
  readonly tryOn?: TryOnSimulation;
  /** Flat-lay operations of the Unified API: timings and outcome. */
  readonly flatLay?: FlatLaySimulation;
  /** How the Unified API's SKU item capabilities become ready: timing and outcome. */
  readonly skuReadiness?: SkuReadinessSimulation;
  readonly video?: VideoSimulation;
  readonly faults?: readonly Fault[];
  /** Webhooks go to loopback URLs only unless this is set (or `webhookFetch` is given). */
  readonly allowRemoteWebhooks?: boolean;
  /** Delivers the VidAU webhooks instead of the global fetch; every webhook URL is then handed to it. */
  readonly webhookFetch?: FetchLike;
  /** Largest request body read; a larger one is answered 413 without reading the rest. Default 10 MiB. */
  readonly maxBodyBytes?: number;
  /** Caps for the stores (uploads, operations, tasks, webhooks); the oldest entries go first. */
  readonly limits?: MockStoreLimits;
}

/** The state every mock instance exposes. */
export interface MockState {
  readonly credentials: MockCredentials;
  /** Every webhook sent so far (the newest `limits.webhooks`). */
  readonly webhooks: readonly WebhookDelivery[];
  /** How many requests each API has answered, faults included. */
  readonly requestCounts: Readonly<Record<MockApiName, number>> & Readonly<Record<string, number>>;
  injectFault(fault: Fault): void;
}

/**
 * What the platform a mock runs on lends its modules in place of their portable defaults: the
 * node:http server lends node:crypto's synchronous VidAU verifier.
 */
export interface MockRuntime {
  /** Checks VidAU signatures; `verifyVidauSignature` from `@signet/auth` by default (see `VidauMockOptions.verifySignature`). */
  readonly verifyVidauSignature?: VidauSignatureVerifier;
}

/** The registry: one module per API, with what `runtime` lends them. A new API is one more entry here. */
export function mockApis(options: MockOptions, runtime: MockRuntime = {}): MockApiFactory[] {
  const credentials = options.credentials ?? MOCK_CREDENTIALS;
  return [
    aiutaApi({ credentials: credentials.aiuta, ...(options.tryOn && { tryOn: options.tryOn }) }),
    aiutaUnifiedApi({
      credentials: credentials.aiuta,
      ...(options.tryOn && { tryOn: options.tryOn }),
      ...(options.flatLay && { flatLay: options.flatLay }),
      ...(options.skuReadiness && { skuReadiness: options.skuReadiness }),
    }),
    vidauApi({
      credentials: credentials.vidau,
      ...(options.video && { video: options.video }),
      ...(options.toleranceMs !== undefined && { toleranceMs: options.toleranceMs }),
      ...(options.vidauDialect && { dialect: options.vidauDialect }),
      ...(runtime.verifyVidauSignature && { verifySignature: runtime.verifyVidauSignature }),
    }),
  ];
}

export function createCore(options: MockOptions, origin: string | (() => string), runtime: MockRuntime = {}): MockCore {
  return createMockCore({
    apis: mockApis(options, runtime),
    origin,
    ...(options.now && { now: options.now }),
    ...(options.faults && { faults: options.faults }),
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.limits && { limits: options.limits }),
    ...(options.allowRemoteWebhooks !== undefined && { allowRemoteWebhooks: options.allowRemoteWebhooks }),
    ...(options.webhookFetch && { webhookFetch: options.webhookFetch }),
  });
}

/** Each API's base URL under `origin`: `{ aiuta: 'http://…/digital-try-on/v1', 'aiuta-unified': 'http://…/v1', vidau: 'http://…/openapi' }`. */
export function baseUrlsOf(core: MockCore, origin: string): Readonly<Record<MockApiName, string>> & Readonly<Record<string, string>> {
  return Object.fromEntries(core.apis.map((api) => [api.name, `${origin}${api.prefix}`])) as Record<MockApiName, string>;
}
