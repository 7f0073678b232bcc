import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildPaths {
  /** out/preload/index.cjs: the sandboxed preload, CommonJS. */
  preload: string;
  /** out/renderer: what app://otk serves. */
  renderer: string;
}

/** Locates the build outputs from out/main/index.js's own URL (`import.meta.url`). */
export function buildPaths(mainModuleUrl: string): BuildPaths {
  const outDir = join(dirname(fileURLToPath(mainModuleUrl)), '..');
  return { preload: join(outDir, 'preload', 'index.cjs'), renderer: join(outDir, 'renderer') };
}
