export type { MockStoreLimits, WebhookDelivery } from './core/api.js';
export type { ChosenResponse } from './core/chosen.js';
export type { Fault } from './core/faults.js';
export type { MockRecording } from './core/recording.js';
export type { LoggedRequest } from './core/request-log.js';
export { createMockFetch, type MockFetch, type MockFetchOptions } from './fetch.js';
export { MOCK_CREDENTIALS, type MockApiName, type MockCredentials, type MockOptions, type MockSeed, type MockState } from './mock.js';
export { type MockServer, type MockServerOptions, startMockServer } from './node.js';
