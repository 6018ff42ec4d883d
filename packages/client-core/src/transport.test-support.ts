// What the transport's tests share: a scripted fetch and bodies that misbehave on purpose.

export const NOW = Date.parse('2026-11-23T12:00:00Z');
export const SECRET = 'sk-live-7Hq2TOPSECRETvalue';

/** An answer to script: a Response, a thrown error, a fetch that never answers, or a function of the request. */
export type Answer = Response | Error | 'hang' | ((request: Request) => Response);

/** A fetch answering from `answers` in order (then `{}`), recording each Request; `sleep` records its delays instead of waiting. */
export function scripted(answers: Answer[]) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    const next = answers[seen.length - 1] ?? new Response('{}');
    const answer = typeof next === 'function' ? next(request) : next;
    if (answer === 'hang') {
      return new Promise<Response>((_resolve, reject) =>
        request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { fetch, seen, delays, sleep };
}

export const post = () => new Request('https://api.test/jobs', { method: 'POST', body: '{"a":1}' });

const encode = (text: string) => new TextEncoder().encode(text);

/** A body that sends `first` and then nothing, ignoring every abort: only the transport can end the wait. */
export function stalledBody(first = '{"ok":') {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encode(first));
    },
  });
}

/** A body that sends `first`, then breaks with `error`, as undici's does on a reset or a truncated body. */
export function brokenBody(error: Error, first = '{"ok":') {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(error);
      sent = true;
      controller.enqueue(encode(first));
    },
  });
}

/** `chunks` chunks of `size` zero bytes (finite, so that a transport that never reads it cannot run away), recording how many were pulled and whether it was cancelled. */
export function countedBody(size: number, chunks = Number.POSITIVE_INFINITY) {
  const state = { pulled: 0, cancelled: false, finished: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) {
        state.finished = true;
        return controller.close();
      }
      state.pulled++;
      controller.enqueue(new Uint8Array(size));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}
