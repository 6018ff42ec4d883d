import { describe, expect, it } from 'vitest';
import { compareVersions, describeNewest, newestServedRelease, readMetadata } from './newest-release.js';

const metadata = (versions: readonly string[], release: string) =>
  `<metadata><versioning><latest>${release}</latest><release>${release}</release><versions>${versions
    .map((v) => `<version>${v}</version>`)
    .join('')}</versions></versioning></metadata>`;

/** Maven Central as a set of served jars and one metadata file; records what was asked. */
function central(xml: string | Error, served: readonly string[]) {
  const asked: string[] = [];
  const fetchImpl = async (url: string) => {
    asked.push(url.replace(/^.*fastjson2\//, ''));
    if (url.endsWith('maven-metadata.xml')) {
      if (xml instanceof Error) throw xml;
      return { ok: true, status: 200, text: async () => xml };
    }
    const version = /\/(\d+\.\d+\.\d+)\/fastjson2-/.exec(url)?.[1] ?? '';
    const ok = served.includes(version);
    return { ok, status: ok ? 200 : 404, text: async () => '' };
  };
  return { fetchImpl, asked };
}

describe('the newest fastjson2 release Maven Central serves', () => {
  it('reads plain releases from the metadata, in version order, without the android and graal builds', () => {
    const read = readMetadata(metadata(['2.0.9', '2.0.10', '2.0.10.android8', '2.0.2.graal', '2.0.66'], '2.0.66'));
    expect(read).toEqual({ versions: ['2.0.9', '2.0.10', '2.0.66'], latest: '2.0.66' });
    expect(['2.0.100', '2.0.66', '2.1.0', '2.0.9'].sort(compareVersions)).toEqual(['2.0.9', '2.0.66', '2.0.100', '2.1.0']);
  });

  it('finds a release the metadata does not list yet, as 2.0.65 was served while it said 2.0.64', async () => {
    const { fetchImpl } = central(metadata(['2.0.63', '2.0.64'], '2.0.64'), ['2.0.64', '2.0.65', '2.0.66']);
    await expect(newestServedRelease('2.0.64', fetchImpl)).resolves.toEqual({
      reachable: true,
      version: '2.0.66',
      metadataLatest: '2.0.64',
    });
  });

  it('skips a listed release whose jar is not served, and never goes below the fixed list', async () => {
    const { fetchImpl } = central(metadata(['2.0.64', '2.0.66', '2.0.67'], '2.0.67'), ['2.0.64', '2.0.65', '2.0.66']);
    await expect(newestServedRelease('2.0.65', fetchImpl)).resolves.toMatchObject({ version: '2.0.66' });
    const old = central(metadata(['2.0.60'], '2.0.60'), ['2.0.60', '2.0.66']);
    await expect(newestServedRelease('2.0.66', old.fetchImpl)).resolves.toMatchObject({ version: '2.0.66' });
  });

  it('follows a new minor release', async () => {
    const { fetchImpl } = central(metadata(['2.0.66'], '2.0.66'), ['2.0.66', '2.1.0', '2.1.1']);
    await expect(newestServedRelease('2.0.66', fetchImpl)).resolves.toMatchObject({ version: '2.1.1' });
  });

  it('says Maven Central is unreachable rather than failing, after asking twice, with the cause', async () => {
    const { fetchImpl, asked } = central(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND repo1.maven.org') }), []);
    const newest = await newestServedRelease('2.0.66', fetchImpl);
    expect(newest).toEqual({ reachable: false, reason: 'TypeError: fetch failed (getaddrinfo ENOTFOUND repo1.maven.org)' });
    expect(asked).toEqual(['maven-metadata.xml', 'maven-metadata.xml']);
    expect(describeNewest(newest, ['2.0.66'])).toMatch(
      /^Maven Central unreachable \(TypeError: fetch failed \(getaddrinfo ENOTFOUND .*\)\): only the fixed list ran$/,
    );
  });

  it('gets past one dropped connection', async () => {
    const { fetchImpl } = central(metadata(['2.0.66'], '2.0.66'), ['2.0.66']);
    let dropped = false;
    const flaky: typeof fetchImpl = async (url) => {
      if (!dropped) {
        dropped = true;
        throw new TypeError('fetch failed');
      }
      return fetchImpl(url);
    };
    await expect(newestServedRelease('2.0.65', flaky)).resolves.toMatchObject({ reachable: true, version: '2.0.66' });
  });

  it('names the newest release and whether it ran beside the fixed list', () => {
    const fixed = ['2.0.45', '2.0.66'];
    expect(describeNewest({ reachable: true, version: '2.0.66', metadataLatest: '2.0.66' }, fixed)).toBe(
      'newest on Maven Central is 2.0.66, in the fixed list',
    );
    expect(describeNewest({ reachable: true, version: '2.0.67', metadataLatest: '2.0.66' }, fixed)).toBe(
      'newest on Maven Central is 2.0.67, not in the fixed list: run beside it; maven-metadata.xml says 2.0.66',
    );
  });
});
