/**
 * The vendor's two reference implementations as long-lived benchmark processes: the Java sample
 * on fastjson2 in one warmed JVM (benchmarks/java/BenchReference.java, compiled here against the
 * conformance build), and the Python sample in one CPython process (python-reference.py). Each
 * parses a body once, then signs it n times on request and reports the time it took, so that the
 * pipe between the processes is never timed.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..');

export interface Timing {
  /** CPU time of the reference's whole process (every thread), in milliseconds. */
  readonly cpuMs: number;
  readonly wallMs: number;
}

export interface Reference {
  /** e.g. `fastjson2=2.0.64 java=17.0.15` */
  readonly version: string;
  /** Parses `text` once; answers the canonical body (as UTF-8 bytes) and signature the reference produces for it. */
  load(text: string): Promise<{ canonical: Buffer; signature: string }>;
  /** Signs the loaded body `n` times. */
  run(n: number): Promise<Timing>;
  close(): Promise<void>;
}

class LineProcess {
  private readonly lines: AsyncIterator<string>;
  private stderr = '';

  constructor(
    readonly name: string,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  async next(): Promise<string> {
    const line = await this.lines.next();
    if (line.done) throw new Error(`the ${this.name} reference exited: ${this.stderr.slice(-2000)}`);
    return line.value;
  }

  async ask(request: string): Promise<string> {
    this.child.stdin.write(`${request}\n`);
    return this.next();
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

function started(name: string, command: string, args: string[]): LineProcess {
  return new LineProcess(name, spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] }));
}

export async function startPythonReference(): Promise<Reference> {
  const process_ = started('Python', process.env.SIGNET_PYTHON ?? 'python3', [join(here, 'python-reference.py')]);
  const ready = JSON.parse(await process_.next()) as { python: string };
  return {
    version: `CPython ${ready.python}`,
    async load(text) {
      const reply = JSON.parse(await process_.ask(JSON.stringify({ op: 'load', text }))) as { canonical: string; signature: string };
      return { canonical: Buffer.from(reply.canonical, 'utf8'), signature: reply.signature };
    },
    async run(n) {
      const reply = JSON.parse(await process_.ask(JSON.stringify({ op: 'run', n }))) as { cpu: number; wall: number };
      return { cpuMs: reply.cpu * 1000, wallMs: reply.wall * 1000 };
    },
    close: () => process_.close(),
  };
}

const versionOrder = (a: string, b: string) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/**
 * The fastjson2 jar to run the vendor sample on, read from the conformance build as it is now:
 * the release the sample is compiled against (`fastjson2=` in reference.properties) when its
 * directory exists, else the newest `fastjson2-<version>` directory, else `lib/`.
 */
function fastjson2Jar(target: string): { version: string; jar: string } {
  const properties = join(target, 'classes', 'reference.properties');
  const pinned = existsSync(properties) ? /^fastjson2=(\S+)$/m.exec(readFileSync(properties, 'utf8'))?.[1] : undefined;
  const versions = readdirSync(target)
    .map((name) => /^fastjson2-(\d+(?:\.\d+)*)$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .sort(versionOrder);
  const chosen = pinned !== undefined && versions.includes(pinned) ? pinned : versions.at(-1);
  const directory = chosen === undefined ? join(target, 'lib') : join(target, `fastjson2-${chosen}`);
  const jar = existsSync(directory) ? readdirSync(directory).find((name) => /^fastjson2-.*\.jar$/.test(name)) : undefined;
  if (jar === undefined) throw new Error(`no fastjson2 jar under ${target}`);
  return { version: chosen ?? jar.replace(/^fastjson2-|\.jar$/g, ''), jar: join(directory, jar) };
}

export async function startJavaReference(): Promise<Reference> {
  const target = join(repository, 'conformance', 'java', 'target');
  if (!existsSync(join(target, 'classes', 'reference', 'JsonSorterUtils.class'))) {
    throw new Error('the Java reference is not built: run `mvn -q -B -f conformance/java/pom.xml package`');
  }
  const { jar } = fastjson2Jar(target);
  const classes = mkdtempSync(join(tmpdir(), 'signet-bench-java-'));
  process.once('exit', () => rmSync(classes, { recursive: true, force: true }));
  const classpath = [classes, join(target, 'classes'), jar].join(':');
  try {
    execFileSync('javac', ['-nowarn', '-cp', classpath, '-d', classes, join(here, '..', 'java', 'BenchReference.java')], { stdio: 'pipe' });
  } catch (error) {
    rmSync(classes, { recursive: true, force: true });
    throw new Error(`javac failed: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`);
  }
  const process_ = started('Java', 'java', ['-cp', classpath, 'BenchReference']);
  const [, fastjson2 = '', java = ''] = (await process_.next()).split('\t');
  return {
    version: `${fastjson2} ${java}`,
    async load(text) {
      const [, hex = '', signature = ''] = (await process_.ask(`load\t${Buffer.from(text, 'utf8').toString('hex')}`)).split('\t');
      return { canonical: Buffer.from(hex, 'hex'), signature };
    },
    async run(n) {
      const [, cpu = '0', wall = '0'] = (await process_.ask(`run\t${n}`)).split('\t');
      return { cpuMs: Number(cpu) / 1e6, wallMs: Number(wall) / 1e6 };
    },
    async close() {
      await process_.close();
      rmSync(classes, { recursive: true, force: true });
    },
  };
}
