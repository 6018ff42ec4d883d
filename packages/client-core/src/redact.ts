// What may leave the client in an error. Undici's own errors quote what was sent (a header value,
// a URL with its query), which may be a credential: such an error is either replaced by one that
// names no value, or kept as `cause` only as a copy with every value sent redacted.
import { ApiConnectionError, ApiResponseError, InvalidRequestError, SignetError } from './errors.js';

/** The URL and headers of every hop of a try, in order: what a kept cause must not repeat. */
export type SentHops = { readonly url: URL; readonly headers: Headers }[];

/** A failure of one stage of a try (no answer, or a body that broke off), classified once the try is over. */
export class StageFailure {
  constructor(
    readonly stage: 'fetch' | 'body',
    readonly error: unknown,
  ) {}
}

/**
 * The InvalidRequestError for a TypeError the runtime throws while building a
 * request: a header name or value HTTP cannot carry, or a URL with credentials.
 * Undici's message quotes the value (an API key, say), so the error keeps no
 * cause and names no value; the message does not say which header either,
 * so the field is `headers`. Undefined for any other error.
 */
export function requestConstructionError(error: unknown): InvalidRequestError | undefined {
  if (!(error instanceof TypeError)) return undefined;
  if (/invalid header name/i.test(error.message)) return new InvalidRequestError('headers', 'a header name is not a valid HTTP token');
  if (/invalid header value|ByteString/i.test(error.message)) {
    return new InvalidRequestError('headers', 'a header value contains a line break, a control character or a character beyond U+00FF');
  }
  if (/URL that includes credentials/i.test(error.message))
    return new InvalidRequestError('url', 'must not include a user name or password');
  return undefined;
}

/**
 * What a failed try means for the caller (the try's own signal and deadline are checked before):
 * a StageFailure becomes ApiConnectionError with a scrubbed cause, or InvalidRequestError for a
 * request the runtime would not build; anything else is not ours to wrap and is returned as it is.
 */
export function failureOf(error: unknown, host: string, sent: SentHops): unknown {
  if (!(error instanceof StageFailure)) return error;
  const cause = error.error;
  if (error.stage === 'body') {
    return new ApiConnectionError(`the response from ${host} broke off before its body was complete`, {
      cause: scrub(cause, secretsOf(sent)),
      host,
    });
  }
  // fetch reports a network failure as a TypeError; whatever else a fetch throws (a RangeError from
  // an in-process server, a thrown object) is no answer either, and no less likely to quote what was sent.
  if (cause instanceof SignetError) return cause;
  return (
    requestConstructionError(cause) ??
    new ApiConnectionError(`no HTTP response from ${host}`, {
      cause: scrub(cause, secretsOf(sent)),
      host,
      mayHaveBeenProcessed: !neverSent(cause),
    })
  );
}

/** The codes (Node's, undici's, OpenSSL's) of failures before a request can reach the server: no address, no connection, no TLS. */
const UNSENT =
  /^(E(NOTFOUND|AI_AGAIN|CONNREFUSED|HOSTUNREACH|NETUNREACH|ADDRNOTAVAIL)|UND_ERR_CONNECT_TIMEOUT|ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/;

/** Whether a network failure, or one of its causes, is known to have happened before anything was sent. */
function neverSent(error: unknown): boolean {
  for (let inner = error, depth = 0; inner instanceof Error && depth < 4; inner = inner.cause, depth++) {
    if (UNSENT.test(String((inner as { code?: unknown }).code))) return true;
  }
  return false;
}

/**
 * Header names whose values are metadata, never credentials: kept in a log line, and not taken for
 * secrets to redact from a kept cause. Every other header value is a secret.
 */
const PLAIN_HEADER = /^(accept(-encoding|-language)?|content-(length|type|encoding)|user-agent)$/;

/**
 * What a call rejects with for an error that escaped the transport (from openapi-fetch, a
 * middleware, a serializer, or reading the answer): a SignetError as it is; a body that is not
 * JSON as ApiResponseError; a header or URL the runtime refused as InvalidRequestError naming no
 * value; anything else as InvalidRequestError (`request`) when nothing was sent yet, or
 * ApiResponseError after, its cause a copy with `secrets` redacted. A call never rejects with
 * an error of another type, nor with one that quotes a secret it was given.
 */
export function callError(error: unknown, sent: boolean, secrets: readonly string[]): SignetError {
  if (error instanceof SignetError) return error;
  const constructed = requestConstructionError(error);
  if (constructed !== undefined) return constructed;
  const cause = scrub(error, secrets);
  // openapi-fetch parses the (already complete) body; a parse failure is the server's answer, not ours.
  if (error instanceof SyntaxError) return new ApiResponseError('the response body is not valid JSON', { cause });
  const name = error instanceof Error ? error.name : typeof error;
  if (!sent) return new InvalidRequestError('request', `could not be prepared: a middleware or serializer threw ${name}`, { cause });
  return new ApiResponseError(`the answer could not be handled (${name})`, { cause });
}

const MIN_SECRET_LENGTH = 4;

/** Every header value (and token within one), query value and URL credential sent on any hop that could be a secret. */
export function secretsOf(sent: SentHops): string[] {
  const secrets: string[] = [];
  const add = (text: string) => {
    if (text.length >= MIN_SECRET_LENGTH) secrets.push(text);
  };
  for (const { url, headers } of sent) {
    headers.forEach((value, name) => {
      if (PLAIN_HEADER.test(name)) return;
      add(value);
      for (const part of value.split(/[\s,;]+/)) add(part);
    });
    add(url.search.slice(1));
    for (const credential of [url.username, url.password]) {
      add(credential);
      add(decodeLeniently(credential));
    }
    for (const value of url.searchParams.values()) {
      add(value);
      add(encodeURIComponent(value));
    }
  }
  return secrets;
}

function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('[redacted]');
  return out;
}

const CAUSE_FIELDS = ['code', 'errno', 'syscall', 'address', 'port'] as const;

/**
 * A copy of a runtime error safe to keep as `cause`: name, message, stack and
 * the system-error fields (`code`, `syscall`, …) with every secret redacted,
 * its own causes copied the same way (a few levels deep), nothing else.
 */
export function scrub(error: unknown, secrets: readonly string[], depth = 0): Error {
  if (!(error instanceof Error)) return new Error(`a non-Error value was thrown (${typeof error})`);
  const options = depth < 4 && error.cause !== undefined ? { cause: scrub(error.cause, secrets, depth + 1) } : undefined;
  const message = redact(error.message, secrets);
  const copy =
    error instanceof AggregateError && depth < 4
      ? new AggregateError(
          [...(error.errors as unknown[])].slice(0, 8).map((inner) => scrub(inner, secrets, depth + 1)),
          message,
          options,
        )
      : new Error(message, options);
  Object.defineProperty(copy, 'name', { value: error.name, enumerable: false, configurable: true, writable: true });
  copy.stack = redact(error.stack ?? `${error.name}: ${error.message}`, secrets);
  const fields = copy as unknown as Record<string, unknown>;
  for (const field of CAUSE_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'number') fields[field] = value;
    else if (typeof value === 'string') fields[field] = redact(value, secrets);
  }
  return copy;
}
