import {
  assertVidauCredentials,
  type CanonicalJsonDialect,
  type CanonicalJsonObject,
  canonicalJson,
  type HmacSha256Base64,
  type VidauCharset,
  type VidauSigningRecordInput,
  vidauHeaders,
  vidauSigningRecord,
} from '@signet/auth';
import {
  type ApiPromise,
  type ClientTransportOptions,
  createApiClient,
  isIdempotentMethod,
  type PollOptions,
  type RequestOptions,
} from '@signet/client-core';
import { AuthenticationError, InvalidRequestError } from '@signet/client-core/errors';
import type { Client } from 'openapi-fetch';
import { unwrapEnvelope } from './envelope.js';
import type { components, operations, paths } from './schema.gen.js';
import { isTaskFinished } from './task.js';

/**
 * The body of `createAvatarVideo`. VidAU posts the finished task to `webhook_url`, so it must be
 * an absolute http(s) URL it can reach; anything else is refused before sending.
 */
export type AvatarVideoCreateRequest = components['schemas']['AvatarVideoCreateRequest'];
/**
 * What the avatar says and how. `text` takes at most {@link MAX_TEXT_LENGTH} UTF-16 units (an
 * emoji counts twice); `language` is a name such as `English`, not a code. Other members are
 * sent as given, canonicalized and signed like the rest.
 */
export type AvatarVideoParams = components['schemas']['AvatarVideoParams'];
/**
 * A video task as `createAvatarVideo` answers it (and as the webhook receives it, with the video
 * in `file_url`). Every field is optional because the vendor marks none required: check
 * `task_id` before polling with it.
 */
export type AvatarVideoTask = components['schemas']['AvatarVideoTask'];
/**
 * A task's state as `getTaskInfo` reads it; the video is in `video_url`, not `file_url` as in
 * the create answer. The vendor documents these fields only by an example, so decide with
 * `taskOutcome` rather than reading `status` alone.
 */
export type TaskInfo = components['schemas']['TaskInfo'];
/** `task_status`: 0 executing, 1 succeeded, 2 failed. Task info may send it as a string, or `status` instead. */
export type TaskStatus = components['schemas']['TaskStatus'];
export type { operations as VidauOperations, paths as VidauPaths };

/** The VidAU open API in production: `createVidauClient`'s default `baseUrl` (paths start at `/v1.0`). */
export const VIDAU_BASE_URL = 'https://vidau-app.superads.cn/openapi';
/** "text cannot exceed 1200 characters"; counted in UTF-16 units, as Java's String.length() does. */
export const MAX_TEXT_LENGTH = 1200;

/**
 * The credentials {@link createVidauClient} signs with, how the server expects them signed, and
 * the transport settings every signet client shares (`timeoutMs` per try, `maxRetries`, `fetch`).
 */
export interface VidauClientOptions extends ClientTransportOptions {
  /** The `x-client-id` from the VidAU API keys page. */
  readonly clientId: string;
  /** The HMAC secret from the VidAU API keys page; it signs requests and is not sent unless `includeAuthKey`. */
  readonly authKey: string;
  /** Default {@link VIDAU_BASE_URL}; point it at a mock server in tests. */
  readonly baseUrl?: string;
  /**
   * How the server canonicalizes bodies: `'java'` (fastjson2, default) unless it is known to run the
   * vendor's CPython sample, then `python` (exported here); a bundle carries it only where it is imported.
   */
  readonly dialect?: CanonicalJsonDialect;
  /**
   * The server JVM's default charset, which the vendor's Java sample signs with (`getBytes()`
   * without a charset). UTF-8 unless `npx @signet/auth doctor` names another.
   */
  readonly charset?: VidauCharset;
  /** Also send `x-auth-key`, the secret itself, which the vendor's endpoint pages list. Off by default. */
  readonly includeAuthKey?: boolean;
  /**
   * The `RESPONSE-WRAP` header, which the vendor lists as required without
   * documenting its values. Default `false`; answers are read whether or not
   * they come wrapped in `{code, msg, data}`.
   */
  readonly responseWrap?: boolean;
  /** Clock for signing timestamps, in milliseconds since the epoch. */
  readonly now?: () => number;
  /** HMAC-SHA256 to sign with, e.g. one backed by a KMS; default Web Crypto (node:crypto in Node). */
  readonly hmac?: HmacSha256Base64;
  /**
   * Allow creating the client in a web page. The `authKey` signs every request, and anyone who
   * opens the page can read it from the bundle and sign requests as you: keep the client on your
   * server and let the page call your server. Set this only for a page that is yours alone (a
   * local tool, a test against the mock server).
   */
  readonly dangerouslyAllowBrowser?: boolean;
}

