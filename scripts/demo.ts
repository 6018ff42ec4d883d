/**
 * The main job: starts the local mock server, then drives the typed
 * clients end to end over loopback, as a user would against the real APIs.
 * Prints what happened and exits 0 when every step behaved as the vendors document.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { createAiutaStudioClient } from '@signet/aiuta-studio';
import { bearerAuth, createAiutaUnifiedClient } from '@signet/aiuta-unified';
import { createAiutaTokenHandler } from '@signet/auth';
import { toNodeListener } from '@signet/auth/node';
import { startMockServer } from '@signet/mock-server';
import { createVidauClient, createVidauWebhookHandler, errors, type VidauWebhookEvent } from '@signet/vidau';

// A tiny PNG header is enough for the mock; a real integration sends a real photo.
const PHOTO = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const mock = await startMockServer({
  tryOn: { queuedMs: 200, runningMs: 800 },
  skuReadiness: { preparingMs: 300 },
  studio: { queuedMs: 150, runningMs: 450 },
  video: { renderMs: 700 },
});
console.log(`mock server on ${mock.url}`);

// Your backend, as a user runs it: the VidAU webhook receiver and the Aiuta token endpoint, both
// fetch-style handlers served here on node:http.
const received: VidauWebhookEvent[] = [];
const webhookHandler = createVidauWebhookHandler({ onTask: (event) => void received.push(event) });
const tokenHandler = createAiutaTokenHandler({
  secret: mock.credentials.aiuta.jwtSecret,
  issuer: mock.credentials.aiuta.jwtIssuer,
  authorize: () => true, // a real backend checks its own session here
});
const backend = createServer(
  toNodeListener((request) => (new URL(request.url).pathname === '/aiuta-token' ? tokenHandler(request) : webhookHandler(request))),
);
await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
const webhookUrl = `${backendUrl}/vidau-hook`;

const steps: [string, boolean][] = [];
const step = (label: string, ok: boolean, detail = '') => {
  steps.push([label, ok]);
  console.log(`${ok ? '✓' : '✗'} ${label}${detail ? `: ${detail}` : ''}`);
};

try {
  // Aiuta Unified API: a catalogue item, an upload, a try-on started with a JWT from the backend, outfits.
  const unified = createAiutaUnifiedClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.baseUrls['aiuta-unified'] });
  const item = await unified.skuItems.create({
    sku_id: 'demo-dress',
    product_info: { image_urls: ['https://shop.example/dress.jpg'], title: 'Linen dress' },
    capabilities: { try_on: true, outfit_recommendations: true },
  });
  step('Unified: SKU item created', item.sku_id === 'demo-dress', item.sku_id);
  // A try-on needs the item's try-on capability ready; until then the API answers 400.
  let readiness = item.capabilities_readiness.try_on.status;
  for (let tries = 0; readiness === 'preparing' && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    readiness = (await unified.skuItems.get('demo-dress')).capabilities_readiness.try_on.status;
  }
  step('Unified: SKU item ready for try-on', readiness === 'ready', readiness);
  const person = await unified.uploadedImages.create(PHOTO, { filename: 'person.png' });
  step('Unified: image uploaded', person.id.startsWith('user_image-'), person.id);
  const app = createAiutaUnifiedClient({
    baseUrl: mock.baseUrls['aiuta-unified'],
    auth: bearerAuth({
      // The token is bound to the try-on's parameters, so the backend is sent them.
      getToken: async ({ body }) => {
        const { uploaded_image_id, sku_ids } = body as { uploaded_image_id: string; sku_ids: string[] };
        const answer = await fetch(`${backendUrl}/aiuta-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ uploaded_image_id, sku_ids }),
        });
        return ((await answer.json()) as { token: string }).token;
      },
    }),
  });
  const started = await app.tryOnOperations.create({ uploaded_image_id: person.id, sku_ids: ['demo-dress'] });
  step('Unified: try-on started with a bound JWT', started.operation_id !== '', started.operation_id);
  const tryOn = await unified.tryOnOperations.waitFor(started.operation_id, {
    intervalMs: () => 150,
    onProgress: (op) => console.log(`  … try-on ${op?.status}`),
  });
  step('Unified: try-on finished', tryOn.status === 'SUCCESS', `${tryOn.status}, ${tryOn.generated_images.length} image(s)`);
  let outfits: unknown[] = [];
  for (let tries = 0; outfits.length === 0 && tries < 20; tries++) {
    outfits = await unified.recommendations.outfits('demo-dress', { count: 2 }).catch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100)); // 409 until the capability is ready
      return [];
    });
  }
  step('Unified: outfit recommendations', outfits.length === 2, `${outfits.length} outfit(s)`);
  let listed = 0;
  for await (const _ of unified.skuItems.list({ limit: 1 })) listed++;
  step('Unified: catalogue paged through', listed >= 1, `${listed} item(s)`);

  // Aiuta Studio API: flat lays of an uploaded product image, then the product on a preset model, regenerated in another pose.
  const studio = createAiutaStudioClient({ apiKey: mock.credentials.aiuta.apiKey, baseUrl: mock.baseUrls['aiuta-studio'] });
  const dress = await studio.uploadedImages.create(PHOTO, { filename: 'dress.png' });
  const flat = await studio.flatLayOperations.create({
    product_info: { uploaded_image_ids: [dress.id], title: 'Linen dress' },
    image_types: [{ flat_lay_type: 'ghost_mannequin', viewpoint: 'front' }],
  });
  const flatLays = await studio.flatLayOperations.waitFor(flat.operation_id, {
    intervalMs: () => 150,
    onProgress: (op) => console.log(`  … flat-lay ${op.status}`),
  });
  const flatImages = flatLays.generation_result?.flatMap((item) => item.generated_images) ?? [];
  step(
    'Studio: flat lay generated',
    flatLays.status === 'SUCCESS' && flatImages.length === 1,
    `${flatLays.status}, ${flatImages.length} image(s)`,
  );
  const [preset] = await studio.onFigureModelPresets.list();
  const worn = await studio.onFigureOperations.create({
    product_info: { uploaded_image_ids: [dress.id] },
    image_types: [{ viewpoint: 'front', pose: 'standing' }],
    on_figure_model_preset_id: preset?.preset_id ?? '',
  });
  const first = await studio.onFigureOperations.waitFor(worn.operation_id, { intervalMs: () => 150 });
  step('Studio: on-figure image from a model preset', first.status === 'SUCCESS', `${preset?.preset_id}, ${first.status}`);
  const again = await studio.onFigureOperations.regenerate(first.id, { image_types: [{ viewpoint: 'side', pose: 'walking' }] });
  const second = await studio.onFigureOperations.waitFor(again.operation_id, { intervalMs: () => 150 });
  step(
    'Studio: regenerated in another pose on the same model',
    second.status === 'SUCCESS' &&
      second.on_figure_model_preset_id === first.on_figure_model_preset_id &&
      second.image_types[0]?.pose === 'walking',
    `${second.image_types[0]?.viewpoint} ${second.image_types[0]?.pose}, ${second.status}`,
  );

  // Aiuta Digital Try-On: upload, start a try-on, poll it to the end with a progress line.
  const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.baseUrls.aiuta });
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
  const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau });
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
  step('VidAU webhook received and parsed', received[0]?.outcome === 'succeeded', `${received[0]?.taskId} ${received[0]?.outcome}`);

  // And a forged request is refused.
  const forged = createVidauClient({ ...mock.credentials.vidau, authKey: 'not-the-key', baseUrl: mock.baseUrls.vidau });
  const refusal = await forged.getTaskInfo(task.task_id ?? '').catch((error: unknown) => error);
  step('VidAU request signed with a wrong key refused', refusal instanceof errors.AuthenticationError, String(refusal));
} catch (error) {
  step('unexpected error', false, String(error));
} finally {
  backend.close();
  await mock.close();
}

const ok = steps.every(([, passed]) => passed);
console.log(ok ? `demo: all ${steps.length} steps passed` : 'demo: a step failed');
process.exit(ok ? 0 : 1);
