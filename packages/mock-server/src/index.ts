export type { MockStoreLimits, WebhookDelivery } from './core/api.js';
export type { Fault } from './core/faults.js';
export { createMockFetch, type MockFetch, type MockFetchOptions } from './fetch.js';
export { MOCK_CREDENTIALS, type MockApiName, type MockCredentials, type MockOptions, type MockState } from './mock.js';
export { type MockServer, type MockServerOptions, startMockServer } from './node.js';
export type { FlatLaySimulation, SkuReadinessSimulation, TryOnSimulation, VideoSimulation } from './registry.js';
