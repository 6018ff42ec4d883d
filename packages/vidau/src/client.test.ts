import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { SignatureMismatchError, verifyVidauSignature } from '@signet/auth';
import { recordingFetch } from '@signet/client-core/testing';
import { describe, expect, it } from 'vitest';
import { createVidauClient, errors, python } from './index.js';

const { ApiTimeoutError, AuthenticationError, CanonicalJsonError, InvalidCredentialsError, InvalidRequestError, RateLimitError } = errors;

const credentials = { clientId: 'client-1', authKey: 'vidau-SECRET-key' };
const T0 = 1_795_392_000_000;
const task = { task_id: 'task-1', task_status: 0, webhook_url: 'https://example.com/hook', params: {} };
const createRequest = {
  webhook_url: 'https://example.com/hook',
  params: { voice_id: 'v-1', avatar_id: 7, text: 'Héllo', language: 'English', speed: null },
};

/** Answers from a script, then 200 `fallback`; `sent` holds what the client sent. */
function server(script: Response[] = [], fallback: unknown = task) {
  const io = recordingFetch([...script, () => Response.json(fallback)]);
  return {
    fetch: io.fetch,
    get sent() {
      return io.requests.map((recorded) => recorded.request);
    },
  };
}

async function expectGenuine(request: Request | undefined, now: number) {
  if (request === undefined) throw new Error('nothing was sent');
  await verifyVidauSignature(
    {
      ...credentials,
      body: await request.clone().text(),
      timestamp: request.headers.get('timestamp'),
      signature: request.headers.get('authorization'),
    },
    { now: () => now },
  );
}

describe('createAvatarVideo', () => {
  it('POSTs the canonical body to /v1.0/avatar/video/create, signed, without the secret', async () => {
    const io = server();
    const vidau = createVidauClient({ ...credentials, fetch: io.fetch, now: () => T0 });
    expect(await vidau.createAvatarVideo(createRequest)).toEqual(task);
    const request = io.sent[0] as Request;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://vidau-app.superads.cn/openapi/v1.0/avatar/video/create');
    expect(request.headers.get('x-client-id')).toBe('client-1');
    expect(request.headers.get('timestamp')).toBe(String(T0));
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.has('x-auth-key')).toBe(false);
    expect(await request.clone().text()).toBe(
      '{"params":{"avatar_id":7,"language":"English","text":"Héllo","voice_id":"v-1"},"webhook_url":"https://example.com/hook"}',
    );
    await expectGenuine(request, T0);
  });

  it("with dialect: python, sends and signs the body as the vendor's CPython sample writes it", async () => {
    const io = server();
    await createVidauClient({ ...credentials, fetch: io.fetch, now: () => T0, dialect: python }).createAvatarVideo(createRequest);
    const request = io.sent[0] as Request;
    // Nulls kept and non-ASCII escaped, where the default (fastjson2) drops and writes it raw.
    const body =
      '{"params":{"avatar_id":7,"language":"English","speed":null,"text":"H\\u00e9llo","voice_id":"v-1"},"webhook_url":"https://example.com/hook"}';
    expect(await request.clone().text()).toBe(body);
    await verifyVidauSignature(
      { ...credentials, body, timestamp: request.headers.get('timestamp'), signature: request.headers.get('authorization') },
      { now: () => T0, dialect: python },
    );
  });

  it('sends a text cut in the middle of an emoji escaped, and signs it as Java reads it: the unit as "?"', async () => {
    const io = server();
    const text = 'Hello \ud83d';
    await createVidauClient({ ...credentials, fetch: io.fetch, now: () => T0 }).createAvatarVideo({
      ...createRequest,
      params: { ...createRequest.params, text },
    });
    const request = io.sent[0] as Request;
    const sent =
      '{"params":{"avatar_id":7,"language":"English","text":"Hello \\ud83d","voice_id":"v-1"},"webhook_url":"https://example.com/hook"}';
    expect(new Uint8Array(await request.clone().arrayBuffer())).toEqual(new TextEncoder().encode(sent));
    const java = `client-1${sent.replace('\\ud83d', '?')}${T0}`;
    expect(request.headers.get('authorization')).toBe(createHmac('sha256', credentials.authKey).update(java, 'utf8').digest('base64'));
    await expectGenuine(request, T0);
  });

  it('refuses a dialect given by name where the python value belongs, before sending', async () => {
    const io = server();
    const vidau = createVidauClient({ ...credentials, fetch: io.fetch, dialect: 'python' as 'java' });
    await expect(vidau.createAvatarVideo(createRequest)).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'dialect' });
    expect(io.sent).toHaveLength(0);
  });

  it('sends x-auth-key only when includeAuthKey is set', async () => {
    const io = server();
    await createVidauClient({ ...credentials, fetch: io.fetch, includeAuthKey: true }).createAvatarVideo(createRequest);
    expect(io.sent[0]?.headers.get('x-auth-key')).toBe('vidau-SECRET-key');
  });

  it('is not retried by default, since a second try could create a second video', async () => {
    const io = server([new Response(null, { status: 503 })]);
    const vidau = createVidauClient({ ...credentials, fetch: io.fetch });
    await expect(vidau.createAvatarVideo(createRequest)).rejects.toMatchObject({ status: 503 });
    expect(io.sent).toHaveLength(1);
  });

  it('when asked to retry, re-signs every try with a fresh timestamp', async () => {
    let clock = T0;
    const io = server([new Response(null, { status: 503, headers: { 'retry-after': '0' } })]);
    const vidau = createVidauClient({ ...credentials, fetch: io.fetch, now: () => (clock += 1000) });
    await vidau.createAvatarVideo(createRequest, { retry: true });
    expect(io.sent.map((r) => r.headers.get('timestamp'))).toEqual([String(T0 + 1000), String(T0 + 2000)]);
    expect(io.sent[0]?.headers.get('authorization')).not.toBe(io.sent[1]?.headers.get('authorization'));
    await expectGenuine(io.sent[1], T0 + 2000);
  });

  it.each([
    ['webhook_url', { ...createRequest, webhook_url: 'not a url' }],
    ['webhook_url', { ...createRequest, webhook_url: 'ftp://example.com/x' }],
    ['params.text', { ...createRequest, params: { ...createRequest.params, text: 'x'.repeat(1201) } }],
    ['params.text', { ...createRequest, params: { ...createRequest.params, text: '' } }],
  ])('refuses a bad %s before sending anything', async (field, request) => {
    const io = server();
    await expect(createVidauClient({ ...credentials, fetch: io.fetch }).createAvatarVideo(request)).rejects.toMatchObject({
      code: 'ERR_INVALID_REQUEST',
      field,
    });
    expect(io.sent).toHaveLength(0);
  });

  it('accepts exactly 1200 characters of text', async () => {
    const io = server();
    await createVidauClient({ ...credentials, fetch: io.fetch }).createAvatarVideo({
      ...createRequest,
      params: { ...createRequest.params, text: 'x'.repeat(1200) },
    });
    expect(io.sent).toHaveLength(1);
  });

  it('refuses a body with no sound canonical form, naming where, and sends nothing', async () => {
    const io = server();
    const request = { ...createRequest, params: { ...createRequest.params, speed: Number.NaN } };
    await expect(createVidauClient({ ...credentials, fetch: io.fetch }).createAvatarVideo(request)).rejects.toSatisfy(
      (error) => error instanceof CanonicalJsonError && error.path === '$.params.speed',
    );
    expect(io.sent).toHaveLength(0);
  });
});

