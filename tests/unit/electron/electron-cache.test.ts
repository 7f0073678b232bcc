// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Cache from '../../../scripts/electron-cache.mjs';

/**
 * How `npm run test:electron` finds the Electron runtime without downloading: through @electron/get
 * itself (the real library, with a downloader that refuses), in a cache folder of the test's own.
 */
const require = createRequire(import.meta.url);
let cache: typeof Cache;
let downloadArtifact: Cache.DownloadArtifact;
let dir = '';
const VERSION = '45.6.1';
const ZIP = 'electron-v45.6.1-linux-x64.zip';
const URL_OF_ZIP = `https://github.com/electron/electron/releases/download/v${VERSION}/${ZIP}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeEach(async () => {
  cache = (await import(/* @vite-ignore */ '../../../scripts/electron-cache.mjs')) as typeof Cache;
  ({ downloadArtifact } = (await import('@electron/get')) as unknown as { downloadArtifact: Cache.DownloadArtifact });
  dir = await mkdtemp(join(tmpdir(), 'otk-runtime-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("@electron/get's cache", () => {
  it('is where env-paths puts it on each platform, unless electron_config_cache says otherwise', () => {
    expect(cache.cacheRootOf({}, 'linux', '/home/u')).toBe(join('/home/u', '.cache', 'electron'));
    expect(cache.cacheRootOf({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe(join('/x', 'electron'));
    expect(cache.cacheRootOf({}, 'darwin', '/Users/u')).toBe(join('/Users/u', 'Library', 'Caches', 'electron'));
    expect(cache.cacheRootOf({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toBe(join('C:\\L', 'electron', 'Cache'));
    expect(cache.cacheRootOf({ electron_config_cache: '/opt/cache' }, 'linux', '/home/u')).toBe('/opt/cache');
  });

  it('keeps a download under the sha256 of its URL folder, as @electron/get computes it', async () => {
    const file = pathToFileURL(join(dirname(require.resolve('@electron/get')), 'Cache.js')).href;
    const { Cache: Real } = (await import(/* @vite-ignore */ file)) as { Cache: { getCacheDirectory(url: string): string } };
    expect(cache.cachePathFor('/c', URL_OF_ZIP, ZIP)).toBe(join('/c', Real.getCacheDirectory(URL_OF_ZIP), ZIP));
    expect(cache.runtimeZipName('v45.6.1', 'linux', 'x64')).toBe(ZIP);
  });
});

describe('findCachedZip', () => {
  const find = (checksums: Record<string, string>) =>
    cache.findCachedZip({ version: VERSION, platform: 'linux', arch: 'x64', env: { electron_config_cache: dir }, checksums, downloadArtifact });

  it('reports a missing zip with the exact path and checksum to provide, downloading nothing', async () => {
    const found = await find({ [ZIP]: 'ab'.repeat(32) });
    expect(found).toEqual({
      status: 'missing',
      url: URL_OF_ZIP,
      cachePath: cache.cachePathFor(dir, URL_OF_ZIP, ZIP),
      fileName: ZIP,
      sha256: 'ab'.repeat(32),
    });
  });

  it('returns a cached zip only when it matches checksums.json', async () => {
    const path = cache.cachePathFor(dir, URL_OF_ZIP, ZIP);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, 'stand-in runtime zip');
    await expect(find({ [ZIP]: sha256('stand-in runtime zip') })).resolves.toEqual({ status: 'verified', zip: path });
    await expect(find({ [ZIP]: sha256('another zip') })).resolves.toMatchObject({ status: 'mismatch', cachePath: path });
  });
});

describe('locateRuntime', () => {
  const pkg = (packageDir: string): Cache.ElectronPackage => ({ dir: packageDir, version: VERSION, checksums: { [ZIP]: 'cd'.repeat(32) } });
  const locate = (env: Record<string, string | undefined>, packageDir = join(dir, 'pkg')) =>
    cache.locateRuntime({ env: { electron_config_cache: join(dir, 'cache'), ...env }, platform: 'linux', arch: 'x64', pkg: pkg(packageDir), downloadArtifact });

  async function unpacked(folder: string, version: string): Promise<string> {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'electron'), '');
    await writeFile(join(folder, 'version'), version);
    return folder;
  }

  it('takes ELECTRON_OVERRIDE_DIST_PATH when it holds this version, and says what is wrong otherwise', async () => {
    const dist = await unpacked(join(dir, 'override'), VERSION);
    await expect(locate({ ELECTRON_OVERRIDE_DIST_PATH: dist })).resolves.toEqual({ status: 'override', binary: join(dist, 'electron'), dist });
    await writeFile(join(dist, 'version'), 'v44.0.0');
    await expect(locate({ ELECTRON_OVERRIDE_DIST_PATH: dist })).resolves.toEqual({ status: 'wrong', message: expect.stringContaining('Electron 44.0.0') as string });
    await expect(locate({ ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nowhere') })).resolves.toMatchObject({ status: 'wrong' });
  });

  it('takes an installed runtime of this version', async () => {
    await unpacked(join(dir, 'pkg', 'dist'), `v${VERSION}`);
    await expect(locate({})).resolves.toEqual({ status: 'installed', binary: join(dir, 'pkg', 'dist', 'electron'), dist: join(dir, 'pkg', 'dist') });
  });

  it('without any, says exactly what to provide: skipped, the cache path, the checksum, the override', async () => {
    const located = await locate({});
    expect(located.status).toBe('missing');
    const message = located.status === 'missing' ? located.message : '';
    expect(message).toMatch(/^skipped: /);
    expect(message).toContain(cache.cachePathFor(join(dir, 'cache'), URL_OF_ZIP, ZIP));
    expect(message).toContain('cd'.repeat(32));
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('reads the real electron package: the pinned version and its checksums for this zip', () => {
    const real = cache.electronPackage();
    expect(real.version).toMatch(/^45\./);
    expect(real.checksums[cache.runtimeZipName(real.version, 'linux', 'x64')]).toMatch(/^[0-9a-f]{64}$/);
  });
});
