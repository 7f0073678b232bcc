// @vitest-environment node
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml as electron-builder itself reads and validates it (its own loader and JSON
 * schema), and the Electron version the installers are built from.
 */
const require = createRequire(import.meta.url);
const projectDir = fileURLToPath(new URL('../../..', import.meta.url));

interface BuilderConfig {
  win?: { target?: unknown };
  msi?: Record<string, unknown>;
  publish?: unknown;
  linux?: { executableName?: string };
  electronFuses?: Record<string, boolean>;
}

async function builderConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, path: string, options: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(projectDir, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(builderConfig()).resolves.toBeDefined();
  });

  it('builds NSIS and, for domain deployment, a per-machine MSI that does not start the app', async () => {
    const config = await builderConfig();
    expect(config.win?.target).toEqual(['nsis', 'msi']);
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
  });

  it('publishes nothing and has no update feed', async () => {
    const config = await builderConfig();
    expect(config.publish).toBeNull();
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(all).filter((name) => /updater/.test(name))).toEqual([]);
  });

  it('turns off runAsNode, NODE_OPTIONS and --inspect, turns on asar integrity and asar-only loading', async () => {
    const config = await builderConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('the Electron the installers are built from', () => {
  it('is pinned to one exact 45.x patch, the one installed', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const pinned = pkg.devDependencies.electron ?? '';
    expect(pinned).toMatch(/^45\.\d+\.\d+$/);
    const installed = (require('electron/package.json') as { version: string }).version;
    expect(installed).toBe(pinned);
  });
});
