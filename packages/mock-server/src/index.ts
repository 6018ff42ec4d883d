export type { AiutaCredentials, AiutaMockOptions, TryOnOutcome, TryOnSimulation } from './apis/aiuta.js';
export { aiutaApi } from './apis/aiuta.js';
export type {
  AiutaUnifiedMockOptions,
  FlatLayOutcome,
  FlatLayRequest,
  FlatLaySimulation,
  SkuCapabilityName,
  SkuReadinessSimulation,
} from './apis/aiuta-unified.js';
export { aiutaUnifiedApi } from './apis/aiuta-unified.js';
export type { VidauCredentials, VidauMockOptions, VidauSignatureVerifier, VideoOutcome, VideoSimulation } from './apis/vidau.js';
export { vidauApi } from './apis/vidau.js';
export {
  type AuthInput,
  defineMockApi,
  type FormFields,
  type Handler,
  type HandlerInput,
  type Handlers,
  type MockApi,
  type MockApiContext,
  type MockApiFactory,
  type MockFile,
  type MockHeaders,
  type MockRequest,
  type MockResponse,
  type MockStoreLimits,
  type PathParams,
  type RequestBody,
  type ResponseBody,
  type WebhookDelivery,
} from './core/api.js';
export { createMockCore, type Fault, type FetchLike, type IncomingMockRequest, type MockCore, type MockCoreOptions } from './core/core.js';
export type { StringLength, ValidationProblem } from './core/validate.js';
export { createMockFetch, MOCK_ORIGIN, type MockFetch, type MockFetchOptions } from './fetch.js';
export {
  MOCK_CREDENTIALS,
  type MockApiName,
  type MockCredentials,
  type MockOptions,
  type MockRuntime,
  type MockState,
  mockApis,
} from './mock.js';
export { type MockServer, type MockServerOptions, startMockServer } from './node.js';
export { type SpecName, specs } from './specs.gen.js';
