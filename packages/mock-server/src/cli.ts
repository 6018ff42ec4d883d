import { startMockServer } from './server.js';

const port = Number(process.env.PORT ?? 4010);
const server = await startMockServer({ port });
const { aiuta, vidau } = server.credentials;
process.stdout.write(`signet mock server on ${server.url}
  Aiuta  baseUrl ${server.aiutaBaseUrl}
         X-API-Key ${aiuta.apiKey} | x-user-id ${aiuta.subscriptionId} | JWT: HS256, secret ${aiuta.jwtSecret}, iss ${aiuta.jwtIssuer}
  VidAU  baseUrl ${server.vidauBaseUrl}
         clientId ${vidau.clientId} | authKey ${vidau.authKey}
These are test credentials, accepted only here. Ctrl-C stops.\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
