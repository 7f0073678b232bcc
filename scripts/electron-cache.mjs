// Where the Electron runtime can come from on a machine that cannot download it, without downloading:
// ELECTRON_OVERRIDE_DIST_PATH, an installed runtime (node_modules/electron/dist), or the runtime zip
// in @electron/get's cache, verified against the electron package's own checksums.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The executable inside an unpacked runtime, as electron's install.js names it (its path.txt). */
export function executableIn(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * @electron/get's default cache folder (env-paths 'electron', no suffix): what `npm install` fills.
 * electron_config_cache replaces it, for install.js and for this check alike.
 */
export function cacheRootOf(env, platform, home = homedir()) {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'electron');
}

/** The runtime zip's name, as @electron/get names the artifact (and the key in checksums.json). */
export function runtimeZipName(version, platform, arch) {
  return `electron-v${version.replace(/^v/, '')}-${platform}-${arch}.zip`;
}

/**
 * Where @electron/get keeps `fileName` downloaded from `url`: <cache root>/<sha256 of the URL's
 * folder>/<file name> (its Cache.getCachePath; the folder is the URL without file name, query, fragment).
 */
export function cachePathFor(cacheRoot, url, fileName) {
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.search = '';
  parsed.pathname = parsed.pathname.slice(0, parsed.pathname.lastIndexOf('/')) || '/';
  const folder = createHash('sha256').update(parsed.toString()).digest('hex');
  return join(cacheRoot, folder, fileName);
}

class NotCached extends Error {
  constructor(url) {
    super(`not in the cache: ${url}`);
    this.url = url;
  }
}

/**
 * Asks @electron/get itself for the runtime zip of `version`, with a downloader that never downloads:
 * a cached zip comes back only after @electron/get has checked it against `checksums` (the electron
 * package's checksums.json); otherwise the downloader learns the URL it would have fetched.
 * @returns {Promise<{ status: 'verified', zip: string } | { status: 'missing' | 'mismatch', url: string, cachePath: string, fileName: string, sha256: string | undefined }>}
 */
export async function findCachedZip({ version, platform, arch, env = process.env, checksums, downloadArtifact }) {
  const cacheRoot = cacheRootOf(env, platform);
  const offline = {
    download: async (url) => {
      throw new NotCached(url);
    },
  };
  try {
    const zip = await downloadArtifact({ version, artifactName: 'electron', platform, arch, cacheRoot, checksums, downloader: offline });
    return { status: 'verified', zip };
  } catch (error) {
    if (!(error instanceof NotCached)) throw error;
    const fileName = runtimeZipName(version, platform, arch);
    const cachePath = cachePathFor(cacheRoot, error.url, fileName);
    // Present but not returned: @electron/get found it and its checksum did not match.
    return { status: existsSync(cachePath) ? 'mismatch' : 'missing', url: error.url, cachePath, fileName, sha256: checksums[fileName] };
  }
}

/** The electron package as installed: its version, checksums and folder. */
export function electronPackage() {
  const packageJson = require.resolve('electron/package.json');
  const dir = dirname(packageJson);
  return {
    dir,
    version: JSON.parse(readFileSync(packageJson, 'utf8')).version,
    checksums: JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')),
  };
}

/**
 * Which runtime to use, without downloading anything.
 * @returns {Promise<
 *   | { status: 'override' | 'installed', binary: string, dist: string }
 *   | { status: 'cached', zip: string }
 *   | { status: 'wrong', message: string }
 *   | { status: 'missing', message: string }>}
 */
export async function locateRuntime({ env = process.env, platform = process.platform, arch = process.arch, pkg = electronPackage(), downloadArtifact }) {
  const executable = executableIn(platform);
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const dist = env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = join(dist, executable);
    if (!existsSync(binary)) return { status: 'wrong', message: `ELECTRON_OVERRIDE_DIST_PATH is ${dist}, but ${binary} does not exist.` };
    const version = readVersion(dist);
    if (version !== pkg.version) {
      return { status: 'wrong', message: `ELECTRON_OVERRIDE_DIST_PATH holds Electron ${version ?? '(no version file)'}; the app is built for ${pkg.version}.` };
    }
    return { status: 'override', binary, dist };
  }
  const dist = join(pkg.dir, 'dist');
  if (existsSync(join(dist, executable)) && readVersion(dist) === pkg.version) return { status: 'installed', binary: join(dist, executable), dist };

  const cached = await findCachedZip({ version: pkg.version, platform, arch, env, checksums: pkg.checksums, downloadArtifact });
  if (cached.status === 'verified') return { status: 'cached', zip: cached.zip };
  return { status: 'missing', message: skippedMessage(cached, pkg.version) };
}

/** The version file of an unpacked runtime ("v45.6.1" or "45.6.1"), without the v; null when absent. */
function readVersion(dist) {
  try {
    return readFileSync(join(dist, 'version'), 'utf8').trim().replace(/^v/, '');
  } catch {
    return null;
  }
}

/** Exactly what is missing and the two ways to provide it. */
export function skippedMessage(cached, version) {
  const lines = [
    `skipped: the Electron ${version} runtime is not on this machine, and this test never downloads it.`,
    cached.status === 'mismatch'
      ? `  ${cached.cachePath} is there but does not match the electron package's checksums.json: replace it.`
      : `  Not installed (node_modules/electron/dist), not in @electron/get's cache, no ELECTRON_OVERRIDE_DIST_PATH.`,
    'Provide it in one of two ways:',
    `  1. Put ${cached.fileName} (from ${cached.url}) at`,
    `       ${cached.cachePath}`,
    `     Its SHA-256 must be ${cached.sha256 ?? '(not listed in checksums.json: no official build for this platform)'}`,
    '     (node_modules/electron/checksums.json; check it with `sha256sum` or `certutil -hashfile FILE SHA256`).',
    '     Set electron_config_cache to use another cache folder. This test verifies it and installs it from there.',
    `  2. Or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${version} (the folder holding ${executableIn(process.platform)}).`,
  ];
  return lines.join('\n');
}