describe('getTaskInfo', () => {
  const info = { app_id: 'app', progress_bar: '100', status: '1', task_id: 'task-1', thumb_url: 'https://t', video_url: 'https://v' };

  it('POSTs {task_id} to /v1.0/task/info, signed', async () => {
    const io = server([], info);
    const vidau = createVidauClient({ ...credentials, fetch: io.fetch, baseUrl: 'http://127.0.0.1:9/openapi', now: () => T0 });
    expect(await vidau.getTaskInfo('task-1')).toEqual(info);
    expect(io.sent[0]?.url).toBe('http://127.0.0.1:9/openapi/v1.0/task/info');
    expect(await io.sent[0]?.clone().text()).toBe('{"task_id":"task-1"}');
    await expectGenuine(io.sent[0], T0);
  });

  it('retries 429 and 5xx as a read, and reports the last failure as a typed error', async () => {
    const limited = () => new Response('{"msg":"slow down"}', { status: 429, headers: { 'retry-after': '0', 'x-request-id': 'req-9' } });
    const io = server([limited(), limited(), limited()], info);
    const vidau = createVidauClient({ ...credentials, fetch: io.fetch });
    const failure = vidau.getTaskInfo('task-1');
    await expect(failure).rejects.toBeInstanceOf(RateLimitError);
    await expect(failure).rejects.toMatchObject({
      status: 429,
      requestId: 'req-9',
      message: 'POST /openapi/v1.0/task/info: 429 slow down',
    });
    expect(io.sent).toHaveLength(3);
  });

  it('maps 401 to AuthenticationError, with no secret in it', async () => {
    const io = server([new Response(null, { status: 401 })]);
    const failure = await createVidauClient({ ...credentials, fetch: io.fetch })
      .getTaskInfo('task-1')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(inspect(failure, { depth: 10 })).not.toContain(credentials.authKey);
  });

  it('times out a try that gets no answer', async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_resolve, reject) =>
        request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const vidau = createVidauClient({ ...credentials, fetch: hang, timeoutMs: 10, maxRetries: 0 });
    await expect(vidau.getTaskInfo('task-1')).rejects.toBeInstanceOf(ApiTimeoutError);
  });

  it('refuses an empty task id', async () => {
    await expect(createVidauClient(credentials).getTaskInfo('')).rejects.toBeInstanceOf(InvalidRequestError);
  });
});

