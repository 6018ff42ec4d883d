import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type ReferenceName = 'java' | 'python';

export interface ReferenceCase {
  /** The JSON text handed to the vendor's sorter. */
  readonly text: string;
  readonly clientId: string;
  readonly authKey: string;
  readonly timestamp: number;
}

/** What a reference answered: the exact UTF-8 bytes it would sign, or the exception it threw. */
export type ReferenceAnswer =
  | { readonly ok: true; readonly canonical: Uint8Array; readonly signature: string }
  | { readonly ok: false; readonly error: string };

const conformanceRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const utf8 = new TextEncoder();
const toHex = (text: string) => Buffer.from(utf8.encode(text)).toString('hex');

interface Protocol {
  readonly command: string;
  readonly args: readonly string[];
  encode(id: number, c: ReferenceCase): string;
  /** Parses the ready line into a version string. */
  ready(line: string): string;
  decode(line: string): { id: number; answer: ReferenceAnswer };
}

const javaProtocol: Protocol = {
  command: 'java',
  args: [
    // The vendor signs message.getBytes(): pin the platform charset to UTF-8, as JDK 18+ and typical servers have it.
    '-Dfile.encoding=UTF-8',
    '-Xshare:auto',
    '-cp',
    [join(conformanceRoot, 'java/target/classes'), join(conformanceRoot, 'java/target/lib/*')].join(':'),
    'reference.Main',
  ],
  encode: (id, c) => [id, toHex(c.text), toHex(c.clientId), toHex(c.authKey), c.timestamp].join('\t'),
  ready: (line) => {
    const [tag, version] = line.split('\t');
    if (tag !== 'ready' || version === undefined) throw new Error(`unexpected first line from the Java reference: ${line}`);
    return version;
  },
  decode: (line) => {
    const [id, status, payload = '', signature = ''] = line.split('\t');
    const answer: ReferenceAnswer =
      status === 'ok'
        ? { ok: true, canonical: new Uint8Array(Buffer.from(payload, 'hex')), signature }
        : { ok: false, error: Buffer.from(payload, 'hex').toString('utf8') };
    return { id: Number(id), answer };
  },
};

const pythonProtocol: Protocol = {
  command: process.env.SIGNET_PYTHON ?? 'python3',
  args: [join(conformanceRoot, 'python/vidau_reference.py')],
  encode: (id, c) => JSON.stringify({ id, text: c.text, clientId: c.clientId, authKey: c.authKey, timestamp: c.timestamp }),
  // Major.minor only: json and repr() are stable across patch releases, and CI images differ in patch.
  ready: (line) => `python=${(JSON.parse(line) as { python: string }).python.split('.').slice(0, 2).join('.')}`,
  decode: (line) => {
    const reply = JSON.parse(line) as { id: number; ok: boolean; canonical?: string; signature?: string; error?: string };
    // The Python answer is a str of code points; its signed bytes are its UTF-8 (pure ASCII here).
    const answer: ReferenceAnswer = reply.ok
      ? { ok: true, canonical: utf8.encode(reply.canonical ?? ''), signature: reply.signature ?? '' }
      : { ok: false, error: reply.error ?? 'unknown error' };
    return { id: reply.id, answer };
  },
};

/** One long-lived reference process fed a line per case, so thousands of cases cost milliseconds each. */
export class ReferenceProcess {
  private readonly pending = new Map<number, (answer: ReferenceAnswer) => void>();
  private nextId = 0;
  private exited: Error | undefined;

  private constructor(
    readonly name: ReferenceName,
    readonly version: string,
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly protocol: Protocol,
    lines: AsyncIterableIterator<string>,
  ) {
    void this.pump(lines);
  }

  static async start(name: ReferenceName): Promise<ReferenceProcess> {
    const protocol = name === 'java' ? javaProtocol : pythonProtocol;
    if (name === 'java' && !existsSync(join(conformanceRoot, 'java/target/lib'))) {
      throw new Error('The Java reference is not built: run `pnpm --filter @signet/conformance build:references`');
    }
    const child = spawn(protocol.command, protocol.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new Error(`cannot start the ${name} reference (${protocol.command}): ${error.message}`)));
    });
    await spawned;
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error(`the ${name} reference exited before it was ready: ${stderr}`);
    return new ReferenceProcess(name, protocol.ready(first.value), child, protocol, lines);
  }

  private async pump(lines: AsyncIterableIterator<string>): Promise<void> {
    for await (const line of lines) {
      const { id, answer } = this.protocol.decode(line);
      this.pending.get(id)?.(answer);
      this.pending.delete(id);
    }
    this.exited = new Error(`the ${this.name} reference exited`);
    for (const resolve of this.pending.values()) resolve({ ok: false, error: this.exited.message });
    this.pending.clear();
  }

  run(c: ReferenceCase): Promise<ReferenceAnswer> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.stdin.write(`${this.protocol.encode(id, c)}\n`);
    });
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('exit', resolve));
  }
}
