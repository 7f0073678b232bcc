// @vitest-environment node
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Fuses from '../../../scripts/fuses.mjs';

/**
 * scripts/fuses.mjs reads the fuses back with @electron/fuses from packaged binaries. No Electron
 * binary here: each test writes a file holding a fuse wire exactly where electron-builder leaves
 * the binary of each platform, flips it with the same library electron-builder uses, and reads it back.
 */
const require = createRequire(import.meta.url);
const library = require('@electron/fuses') as {
  FuseVersion: { V1: string };
  FuseV1Options: Record<string, number>;
  flipFuses(path: string, config: Record<string | number, unknown>): Promise<number>;
};
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const CONFIG = new URL('../../../electron-builder.yml', import.meta.url);
const NAMES = { productName: 'OT-keskus konsultaatiot', linuxExecutable: 'otk-consultation-desk' };

let fuses: typeof Fuses;
let configText = '';
let dir = '';
beforeEach(async () => {
  fuses = (await import(/* @vite-ignore */ '../../../scripts/fuses.mjs')) as typeof Fuses;
  configText = await readFile(CONFIG, 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'otk-fuses-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in binary: bytes, the sentinel, wire version 1, 9 fuses (Electron 45 has more than the 8 we set), more bytes. */
async function writeBinary(path: string, states: number[] = Array.from({ length: 9 }, () => fuses.FUSE_BYTES.on)): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const wire = Buffer.from([1, states.length, ...states]);
  await writeFile(path, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 9)]));
  return path;
}

/** What electron-builder does with electronFuses (app-builder-lib generateFuseConfig + flipFuses). */
async function flipAsConfigured(path: string): Promise<void> {
  const config: Record<string | number, unknown> = { version: library.FuseVersion.V1 };
  for (const [option, value] of Object.entries(fuses.expectedFuses(configText))) config[fuses.fuseIndexOf(option)] = value;
  await library.flipFuses(path, config);
}

const LAYOUTS = {
  linux: ['linux-unpacked', 'otk-consultation-desk'],
  win32: ['win-unpacked', 'OT-keskus konsultaatiot.exe'],
  darwin: ['mac-arm64', 'OT-keskus konsultaatiot.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'],
} as const;

describe('electron-builder.yml electronFuses', () => {
  it('names only fuses @electron/fuses knows, each a boolean', () => {
    const expected = fuses.expectedFuses(configText);
    expect(Object.keys(expected)).toHaveLength(8);
    for (const option of Object.keys(expected)) expect(fuses.fuseIndexOf(option)).toBe(library.FuseV1Options[option.charAt(0).toUpperCase() + option.slice(1)]);
    expect(() => fuses.fuseIndexOf('enableEverything')).toThrow(/does not know/);
    expect(() => fuses.expectedFuses('electronFuses:\n  runAsNode: "no"\n')).toThrow(/true or false/);
    expect(() => fuses.expectedFuses('appId: x\n')).toThrow(/no electronFuses/);
  });

  it('reads the wire bytes @electron/fuses writes', () => {
    const { FuseState } = require('@electron/fuses/dist/constants') as { FuseState: Record<string, number> };
    expect(fuses.FUSE_BYTES).toEqual({ on: FuseState.ENABLE, off: FuseState.DISABLE, removed: FuseState.REMOVED });
  });
});

describe('checkFuses', () => {
  it('finds the binary of each platform where electron-builder leaves it, and passes when flipped as configured', async () => {
    for (const parts of Object.values(LAYOUTS)) await writeBinary(join(dir, ...parts));
    // electron-builder flips each platform's app: the executable, or the .app bundle (its framework holds the wire).
    for (const parts of Object.values(LAYOUTS)) await flipAsConfigured(join(dir, ...parts.slice(0, 2)));
    const result = await fuses.checkFuses({ releaseDir: dir, configText, names: NAMES });
    expect(result.lines.filter((line) => line.startsWith('fuses as configured'))).toHaveLength(3);
    expect(result).toMatchObject({ ok: true, code: 0 });
    expect(result.lines).toContain('  ok   runAsNode: off');
    expect(result.lines).toContain('  ok   enableEmbeddedAsarIntegrityValidation: on');
  });

  it('fails, naming the fuse, when electron-builder left one as Electron ships it', async () => {
    const path = await writeBinary(join(dir, ...LAYOUTS.linux));
    await flipAsConfigured(path);
    await library.flipFuses(path, { version: library.FuseVersion.V1, [library.FuseV1Options.RunAsNode ?? -1]: true });
    const result = await fuses.checkFuses({ releaseDir: dir, configText, names: NAMES });
    expect(result).toMatchObject({ ok: false, code: 1 });
    expect(result.lines).toContain('  BAD  runAsNode: on (electron-builder.yml: off)');
    expect(result.lines.filter((line) => line.includes('BAD'))).toHaveLength(1);
  });

  it('fails on an unflipped binary: every fuse configured off is still on', async () => {
    await writeBinary(join(dir, ...LAYOUTS.win32));
    const result = await fuses.checkFuses({ releaseDir: dir, configText, names: NAMES });
    const offInConfig = Object.values(fuses.expectedFuses(configText)).filter((value) => !value).length;
    expect(result.code).toBe(1);
    expect(result.lines.filter((line) => line.includes('BAD'))).toHaveLength(offInConfig);
  });

  it('fails on a fuse Electron removed or a wire too short for it', async () => {
    const removed = Array.from({ length: 9 }, (_, index) => (index === 0 ? fuses.FUSE_BYTES.removed : fuses.FUSE_BYTES.off));
    await writeBinary(join(dir, ...LAYOUTS.linux), removed);
    const result = await fuses.checkFuses({ releaseDir: dir, configText, names: NAMES });
    expect(result.lines).toContain('  BAD  runAsNode: removed (electron-builder.yml: off)');
    await writeBinary(join(dir, ...LAYOUTS.linux), [fuses.FUSE_BYTES.off]);
    const short = await fuses.checkFuses({ releaseDir: dir, configText, names: NAMES });
    expect(short.lines).toContain('  BAD  onlyLoadAppFromAsar: absent (electron-builder.yml: on)');
  });

  it('says so when there is nothing packaged, and throws on a file without a fuse wire', async () => {
    await expect(fuses.checkFuses({ releaseDir: join(dir, 'none'), configText, names: NAMES })).resolves.toMatchObject({ ok: false, code: 2 });
    await mkdir(join(dir, 'linux-unpacked'));
    await writeFile(join(dir, 'linux-unpacked', 'otk-consultation-desk'), 'not electron');
    await expect(fuses.checkFuses({ releaseDir: dir, configText, names: NAMES })).rejects.toThrow(/sentinel/);
  });

  it('takes the names from electron-builder.yml and package.json', () => {
    expect(fuses.binaryNames(configText, { name: 'otk-consultation-desk', productName: 'x' })).toEqual(NAMES);
  });
});

describe('npm run dist reads them back', () => {
  it('from release/, or the output directory given to electron-builder', async () => {
    const script = 'dist';
    const dist = (await import(/* @vite-ignore */ `../../../scripts/${script}.mjs`)) as { outputDirOf(args: string[]): string };
    expect(dist.outputDirOf([])).toBe('release');
    expect(dist.outputDirOf(['--dir', '-c.directories.output=/tmp/smoke'])).toBe('/tmp/smoke');
  });
});
