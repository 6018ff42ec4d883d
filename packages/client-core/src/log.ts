// What a client logs, and what a log line may show: the rules of redact.ts, which decide what may
// leave in an error, decide what may leave in a log line too.
import { InvalidRequestError } from './errors.js';
import { redact, type SentHops, secretsOf } from './redact.js';

/** `logLevel`'s values, from the least said to the most; each level logs what the ones before it do. */
const LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const;

/** How a client logs: the `logLevel`, `logger` and `logBodies` options of every client. */
export interface LogOptions {
  /**
   * What to log: `debug` logs each request sent (method, URL, headers) and each answer (status,
   * time, request id); `info` each retry (what caused it, and the wait) and each answer with an
   * error status. Default `off`: a client logs nothing, and pays nothing for it.
   */
  readonly logLevel?: (typeof LEVELS)[number];
  /**
   * Where lines go: anything with console's `debug`, `info`, `warn` and `error` (pino, winston,
   * and `console` itself, the default). Each line is a message and an object of details.
   */
  readonly logger?: Pick<Console, 'debug' | 'info' | 'warn' | 'error'>;
  /** Also log request and response bodies (their first 4 KiB as text; an upload as `[upload]`). Off by default. */
  readonly logBodies?: boolean;
}

/**
 * Logs one line at `level`, with every secret the try sent (each header value but metadata such
 * as `content-type`, each query value, URL credentials) redacted from it, as from an error's cause,
 * and `body` when `logBodies` asks for it: its first 4 KiB as text, or `[upload]` for a Blob or stream.
 */
export type Log = (level: 'debug' | 'info', line: string, sent: SentHops, body?: unknown, details?: Record<string, unknown>) => void;

const utf8 = new TextDecoder();

/**
 * The transport's log, or undefined when `logLevel` says nothing it would log, so that a silent
 * client builds no line.
 *
 * @throws InvalidRequestError for a `logLevel` that is not one of the five.
 */
export function createLog({ logLevel = 'off', logger = console, logBodies }: LogOptions): Log | undefined {
  const rank = LEVELS.indexOf(logLevel);
  if (rank < 0) throw new InvalidRequestError('logLevel', `must be one of ${LEVELS}`);
  // Only `info` and `debug` have lines to log.
  return rank > 2
    ? (level, line, sent, body, details) => {
        if (level === 'info' || rank > 3) {
          const shown = !logBodies || !body ? '' : body instanceof Uint8Array ? ` ${utf8.decode(body.subarray(0, 4096))}` : ' [upload]';
          logger[level](`[signet] ${redact(line + shown, secretsOf(sent))}`, details);
        }
      }
    : undefined;
}
