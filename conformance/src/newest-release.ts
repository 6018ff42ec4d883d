import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ARTIFACT = 'https://repo1.maven.org/maven2/com/alibaba/fastjson2/fastjson2';
const javaDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'java');

/** What Maven Central serves beyond the fixed list, found when the suite starts. */
export type NewestRelease =
  | {
      readonly reachable: true;
      /** The newest release whose jar Maven Central serves. */
      readonly version: string;
      /** What `maven-metadata.xml` names as the latest release, which has lagged behind what is served. */
      readonly metadataLatest: string | undefined;
    }
  | { readonly reachable: false; readonly reason: string };

type Fetch = (
  url: string,
  init: { method: 'GET' | 'HEAD'; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

const parts = (version: string) => version.split('.').map(Number);
/** Orders plain `major.minor.patch` versions. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The plain releases `maven-metadata.xml` lists (not the `.android8` or `.graal` builds), and its `<release>`. */
export function readMetadata(xml: string): { versions: string[]; latest: string | undefined } {
  const versions = [...xml.matchAll(/<version>\s*(\d+\.\d+\.\d+)\s*<\/version>/g)].map((m) => m[1] as string);
  const latest = /<release>\s*(\d+\.\d+\.\d+)\s*<\/release>/.exec(xml)?.[1];
  return { versions: [...new Set(versions)].sort(compareVersions), latest };
}

/**
 * The newest fastjson2 release Maven Central actually serves: the highest one its metadata lists
 * whose jar downloads (never below `floor`, the top of the fixed list, which the build fetched),
 * then each next patch and the next minor while their jars download, since the metadata has
 * lagged behind new releases (2.0.65 was served while it still said 2.0.64).
 */
export async function newestServedRelease(floor: string, fetchImpl: Fetch = fetch, timeoutMs = 10_000): Promise<NewestRelease> {
  const signal = AbortSignal.timeout(timeoutMs);
  const served = async (version: string) =>
    (await fetchImpl(`${ARTIFACT}/${version}/fastjson2-${version}.jar`, { method: 'HEAD', signal })).ok;
  try {
    // One more try for the metadata: a dropped connection should not hide a new release for a day.
    const metadata = () => fetchImpl(`${ARTIFACT}/maven-metadata.xml`, { method: 'GET', signal });
    const response = await metadata().catch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return metadata();
    });
    if (!response.ok) return { reachable: false, reason: `maven-metadata.xml answered ${response.status}` };
    const { versions, latest } = readMetadata(await response.text());
    let newest = floor;
    for (const listed of versions.filter((v) => compareVersions(v, floor) > 0).reverse()) {
      if (await served(listed)) {
        newest = listed;
        break;
      }
    }
    for (let probes = 0; probes < 20; probes++) {
      const [major, minor, patch] = parts(newest) as [number, number, number];
      const next = [`${major}.${minor}.${patch + 1}`, `${major}.${minor + 1}.0`];
      const found = await (async () => {
        for (const candidate of next) if (await served(candidate)) return candidate;
        return undefined;
      })();
      if (found === undefined) break;
      newest = found;
    }
    return { reachable: true, version: newest, metadataLatest: latest };
  } catch (error) {
    // fetch says "fetch failed" and keeps the reason (ENOTFOUND, ECONNRESET, …) in its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return { reachable: false, reason: error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error) };
  }
}

/** Copies a release's jar to java/target/fastjson2-<version>/ with Maven (checksums and cache as for the fixed list). */
export async function fetchRelease(version: string): Promise<void> {
  const directory = join(javaDirectory, 'target', `fastjson2-${version}`);
  if (existsSync(directory) && readdirSync(directory).some((f) => f.endsWith('.jar'))) return;
  await promisify(execFile)(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      join(javaDirectory, 'pom.xml'),
      'dependency:copy',
      `-Dartifact=com.alibaba.fastjson2:fastjson2:${version}`,
      `-DoutputDirectory=${directory}`,
    ],
    { timeout: 120_000 },
  );
}

/** One line for the run's report: which release the newest is, and whether it ran beside the fixed list. */
export function describeNewest(newest: NewestRelease, fixed: readonly string[]): string {
  if (!newest.reachable) return `Maven Central unreachable (${newest.reason}): only the fixed list ran`;
  const metadata = newest.metadataLatest === newest.version ? '' : `; maven-metadata.xml says ${newest.metadataLatest ?? 'nothing'}`;
  return fixed.includes(newest.version)
    ? `newest on Maven Central is ${newest.version}, in the fixed list${metadata}`
    : `newest on Maven Central is ${newest.version}, not in the fixed list: run beside it${metadata}`;
}
