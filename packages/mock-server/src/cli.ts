import { parseArgs } from 'node:util';
import { startMockServer } from './node.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'vidau-dialect': { type: 'string' },
    'max-body-bytes': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(`signet-mock [--port N] [--vidau-dialect java|python] [--max-body-bytes N]
  --port            port on 127.0.0.1 (default $PORT or 4010; 0 for any free port)
  --vidau-dialect   how VidAU signatures are checked: java (fastjson2, the default) or python (the vendor's Python sample)
  --max-body-bytes  largest request body accepted (default 10 MiB); larger ones are answered 413\n`);
  process.exit(0);
}
const dialect = values['vidau-dialect'];
if (dialect !== undefined && dialect !== 'java' && dialect !== 'python') {
  process.stderr.write(`--vidau-dialect must be java or python, not ${dialect}\n`);
  process.exit(2);
}
const server = await startMockServer({
  port: Number(values.port ?? process.env.PORT ?? 4010),
  ...(dialect !== undefined && { vidauDialect: dialect }),
  ...(values['max-body-bytes'] !== undefined && { maxBodyBytes: Number(values['max-body-bytes']) }),
});
const { aiuta, vidau } = server.credentials;
process.stdout.write(`signet mock server on ${server.url}
  Aiuta  baseUrl ${server.aiutaBaseUrl}
         X-API-Key ${aiuta.apiKey} | x-user-id ${aiuta.subscriptionId} | JWT: HS256, secret ${aiuta.jwtSecret}, iss ${aiuta.jwtIssuer}
  VidAU  baseUrl ${server.vidauBaseUrl}
         clientId ${vidau.clientId} | authKey ${vidau.authKey}${dialect === 'python' ? ' | signatures checked in the python dialect' : ''}
These are test credentials, accepted only here. Ctrl-C stops.\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