describe('waitForTask', () => {
  it('polls until the task succeeds or fails, reporting progress', async () => {
    const states = ['0', '0', '2'];
    let reads = 0;
    const fetch = async () => Response.json({ task_id: 'task-1', status: states[reads++], progress_bar: String(reads * 30) });
    const progress: (string | undefined)[] = [];
    const final = await createVidauClient({ ...credentials, fetch }).waitForTask('task-1', {
      intervalMs: () => 0,
      onProgress: (info) => progress.push(info.progress_bar),
    });
    expect(final.status).toBe('2');
    expect(progress).toEqual(['30', '60', '90']);
  });

  it('ends on a status no document names rather than polling on, and takes a rule from the caller instead', async () => {
    const seven = async () => Response.json({ task_id: 'task-1', status: '7' });
    const vidau = createVidauClient({ ...credentials, fetch: seven });
    expect(await vidau.waitForTask('task-1', { intervalMs: () => 0 })).toMatchObject({ status: '7' });

    const states = ['7', '7', '1'];
    let reads = 0;
    const fetch = async () => Response.json({ task_id: 'task-1', status: states[reads++] });
    const final = await createVidauClient({ ...credentials, fetch }).waitForTask('task-1', {
      intervalMs: () => 0,
      isFinished: (info) => info.status === '1',
    });
    expect(final.status).toBe('1');
    expect(reads).toBe(3);
  });
});

describe('RESPONSE-WRAP', () => {
  it('sends RESPONSE-WRAP: false by default and true when asked', async () => {
    const io = server([], { task_id: 'task-1', status: '0' });
    await createVidauClient({ ...credentials, fetch: io.fetch }).getTaskInfo('task-1');
    await createVidauClient({ ...credentials, fetch: io.fetch, responseWrap: true }).getTaskInfo('task-1');
    expect(io.sent.map((request) => request.headers.get('response-wrap'))).toEqual(['false', 'true']);
  });

  it('reads an answer wrapped in {code, msg, data} as the bare object', async () => {
    const io = server([], { code: 0, msg: 'success', data: { task_id: 'task-1', status: '1', video_url: 'https://cdn/v.mp4' } });
    expect(await createVidauClient({ ...credentials, fetch: io.fetch }).getTaskInfo('task-1')).toEqual({
      task_id: 'task-1',
      status: '1',
      video_url: 'https://cdn/v.mp4',
    });
  });

  it('turns a failure envelope inside a 200 into a typed error', async () => {
    const io = server([], { code: 401, msg: 'signature error', data: null });
    await expect(createVidauClient({ ...credentials, fetch: io.fetch, maxRetries: 0 }).getTaskInfo('task-1')).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});

describe('setup', () => {
  it.each([
    ['authKey', { authKey: 'key\u0000with-nul' }, 'with-nul'],
    ['authKey', { authKey: ' \t ' }, undefined],
    ['clientId', { clientId: 'client-\u4e00' }, '\u4e00'],
  ])('refuses at creation a %s that no header can carry, without echoing it', (field, bad, telltale) => {
    const create = () => createVidauClient({ ...credentials, ...bad });
    expect(create).toThrowError(InvalidCredentialsError);
    try {
      create();
    } catch (error) {
      expect(error).toMatchObject({ field });
      if (telltale !== undefined) expect(inspect(error, { depth: 10 })).not.toContain(telltale);
    }
  });

  it("signs with the server JVM's charset when told it", async () => {
    const io = server();
    const latin1 = createVidauClient({ ...credentials, fetch: io.fetch, now: () => T0, charset: 'ISO-8859-1' });
    await latin1.createAvatarVideo(createRequest);
    const request = io.sent[0] as Request;
    const input = {
      ...credentials,
      body: await request.clone().text(),
      timestamp: request.headers.get('timestamp'),
      signature: request.headers.get('authorization'),
    };
    await expect(verifyVidauSignature(input, { now: () => T0, charset: 'ISO-8859-1' })).resolves.toBeUndefined();
    // The body holds "Héllo": UTF-8 and ISO-8859-1 bytes differ, so must the signatures.
    await expect(verifyVidauSignature(input, { now: () => T0 })).rejects.toBeInstanceOf(SignatureMismatchError);
  });
});
