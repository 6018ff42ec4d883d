import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ImportedCharset } from '@signet/auth/charsets';

export type ReferenceName = 'java' | 'python';

/** The JVM default charsets the vendor's `getBytes()` calls are checked under, by Java's name for each. */
export type JvmCharset = 'UTF-8' | 'US-ASCII' | 'ISO-8859-1' | ImportedCharset['name'];

export interface ReferenceCase {
  /** The JSON text handed to the vendor's sorter. */
  readonly text: string;
  readonly clientId: string;
  readonly authKey: string;
  readonly timestamp: number;
}

/** What a reference answered: the exact bytes it would sign (in its charset), or the exception it threw. */
export type ReferenceAnswer =
  | {
      readonly ok: true;
      /** The canonical text the reference wrote, an unpaired surrogate included as it is. */
      readonly text: string;
      /** That text as `getBytes()` encodes it in the reference's charset (an unpaired surrogate as `?`). */
      readonly canonical: Uint8Array;
      readonly signature: string;
      /** The key and message bytes the reference's HMAC took (`getBytes()` in its charset). */
      readonly key: Uint8Array;
      readonly message: Uint8Array;
    }
  | { readonly ok: false; readonly error: string };

const conformanceRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const javaTarget = join(conformanceRoot, 'java/target');
const utf8 = new TextEncoder();
const toHex = (text: string) => Buffer.from(utf8.encode(text)).toString('hex');

/** The release the vendor sample is compiled against (pom.xml `fastjson2.version`). */
export const FASTJSON2_PINNED = '2.0.64';

/**
 * The declared fastjson2 range, read from the build (pom.xml `fastjson2.range`, filtered into
 * reference.properties), so that the suite runs exactly the releases Maven fetched.
 */
export function fastjson2Range(): readonly string[] {
  const properties = join(javaTarget, 'classes/reference.properties');
  if (!existsSync(properties)) {
    throw new Error('The Java reference is not built: run `pnpm --filter @signet/conformance build` (mvn package)');
  }
  const range = /^range=(.+)$/m.exec(readFileSync(properties, 'utf8'))?.[1]?.trim();
  if (range === undefined || range.includes('$')) throw new Error(`no fastjson2 range in ${properties}`);
  const versions = range.split(',').map((v) => v.trim());
  for (const version of versions) {
    if (!existsSync(join(javaTarget, `fastjson2-${version}`))) {
      throw new Error(`fastjson2 ${version} is not in java/target/fastjson2-${version}: run the Maven build again`);
    }
  }
  return versions;
}

export interface JavaOptions {
  /** Which fastjson2 release's jar is on the classpath; defaults to the pinned one. */
  readonly fastjson2?: string;
  /** The JVM default charset, set the way a server's environment would set it. Default UTF-8. */
  readonly charset?: JvmCharset;
}