/** {@link PollOptions} for `waitForTask`, plus the rule for when a task counts as finished. */
export interface WaitForTaskOptions extends PollOptions<TaskInfo> {
  /** When to stop polling; default {@link isTaskFinished}, the documented rule over every task-info field. */
  readonly isFinished?: (info: TaskInfo) => boolean;
}

/**
 * The VidAU avatar-video API: create a video, then poll it or wait for the webhook. Every request
 * is canonicalized once and signed over exactly the bytes sent, with a fresh timestamp per try.
 * Every method returns an `ApiPromise`: await it for the data, or call `.withResponse()` for the
 * data, the Response and the request id.
 */
export interface VidauClient {
  /** The underlying openapi-fetch client, signed and retried the same way, for anything not wrapped here. */
  readonly raw: Client<paths>;
  /**
   * Starts rendering an avatar video; VidAU later notifies `webhook_url`. Not retried unless
   * `retry: true`, since a second try could render (and bill) a second video.
   *
   * @throws InvalidRequestError for a `webhook_url` that is not absolute http(s), or an empty `params.text` or one over 1200 units.
   * @throws CanonicalJsonError for a body the server's canonicalizer would not reproduce (see its `reason`).
   */
  createAvatarVideo(request: AvatarVideoCreateRequest, options?: RequestOptions): ApiPromise<AvatarVideoTask>;
  /** One read of a task (`POST /v1.0/task/info`); retried like a GET, since it changes nothing. */
  getTaskInfo(taskId: string, options?: RequestOptions): ApiPromise<TaskInfo>;
  /**
   * Polls task info until the task is no longer executing (see `taskOutcome`
   * for the rule); an undocumented status ends the wait too, so check the result.
   * By default it reads after 1 s, then up to every 5 s, for at most 10 minutes.
   *
   * @throws PollTimeoutError when `timeoutMs` passes first; its `last` is the last task info read.
   * @throws AbortedError when `signal` aborts; the task itself goes on at VidAU.
   */
  waitForTask(taskId: string, options?: WaitForTaskOptions): ApiPromise<TaskInfo>;
}

const exactDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text whose UTF-8 is exactly `bytes` (a BOM kept, nothing replaced), or undefined if there is none. */
function exactUtf8(bytes: Uint8Array): string | undefined {
  try {
    return exactDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A body as `Request.text()` reads it: UTF-8 without a leading BOM, anything malformed replaced. */
function textOf(body: Uint8Array | undefined): string {
  return new TextDecoder().decode(body);
}

/** POST endpoints that only read, so repeating them is harmless. */
const READ_ONLY_POSTS = ['/v1.0/task/info'];

function isRepeatable(request: Request): boolean {
  return isIdempotentMethod(request.method) || READ_ONLY_POSTS.some((path) => new URL(request.url).pathname.endsWith(path));
}

function validateCreate(request: AvatarVideoCreateRequest): void {
  let url: URL | undefined;
  try {
    url = new URL(request.webhook_url);
  } catch {
    url = undefined;
  }
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    throw new InvalidRequestError('webhook_url', 'must be an absolute http(s) URL the service can call');
  }
  const text: unknown = request.params?.text;
  if (typeof text !== 'string' || text.length === 0) throw new InvalidRequestError('params.text', 'must be a non-empty string');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new InvalidRequestError('params.text', `is ${text.length} characters; VidAU accepts at most ${MAX_TEXT_LENGTH}`);
  }
}

const AUTH_KEY_HINT = 'the server may also want x-auth-key: try includeAuthKey: true';
const DOCTOR_HINT =
  'to check the signature, save JSON.stringify(error) as error.json and the body as body.json, and run `npx @signet/auth doctor --from-error error.json --body body.json` with VIDAU_AUTH_KEY set';

/**
 * Creates a client for the VidAU avatar-video API that signs every request as the vendor's
 * server checks it: HMAC-SHA256 over `clientId + canonical body + timestamp` (milliseconds).
 *
 * Task reads are retried twice on 408, 429, 5xx and connection failures, each retry re-signed
 * with a fresh timestamp; `createAvatarVideo` only with `{ retry: true }`. Each try times out
 * after 60 s (`timeoutMs`). A 401's AuthenticationError carries `signing`, how the request was
 * signed (no secret), and its message says how the doctor (`signet-auth doctor --from-error`) checks it,
 * and names `includeAuthKey`, the other usual fix. Failures reject with the `ApiError` subclass of the status (also when a
 * 200 wraps an error code in `{ code, msg }`), or with `ApiTimeoutError`, `ApiConnectionError`
 * or `AbortedError`.
 *
 * @throws InvalidCredentialsError at once, for an empty `clientId` or `authKey`, or one a header
 *   cannot carry (control characters, characters beyond Latin-1, surrounding whitespace).
 * @throws InvalidRequestError on `dangerouslyAllowBrowser` at once, in a web page without it:
 *   the `authKey` is a signing secret that a page would give to anyone who opens it.
 *
 * @example
 * ```ts
 * import { createVidauClient, taskOutcome } from '@signet/vidau';
 *
 * const vidau = createVidauClient({
 *   clientId: process.env.VIDAU_CLIENT_ID ?? '',
 *   authKey: process.env.VIDAU_AUTH_KEY ?? '',
 * });
 *
 * const task = await vidau.createAvatarVideo({
 *   webhook_url: 'https://example.com/vidau-hook',
 *   params: { voice_id: 'voice-1', avatar_id: 7, text: 'Hello from signet', language: 'English' },
 * });
 * if (task.task_id === undefined) throw new Error('VidAU answered without a task_id');
 * const info = await vidau.waitForTask(task.task_id, { onProgress: (i) => console.log(i.progress_bar) });
 * if (taskOutcome(info) === 'succeeded') console.log(info.video_url);
 * ```
 */
