import type { IncomingMessage, ServerResponse } from 'node:http';

/** How {@link toNodeListener} rebuilds the request URL, which Node hands over as a path only. */
export interface NodeListenerOptions {
  /**
   * The origin the request URLs are built on, e.g. `https://shop.example`. Default: `http://`
   * plus the request's Host header. The token handler reads only the URL's query from it.
   */
  readonly origin?: string;
}

/** The request's body as a web stream; a cancel drains the rest instead of destroying the socket, so the answer still goes out. */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let onData: (chunk: Buffer) => void;
  let onEnd: () => void;
  let onError: (error: Error) => void;
  const detach = () => {
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('error', onError);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onData = (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      };
      onEnd = () => {
        detach();
        controller.close();
      };
      onError = (error) => {
        detach();
        controller.error(error);
      };
      req.on('data', onData).on('end', onEnd).on('error', onError);
    },
    pull() {
      req.resume();
    },
    cancel() {
      detach();
      req.resume();
    },
  });
}

function toRequest(req: IncomingMessage, origin: string | undefined, signal: AbortSignal): Request {
  const url = new URL(req.url ?? '/', origin ?? `http://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    try {
      headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
    } catch {
      // A header the Fetch API will not carry (Node accepted it); the handler has no use for it.
    }
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, { method, headers, signal, ...(hasBody && { body: bodyOf(req), duplex: 'half' }) } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers).end(body);
}

/**
 * Serves a fetch-style handler, such as `createAiutaTokenHandler(...)`, from `node:http`
 * (`http.createServer(toNodeListener(handler))`) or any framework that hands over Node's
 * request and response (Express: `app.all('/aiuta-token', toNodeListener(handler))`).
 * The request's AbortSignal fires when the client goes away. Never throws; a failure to
 * build the request (a malformed Host) is answered 400, anything else 500.
 */
export function toNodeListener(handler: (request: Request) => Promise<Response>, options: NodeListenerOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const controller = new AbortController();
    res.once('close', () => controller.abort());
    const fail = (status: number, error: string, message: string) => {
      if (res.headersSent) res.destroy();
      else
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ error, message }));
    };
    let request: Request;
    try {
      request = toRequest(req, options.origin, controller.signal);
    } catch {
      fail(400, 'invalid_request', 'the request URL or Host is malformed');
      req.resume();
      return;
    }
    handler(request)
      .then((response) => send(res, response))
      .catch(() => fail(500, 'internal_error', 'the request could not be handled'));
  };
}
