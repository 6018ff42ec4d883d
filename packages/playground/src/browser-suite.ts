/**
 * Runs inside Chromium: the committed vectors through the Web Crypto path of
 * @signet/auth, and both clients against the mock server. Results land on
 * window.__signet for the test to read.
 */
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { canonicalJson, signVidau } from '@signet/auth';
import { python } from '@signet/auth/python';
import { createVidauClient } from '@signet/vidau';

interface Vector {
  tcId: number;
  result: string;
  input: string;
  clientId: string;
  authKey: string;
  timestamp: number;
  canonicalBody?: string;
  signature?: string;
}

async function vectors(dialect: 'java' | 'python') {
  const file = (await (await fetch(`/vectors/vidau-${dialect}.json`)).json()) as { tests: Vector[] };
  const mismatches: number[] = [];
  let checked = 0;
  for (const v of file.tests.filter((t) => t.result === 'valid')) {
    // The signer takes the body's dialect too: fastjson2 and CPython sign an escaped surrogate differently.
    const options = { dialect: dialect === 'python' ? python : ('java' as const) };
    const body = canonicalJson(v.input, options);
    const signature = await signVidau({ clientId: v.clientId, authKey: v.authKey, body, timestamp: v.timestamp }, options);
    checked++;
    if (body !== v.canonicalBody || signature !== v.signature) mismatches.push(v.tcId);
  }
  return { checked, mismatches };
}

async function clients(mock: { aiuta: string; vidau: string; apiKey: string; clientId: string; authKey: string }) {
  // A page of our own against the mock's test credentials: the one case the opt-in is for.
  const vidau = createVidauClient({ clientId: mock.clientId, authKey: mock.authKey, baseUrl: mock.vidau, dangerouslyAllowBrowser: true });
  const task = await vidau.createAvatarVideo({
    webhook_url: 'http://127.0.0.1:9/hook',
    params: { voice_id: 'v', avatar_id: 7, text: 'from Chromium — 😀', language: 'English' },
  });
  const info = await vidau.getTaskInfo(task.task_id ?? '');
  const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.apiKey), baseUrl: mock.aiuta });
  const png = new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])]);
  const image = await aiuta.uploadImage(png);
  const started = await aiuta.startTryOn({ uploaded_image_id: image.id, sku_id: 'sku-1' });
  return { taskId: info.task_id, imageId: image.id, operationId: started.operation_id };
}

declare global {
  interface Window {
    __signet: { run(mock: Parameters<typeof clients>[0]): Promise<unknown> };
  }
}

window.__signet = {
  run: async (mock) => ({
    java: await vectors('java'),
    python: await vectors('python'),
    clients: await clients(mock),
    userAgent: navigator.userAgent,
  }),
};
