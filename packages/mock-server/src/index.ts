export type { AiutaCredentials, TryOnOutcome, TryOnSimulation } from './aiuta.js';
export { type Fault, MOCK_CREDENTIALS, type MockCredentials, type MockServer, type MockServerOptions, startMockServer } from './server.js';
export type { VidauCredentials, VideoOutcome, VideoSimulation, WebhookDelivery } from './vidau.js';