export function createVidauClient(options: VidauClientOptions): VidauClient {
  // The authKey signs requests: in a web page, anyone who opens it can read the key and sign as you.
  if (typeof document === 'object' && !options.dangerouslyAllowBrowser) {
    throw new InvalidRequestError('dangerouslyAllowBrowser', 'the authKey would be readable in a web page; call VidAU from your server');
  }
  // Refused here, not on the first call: a credential no header can carry is a setup mistake.
  assertVidauCredentials(options);
  const dialect = options.dialect ?? 'java';
  const now = options.now ?? Date.now;
  /** The serializer's last output: canonical by construction, so a try that sends exactly it needs no second pass. */
  let serialized: string | undefined;
  /** How the latest hop of each call was signed, by the call's Request: what a 401 reports as `signing`. */
  const signedHops = new WeakMap<Request, Pick<VidauSigningRecordInput, 'timestamp' | 'body' | 'signature'>>();
  const api = createApiClient<paths>({
    ...options,
    baseUrl: options.baseUrl ?? VIDAU_BASE_URL,
    isRetryable: isRepeatable,
    // Canonical from the start, so values JSON.stringify would silently change (NaN, undefined in arrays) are refused.
    bodySerializer: (body) => {
      serialized = canonicalJson(body as CanonicalJsonObject, { dialect });
      return serialized;
    },
    // Signed on every try and redirect hop, so each carries a fresh timestamp.
    sign: async ({ body, request }) => {
      const sent = body === undefined ? '' : exactUtf8(body);
      // Any other body (a raw call's) is read as text, as signVidauRequest reads it, canonicalized and
      // sent in that form instead, so that the bytes sent are always the bytes signed.
      const canonical = sent !== undefined && (sent === '' || sent === serialized) ? sent : canonicalJson(textOf(body), { dialect });
      const timestamp = now();
      const headers: Record<string, string> = await vidauHeaders(
        { clientId: options.clientId, authKey: options.authKey, body: canonical, timestamp },
        options,
      );
      signedHops.set(request, { timestamp, body: canonical, signature: headers.Authorization as string });
      if (canonical === '') return { headers };
      headers['content-type'] = 'application/json';
      return canonical === sent ? { headers } : { headers, body: canonical };
    },
    headers: { 'RESPONSE-WRAP': String(options.responseWrap ?? false) },
    readBody: unwrapEnvelope,
    explainError: async (error, request) => {
      const hop = request && signedHops.get(request);
      if (!(error instanceof AuthenticationError) || !hop) return;
      const { clientId, charset } = options;
      Object.assign(error, { signing: await vidauSigningRecord({ ...hop, clientId, dialect, ...(charset && { charset }) }) });
      error.message += ` (${options.includeAuthKey ? '' : `${AUTH_KEY_HINT}; `}${DOCTOR_HINT})`;
    },
  });

  // readBody has unwrapped any envelope, so the data is the bare task info.
  const getTaskInfo = (taskId: string, call?: RequestOptions) =>
    api.call(call, async (init) => {
      if (typeof taskId !== 'string' || taskId === '') throw new InvalidRequestError('task_id', 'must be a non-empty string');
      return api.raw.POST('/v1.0/task/info', { body: { task_id: taskId }, ...init });
    }) as ApiPromise<TaskInfo>;

  return {
    raw: api.raw,
    createAvatarVideo: (request, call) =>
      api.call(call, async (init) => {
        validateCreate(request);
        return api.raw.POST('/v1.0/avatar/video/create', { body: request, ...init });
      }) as ApiPromise<AvatarVideoTask>,
    getTaskInfo,
    waitForTask: (taskId, { isFinished = isTaskFinished, ...pollOptions } = {}) =>
      api.poll((signal) => getTaskInfo(taskId, signal ? { signal } : {}), isFinished, pollOptions),
  };
}
