import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type Check, checksFor, judge, type Outcome, parseAnswer } from './protocol.js';
import type { Vector, VectorFile } from './vectors.js';

/** Requests written ahead of the answers read. */
const IN_FLIGHT = 64;

/** How to run an implementation over a vector file. */
export interface RunOptions {
  /** The adapter: a command that reads requests from standard input and writes answers to standard output. */
  readonly command: string;
  readonly args?: readonly string[];
  readonly vectors: VectorFile;
  /** The JVM default charsets the implementation supports; default `['UTF-8']`. */
  readonly charsets?: readonly string[];
  /** How long to wait for each answer; default 30 s (the first may include the adapter's start-up). */
  readonly timeoutMs?: number;
  /** Where the adapter's standard error goes; default this process's. */
  readonly stderr?: (text: string) => void;
}

/** The outcome of one request. */
export interface CaseResult {
  readonly tcId: number;
  readonly result: Vector['result'];
  readonly flags: readonly string[];
  readonly charset: string;
  readonly op: 'sign' | 'verify';
  readonly outcome: Outcome;
}

/** Everything a run found. */
export interface RunSummary {
  readonly dialect: VectorFile['dialect'];
  readonly version: string;
  readonly charsets: readonly string[];
  readonly results: readonly CaseResult[];
  /** Set when the adapter stopped answering: it exited, timed out or broke the protocol. */
  readonly aborted?: string;
  /** Whether every request was answered and passed. */
  readonly passed: boolean;
}

/**
 * Drives an adapter over every vector (one JSON line out per request, one JSON line back per answer, in
 * order; up to 64 requests ahead of the answers) and judges each answer against the reference's output. Never throws for what the adapter does:
 * a crash, a timeout or a malformed answer fails the run and is reported.
 *
 * @example
 * ```ts
 * import { loadVectors, runConformance } from '@signet/vidau-conformance';
 *
 * const summary = await runConformance({ command: 'python3', args: ['adapter.py'], vectors: loadVectors('python') });
 * process.exitCode = summary.passed ? 0 : 1;
 * ```
 */
export async function runConformance(options: RunOptions): Promise<RunSummary> {
  const { vectors, timeoutMs = 30_000 } = options;
  const charsets = options.charsets ?? ['UTF-8'];
  const unknown = charsets.filter((c) => !vectors.generator.charsets.includes(c));
  if (unknown.length > 0) {
    throw new RangeError(
      `the ${vectors.dialect} vectors have no charset ${unknown.join(', ')}; they have ${vectors.generator.charsets.join(', ')}`,
    );
  }
  const checks = vectors.tests.flatMap((v) => checksFor(v, vectors.dialect, charsets));
  const results: CaseResult[] = [];
  const record = (check: Check, outcome: Outcome) =>
    results.push({
      tcId: check.vector.tcId,
      result: check.vector.result,
      flags: check.vector.flags,
      charset: check.charset,
      op: check.request.op,
      outcome,
    });

  const child = spawn(options.command, [...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', (chunk: Buffer) => (options.stderr ?? ((text: string) => process.stderr.write(text)))(chunk.toString()));
  child.stdin.on('error', () => {}); // an adapter that exits early is reported below, not thrown
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`the adapter could not start: ${error.message}`));
    child.once('exit', (code, signal) => resolve(`the adapter exited (${signal ?? `code ${code}`})`));
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();

  let aborted: string | undefined;
  let sent = 0;
  for (const check of checks) {
    // Requests go out a window ahead of the answers, so an adapter that answers concurrently (in order) may.
    while (sent < checks.length && sent - results.length < IN_FLIGHT) child.stdin.write(`${JSON.stringify(checks[sent++]?.request)}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer to ${check.request.id} within ${timeoutMs} ms`), timeoutMs);
    });
    // The answers end when the adapter's standard output closes, which is when it exits.
    const next = lines.next().then((line) => (line.done ? undefined : line.value));
    const line = await Promise.race([next, timeout.then((why) => ({ why }))]);
    clearTimeout(timer);
    if (typeof line !== 'string') {
      aborted = line === undefined ? await exited : line.why;
      break;
    }
    const answer = parseAnswer(line, check.request.id);
    if (typeof answer === 'string') {
      aborted = answer;
      break;
    }
    record(check, judge(check, answer));
  }
  child.stdin.end();
  // An adapter exits when its input ends; one that does not, or that broke off, is stopped.
  if (aborted !== undefined) child.kill();
  const stopped = setTimeout(() => child.kill(), 5_000);
  await exited;
  clearTimeout(stopped);
  const answered = results.length;
  for (const check of checks.slice(answered)) record(check, { passed: false, reason: 'not answered' });
  return {
    dialect: vectors.dialect,
    version: vectors.generator.version,
    charsets,
    results,
    ...(aborted === undefined ? {} : { aborted }),
    passed: aborted === undefined && results.every((r) => r.outcome.passed),
  };
}