export interface Launch {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

interface Protocol {
  encode(id: number, c: ReferenceCase): string;
  /** Parses the ready line into a version string, checking it is the process that was asked for. */
  ready(line: string): string;
  decode(line: string): { id: number; answer: ReferenceAnswer };
}

/**
 * A JVM running `mainClass` from the reference build on one fastjson2 release, with `charset` as its default.
 * Java 17 takes its default charset from the locale unless file.encoding says otherwise: US-ASCII is what a
 * server under LANG=C gets; every other one is set as -Dfile.encoding would set it. Nothing else is changed.
 */
export function javaLaunch({ fastjson2 = FASTJSON2_PINNED, charset = 'UTF-8' }: JavaOptions, mainClass = 'reference.Main'): Launch {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const args: string[] = [];
  if (charset === 'US-ASCII') {
    Object.assign(env, { LANG: 'C', LC_ALL: 'C' });
    delete env.JAVA_TOOL_OPTIONS;
  } else {
    args.push(`-Dfile.encoding=${charset}`);
  }
  args.push(
    '-Xshare:auto',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-cp',
    [join(javaTarget, 'classes'), join(javaTarget, `fastjson2-${fastjson2}/*`)].join(':'),
    mainClass,
  );
  return { command: 'java', args, env };
}

/** A string from four hex digits per UTF-16 unit, lone surrogates and all. */
function fromUnits(hex: string): string {
  let text = '';
  for (let i = 0; i < hex.length; i += 4096) {
    const chunk = hex.slice(i, i + 4096);
    text += String.fromCharCode(...Array.from({ length: chunk.length / 4 }, (_, k) => Number.parseInt(chunk.slice(4 * k, 4 * k + 4), 16)));
  }
  return text;
}

function javaProtocol({ fastjson2 = FASTJSON2_PINNED, charset = 'UTF-8' }: JavaOptions): Protocol {
  return {
    encode: (id, c) => [id, toHex(c.text), toHex(c.clientId), toHex(c.authKey), c.timestamp].join('\t'),
    ready: (line) => {
      const [tag, version, jvmCharset] = line.split('\t');
      if (tag !== 'ready' || version !== `fastjson2=${fastjson2}` || jvmCharset !== `charset=${charset}`) {
        throw new Error(`the Java reference started as ${line.replaceAll('\t', ' ')}, not fastjson2=${fastjson2} charset=${charset}`);
      }
      return charset === 'UTF-8' ? version : `${version} ${jvmCharset}`;
    },
    decode: (line) => {
      const [id, status, payload = '', signature = '', key = '', message = '', units = ''] = line.split('\t');
      const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
      const answer: ReferenceAnswer =
        status === 'ok'
          ? { ok: true, text: fromUnits(units), canonical: bytes(payload), signature, key: bytes(key), message: bytes(message) }
          : { ok: false, error: Buffer.from(payload, 'hex').toString('utf8') };
      return { id: Number(id), answer };
    },
  };
}

const pythonLaunch: Launch = {
  command: process.env.SIGNET_PYTHON ?? 'python3',
  args: [join(conformanceRoot, 'python/vidau_reference.py')],
  env: process.env,
};

const pythonProtocol: Protocol = {
  encode: (id, c) => JSON.stringify({ id, text: c.text, clientId: c.clientId, authKey: c.authKey, timestamp: c.timestamp }),
  // Major.minor only: json and repr() are stable across patch releases, and CI images differ in patch.
  ready: (line) => `python=${(JSON.parse(line) as { python: string }).python.split('.').slice(0, 2).join('.')}`,
  decode: (line) => {
    const reply = JSON.parse(line) as {
      id: number;
      ok: boolean;
      canonical?: string;
      signature?: string;
      keyHex?: string;
      messageHex?: string;
      error?: string;
    };
    const bytes = (hex = '') => new Uint8Array(Buffer.from(hex, 'hex'));
    // The Python answer is a str of code points; its signed bytes are its UTF-8 (pure ASCII here).
    const answer: ReferenceAnswer = reply.ok
      ? {
          ok: true,
          text: reply.canonical ?? '',
          canonical: utf8.encode(reply.canonical ?? ''),
          signature: reply.signature ?? '',
          key: bytes(reply.keyHex),
          message: bytes(reply.messageHex),
        }
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

  static async start(name: ReferenceName, java: JavaOptions = {}): Promise<ReferenceProcess> {
    if (name === 'java') fastjson2Range();
    const launch = name === 'java' ? javaLaunch(java) : pythonLaunch;
    const protocol = name === 'java' ? javaProtocol(java) : pythonProtocol;
    const child = spawn(launch.command, launch.args, { stdio: ['pipe', 'pipe', 'pipe'], env: launch.env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new Error(`cannot start the ${name} reference (${launch.command}): ${error.message}`)));
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
    this.exited = new Error(`the ${this.name} reference (${this.version}) exited`);
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

/** What the whole fastjson2 range did with one case. */
export type RangeAnswer =
  /** Every release gave the same bytes and signature (or every release threw). */
  | { readonly agreed: true; readonly answer: ReferenceAnswer; readonly byVersion: ReadonlyMap<string, ReferenceAnswer> }
  /** Releases differ: some threw and some did not, or their bytes differ. */
  | { readonly agreed: false; readonly byVersion: ReadonlyMap<string, ReferenceAnswer> };

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

function sameAnswer(a: ReferenceAnswer, b: ReferenceAnswer): boolean {
  if (a.ok !== b.ok) return false;
  if (!a.ok || !b.ok) return true; // both threw: the messages may differ, the outcome does not
  return a.signature === b.signature && a.text === b.text && sameBytes(a.canonical, b.canonical);
}

/** The vendor's Java sample on every fastjson2 release of the declared range, one JVM each. */
export class JavaRange {
  private constructor(readonly processes: ReadonlyMap<string, ReferenceProcess>) {}

  static async start(versions: readonly string[] = fastjson2Range()): Promise<JavaRange> {
    const started = await Promise.all(versions.map((fastjson2) => ReferenceProcess.start('java', { fastjson2 })));
    return new JavaRange(new Map(versions.map((v, i) => [v, started[i] as ReferenceProcess])));
  }

  get versions(): readonly string[] {
    return [...this.processes.keys()];
  }

  /** `fastjson2=2.0.45,2.0.49,…,2.0.65` */
  get version(): string {
    return `fastjson2=${this.versions.join(',')}`;
  }

  async run(c: ReferenceCase): Promise<RangeAnswer> {
    const answers = await Promise.all([...this.processes.values()].map((p) => p.run(c)));
    const byVersion = new Map(this.versions.map((v, i) => [v, answers[i] as ReferenceAnswer]));
    const first = answers[0] as ReferenceAnswer;
    return answers.every((a) => sameAnswer(a, first)) ? { agreed: true, answer: first, byVersion } : { agreed: false, byVersion };
  }

  close(): Promise<unknown> {
    return Promise.all([...this.processes.values()].map((p) => p.close()));
  }
}
