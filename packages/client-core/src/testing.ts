/** One request as the recording fetch saw it, its body already read. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** The body as text ('' when there is none). */
  readonly body: string;
  /** The raw body bytes, for multipart and binary uploads. */
  readonly bytes: Uint8Array;
  /** The request rebuilt from what was recorded, for `formData()` and the like. */
  readonly request: Request;
}

/** Answers one recorded request; `index` counts from 0 across the fetch's life. Throw to simulate a network failure. */
export type Responder = (request: RecordedRequest, index: number) => Response | Promise<Response>;

/** What {@link recordingFetch} returns: the fetch to hand a client, and what it has been sent. */
export interface RecordingFetch {
  /** Pass as a client's `fetch`. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** Every request received so far, in order. */
  readonly requests: readonly RecordedRequest[];
}

/**
 * A fetch that records each request and answers with `respond`: a function,
 * or a list of answers consumed in order. In a list, a function at the end
 * answers every further request; a Response is used once, since its body can
 * be read only once. Nothing is mocked but the network, so a client under test
 * runs its real code.
 */
export function recordingFetch(
  respond: Responder | readonly (Response | Error | (() => Response))[] = () => Response.json({}),
): RecordingFetch {
  const requests: RecordedRequest[] = [];
  const answer: Responder =
    typeof respond === 'function'
      ? respond
      : (_request, index) => {
          const last = respond.at(-1);
          const next = index < respond.length ? respond[index] : typeof last === 'function' ? last : undefined;
          if (next === undefined) throw new Error(`recordingFetch: no answer scripted for request ${index + 1}`);
          if (next instanceof Error) throw next;
          return typeof next === 'function' ? next() : next;
        };
  return {
    requests,
    async fetch(request) {
      const bytes = new Uint8Array(await request.arrayBuffer());
      const recorded: RecordedRequest = {
        method: request.method,
        url: new URL(request.url),
        headers: new Headers(request.headers),
        body: new TextDecoder().decode(bytes),
        bytes,
        request: new Request(request.url, { method: request.method, headers: request.headers, ...(bytes.length > 0 && { body: bytes }) }),
      };
      requests.push(recorded);
      return answer(recorded, requests.length - 1);
    },
  };
}
