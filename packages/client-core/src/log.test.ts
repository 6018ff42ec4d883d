import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from './errors.js';
import type { LogOptions } from './log.js';
import { createTransport } from './transport.js';
import { SECRET, scripted } from './transport.test-support.js';

/** A console-compatible logger that keeps every line. */
function recorder() {
  const lines: { level: string; line: string; details: unknown }[] = [];
  const at =
    (level: string) =>
    (line: string, details?: unknown): void => {
      lines.push({ level, line, details });
    };
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

const signedPost = () =>
  new Request(`https://api.test/jobs?key=${SECRET}`, {
    method: 'POST',
    body: `{"token":"${SECRET}"}`,
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
  });

async function run(options: LogOptions, answers: Response[], retry = true) {
  const { lines, logger } = recorder();
  const io = scripted(answers);
  const transport = createTransport({ fetch: io.fetch, sleep: io.sleep, random: () => 0.5, logger, ...options });
  await transport.send(signedPost(), { retry });
  return lines;
}

describe('logging (logLevel, logger, logBodies)', () => {
  it('logs nothing by default, and the logger is never called', async () => {
    expect(await run({}, [new Response(null, { status: 503 }), new Response('{}')])).toEqual([]);
  });

  it('at debug, logs each request and each answer with its status, time and request id, every secret redacted', async () => {
    const answer = new Response('{"id":"job-1"}', { headers: { 'x-request-id': 'req-42' } });
    const lines = await run({ logLevel: 'debug' }, [answer]);
    expect(lines.map(({ level }) => level)).toEqual(['debug', 'debug']);
    const [request, response] = lines;
    expect(request?.line).toMatch(/^\[signet\] POST https:\/\/api\.test\/jobs\?\[redacted\] /);
    expect(request?.line).toContain('authorization: [redacted]');
    // Metadata stays readable: it is what a reader of the log needs.
    expect(request?.line).toContain('content-type: application/json');
    expect(response?.line).toMatch(/^\[signet\] 200 POST https:\/\/api\.test\/jobs\?\[redacted\] in \d+ ms$/);
    expect(response?.details).toEqual({ status: 200, requestId: 'req-42' });
    expect(JSON.stringify(lines)).not.toContain(SECRET);
    // Bodies are left out unless asked for.
    expect(JSON.stringify(lines)).not.toContain('job-1');
  });

  it('at info, logs each error answer and each retry with its cause and wait, but no request', async () => {
    const lines = await run({ logLevel: 'info' }, [new Response(null, { status: 503 }), new Response('{}', { status: 404 })]);
    expect(lines.map(({ level, line }) => [level, line.replace(/\d+ ms/g, 'N ms')])).toEqual([
      ['info', '[signet] 503 POST https://api.test/jobs?[redacted] in N ms'],
      ['info', '[signet] retry 1 of 2: POST https://api.test/jobs?[redacted] in N ms, after 503'],
      ['info', '[signet] 404 POST https://api.test/jobs?[redacted] in N ms'],
    ]);
  });

  it('logs a retry after a connection failure, naming it', async () => {
    const { lines, logger } = recorder();
    const io = scripted([new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) })]);
    const transport = createTransport({ fetch: io.fetch, sleep: io.sleep, logger, logLevel: 'info' });
    await transport.send(signedPost(), { retry: true });
    expect(lines[0]?.line).toMatch(/retry 1 of 2: .* after no HTTP response from api\.test$/);
  });

  it('logs bodies only with logBodies, redacted by the same rules', async () => {
    const lines = await run({ logLevel: 'debug', logBodies: true }, [new Response('{"id":"job-1"}')]);
    expect(lines[0]?.line).toMatch(/ \{"token":"\[redacted\]"\}$/);
    expect(lines[1]?.line).toMatch(/ \{"id":"job-1"\}$/);
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it('refuses a logLevel it does not know, when the client is made', () => {
    expect(() => createTransport({ logLevel: 'verbose' as never })).toThrow(InvalidRequestError);
  });
});
