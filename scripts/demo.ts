/**
 * The main job: starts the local mock server, then drives both typed clients
 * end to end over loopback, as a user would against the real APIs. Prints what
 * happened and exits 0 when every step behaved as the vendors document.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { startMockServer } from '@signet/mock-server';
import { AuthenticationError, createVidauClient } from '@signet/vidau';

// A tiny PNG header is enough for the mock; a real integration sends a real photo.
const PHOTO = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const mock = await startMockServer({ tryOn: { queuedMs: 200, runningMs: 800 }, video: { renderMs: 700 } });
console.log(`mock server on ${mock.url}`);

const received: unknown[] = [];
const webhookReceiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    received.push(JSON.parse(body));
    response.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => webhookReceiver.listen(0, '127.0.0.1', resolve));
const webhookUrl = `http://127.0.0.1:${(webhookReceiver.address() as AddressInfo).port}/vidau-hook`;

const steps: [string, boolean][] = [];
const step = (label: string, ok: boolean, detail = '') => {
  steps.push([label, ok]);
  console.log(`${ok ? '✓' : '✗'} ${label}${detail ? `: ${detail}` : ''}`);
};

try {
  // Aiuta: upload, start a try-on, poll it to the end with a progress line.
  const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.aiutaBaseUrl });
  const photo = await aiuta.uploadImage(PHOTO, { filename: 'person.png' });
  step('Aiuta upload', photo.id.startsWith('user_image-'), photo.id);
  const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: photo.id, sku_id: 'sku-123' });
  step('Aiuta try-on started', operation_id !== '', operation_id);
  const operation = await aiuta.waitForOperation(operation_id, {
    intervalMs: () => 150,
    onProgress: (op) => console.log(`  … try-on ${op.status}`),
  });
  step('Aiuta try-on finished', operation.status === 'SUCCESS', `${operation.status}, ${operation.generated_images.length} image(s)`);

  // VidAU: create a signed task, wait for it, and receive its webhook.
  const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.vidauBaseUrl });
  const task = await vidau.createAvatarVideo({
    webhook_url: webhookUrl,
    params: { voice_id: 'voice-1', avatar_id: 7, text: 'Hello from signet — signed byte for byte.', language: 'English' },
  });
  step('VidAU task created (signature verified by the server)', task.task_id !== undefined, task.task_id);
  const info = await vidau.waitForTask(task.task_id ?? '', {
    intervalMs: () => 150,
    onProgress: (i) => console.log(`  … video ${i.progress_bar}%`),
  });
  step('VidAU task finished', info.status === '1', info.video_url);
  for (let waited = 0; received.length === 0 && waited < 3000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  step('VidAU webhook received', received.length === 1, JSON.stringify(received[0]));

  // And a forged request is refused.
  const forged = createVidauClient({ ...mock.credentials.vidau, authKey: 'not-the-key', baseUrl: mock.vidauBaseUrl });
  const refusal = await forged.getTaskInfo(task.task_id ?? '').catch((error: unknown) => error);
  step('VidAU request signed with a wrong key refused', refusal instanceof AuthenticationError, String(refusal));
} catch (error) {
  step('unexpected error', false, String(error));
} finally {
  webhookReceiver.close();
  await mock.close();
}

const ok = steps.every(([, passed]) => passed);
console.log(ok ? `demo: all ${steps.length} steps passed` : 'demo: a step failed');
process.exit(ok ? 0 : 1);
