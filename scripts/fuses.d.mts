// Types of scripts/fuses.mjs for the tests (the script itself is plain JavaScript).
export declare function fuseIndexOf(option: string): number;
export declare function expectedFuses(configText: string): Record<string, boolean>;
export interface PackagedBinary {
  platform: 'linux' | 'win32' | 'darwin';
  path: string;
}
export interface BinaryNames {
  productName: string;
  linuxExecutable: string;
}
export declare function packagedBinaries(releaseDir: string, names: BinaryNames): PackagedBinary[];
export interface FuseResult {
  option: string;
  expected: 'on' | 'off';
  actual: string;
  ok: boolean;
}
export declare function compareFuses(expected: Record<string, boolean>, wire: Record<string, unknown>): FuseResult[];
export declare function checkFuses(options: {
  releaseDir: string;
  configText: string;
  names: BinaryNames;
  read?: (path: string) => Promise<Record<string, unknown>>;
}): Promise<{ ok: boolean; code: 0 | 1 | 2; lines: string[] }>;
export declare function binaryNames(configText: string, packageJson: { name: string; productName?: string }): BinaryNames;
export declare function main(args?: string[]): Promise<0 | 1 | 2>;
export declare const FUSE_BYTES: { on: number; off: number; removed: number };
