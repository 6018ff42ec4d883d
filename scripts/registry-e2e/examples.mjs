// What the consumers run: the README's examples as a user would paste them, a browser app's
// imports, and the same calls in plain JavaScript for Node, Deno and Bun.

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];

/** The README's examples, as a user would paste them; prints one JSON line with what happened. */
export const example = `import { writeFile } from 'node:fs/promises';
import { apiKeyAuth, createAiutaClient, errors } from '@signet/aiuta';
import { canonicalJson, signVidau } from '@signet/auth';
import { SignetError } from '@signet/client-core/errors';
import { startMockServer } from '@signet/mock-server';
import { createVidauClient } from '@signet/vidau';

const mock = await startMockServer();
try {
  const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.baseUrls.aiuta });
  const fromBytes = await aiuta.uploadImage(Uint8Array.from(${JSON.stringify(PNG)}));
  await writeFile('person.png', Uint8Array.from(${JSON.stringify(PNG)}));
  const fromPath = await aiuta.uploadImage('./person.png');

  const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau });
  const task = await vidau.createAvatarVideo({
    webhook_url: 'https://example.com/vidau-hook',
    params: { voice_id: 'voice-1', avatar_id: 7, text: 'Hello from signet', language: 'English' },
  });

  // aiuta and auth at different patch versions still share one SignetError.
  const wrongKey = createAiutaClient({ auth: apiKeyAuth('not-the-key'), baseUrl: mock.baseUrls.aiuta });
  const error: unknown = await wrongKey.getUploadedImage(fromBytes.id).catch((e: unknown) => e);

  const body = canonicalJson({ webhook_url: 'https://example.com/hook', params: { avatar_id: 7, text: 'Grüße, signet' } });
  const signature = await signVidau({ clientId: 'client-1', authKey: 'secret', body, timestamp: 1723515690000 });
  console.log(
    JSON.stringify({
      uploaded: [fromBytes.id, fromPath.id].every((id) => id.length > 0),
      task: typeof task.task_id === 'string',
      authenticationError: error instanceof errors.AuthenticationError,
      instanceofSignetError: error instanceof SignetError,
      signature,
    }),
  );
} finally {
  await mock.close();
}
`;

/** What a browser app imports: type-checked with moduleResolution bundler, the DOM lib and no Node types. */
export const browserExample = `import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { signVidau } from '@signet/auth';
import { createVidauClient } from '@signet/vidau';

const aiuta = createAiutaClient({ auth: apiKeyAuth('key') });
const input = document.querySelector('input[type=file]') as HTMLInputElement;
const file = input.files?.[0];
if (file) await aiuta.uploadImage(file);
const vidau = createVidauClient({ clientId: 'id', authKey: 'key' });
void vidau;
export const signature: Promise<string> = signVidau({ clientId: 'id', authKey: 'key', body: '{}', timestamp: 0 });
`;

/** The same calls in plain JavaScript for Node, Deno and Bun, against a mock server started by this job. */
export const runtimeScript = `import { writeFile } from 'node:fs/promises';
import process from 'node:process';
import { apiKeyAuth, createAiutaClient, errors } from '@signet/aiuta';
import { canonicalJson, signVidau } from '@signet/auth';
import { SignetError } from '@signet/client-core/errors';
import { createVidauClient } from '@signet/vidau';

const { AIUTA_BASE_URL, VIDAU_BASE_URL, AIUTA_API_KEY, VIDAU_CLIENT_ID, VIDAU_AUTH_KEY, RUNTIME } = process.env;
const aiuta = createAiutaClient({ auth: apiKeyAuth(AIUTA_API_KEY), baseUrl: AIUTA_BASE_URL });
await writeFile(\`person-\${RUNTIME}.png\`, Uint8Array.from(${JSON.stringify(PNG)}));
const fromPath = await aiuta.uploadImage(\`./person-\${RUNTIME}.png\`);
const vidau = createVidauClient({ clientId: VIDAU_CLIENT_ID, authKey: VIDAU_AUTH_KEY, baseUrl: VIDAU_BASE_URL });
const task = await vidau.createAvatarVideo({
  webhook_url: 'https://example.com/vidau-hook',
  params: { voice_id: 'voice-1', avatar_id: 7, text: 'Hello from signet', language: 'English' },
});
const error = await createAiutaClient({ auth: apiKeyAuth('not-the-key'), baseUrl: AIUTA_BASE_URL })
  .getUploadedImage(fromPath.id)
  .catch((e) => e);
const body = canonicalJson({ webhook_url: 'https://example.com/hook', params: { avatar_id: 7, text: 'Grüße, signet' } });
const signature = await signVidau({ clientId: 'client-1', authKey: 'secret', body, timestamp: 1723515690000 });
console.log(JSON.stringify({
  uploaded: fromPath.id.length > 0,
  task: typeof task.task_id === 'string',
  authenticationError: error instanceof errors.AuthenticationError,
  instanceofSignetError: error instanceof SignetError,
  signature,
}));
`;
