// Types of scripts/electron-cache.mjs for the tests (the script itself is plain JavaScript).
export type DownloadArtifact = (details: Record<string, unknown>) => Promise<string>;
export declare function executableIn(platform: string): string;
export declare function cacheRootOf(env: Record<string, string | undefined>, platform: string, home?: string): string;
export declare function runtimeZipName(version: string, platform: string, arch: string): string;
export declare function cachePathFor(cacheRoot: string, url: string, fileName: string): string;
export type CachedZip =
  | { status: 'verified'; zip: string }
  | { status: 'missing' | 'mismatch'; url: string; cachePath: string; fileName: string; sha256: string | undefined };
export declare function findCachedZip(options: {
  version: string;
  platform: string;
  arch: string;
  env?: Record<string, string | undefined>;
  checksums: Record<string, string>;
  downloadArtifact: DownloadArtifact;
}): Promise<CachedZip>;
export interface ElectronPackage {
  dir: string;
  version: string;
  checksums: Record<string, string>;
}
export declare function electronPackage(): ElectronPackage;
export type Located =
  | { status: 'override' | 'installed'; binary: string; dist: string }
  | { status: 'cached'; zip: string }
  | { status: 'wrong' | 'missing'; message: string };
export declare function locateRuntime(options: {
  env?: Record<string, string | undefined>;
  platform?: string;
  arch?: string;
  pkg?: ElectronPackage;
  downloadArtifact: DownloadArtifact;
}): Promise<Located>;
export declare function skippedMessage(cached: Exclude<CachedZip, { status: 'verified' }>, version: string): string;
