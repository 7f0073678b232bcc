#!/usr/bin/env node
// Reads the fuses back from the packaged Electron binaries and compares them with electron-builder.yml's
// electronFuses: a fuse that electron-builder did not flip (a skipped step, a renamed option, a
// new Electron whose wire moved) fails the packaging instead of shipping quietly.
//   node scripts/fuses.mjs [release-dir]      (run by `npm run dist` after electron-builder; `npm run check:fuses`)
// Exit 0: every packaged binary matches; 1: a fuse differs; 2: no packaged binary, or no electronFuses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The library electron-builder flips the fuses with (CommonJS), and the YAML parser it reads its config with.
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');
const yaml = require('js-yaml');

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** electron-builder.yml's option name for each fuse of the V1 wire: runAsNode ↔ FuseV1Options.RunAsNode. */
export function fuseIndexOf(option) {
  const index = FuseV1Options[option.charAt(0).toUpperCase() + option.slice(1)];
  if (typeof index !== 'number') throw new Error(`electron-builder.yml names a fuse @electron/fuses does not know: ${option}`);
  return index;
}

/** The electronFuses block of electron-builder.yml (as text), { option: boolean }. */
export function expectedFuses(configText) {
  const config = yaml.load(configText);
  const fuses = config?.electronFuses;
  if (!fuses || typeof fuses !== 'object' || Object.keys(fuses).length === 0) {
    throw new Error('electron-builder.yml has no electronFuses: there is nothing to check.');
  }
  for (const [option, value] of Object.entries(fuses)) {
    if (typeof value !== 'boolean') throw new Error(`electronFuses.${option} must be true or false, not ${JSON.stringify(value)}`);
  }
  return fuses;
}

/**
 * The packaged Electron binaries electron-builder left under `releaseDir` (its *-unpacked folders and
 * the macOS app folders), with the executable names electron-builder gives them.
 * @param {{ productName: string, linuxExecutable: string }} names
 * @returns {{ platform: 'linux' | 'win32' | 'darwin', path: string }[]}
 */
export function packagedBinaries(releaseDir, names) {
  if (!existsSync(releaseDir)) return [];
  const found = [];
  for (const entry of readdirSync(releaseDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(releaseDir, entry.name);
    if (/^linux(-[a-z0-9]+)?-unpacked$/.test(entry.name)) found.push({ platform: 'linux', path: join(dir, names.linuxExecutable) });
    else if (/^win(-[a-z0-9]+)?-unpacked$/.test(entry.name)) found.push({ platform: 'win32', path: join(dir, `${names.productName}.exe`) });
    else if (/^mac(-[a-z0-9]+)?$/.test(entry.name)) found.push({ platform: 'darwin', path: join(dir, `${names.productName}.app`) });
  }
  return found;
}

/** A fuse's byte on the wire (@electron/fuses' FuseState, not exported by its index): '1', '0', 'r'. */
export const FUSE_BYTES = { on: 0x31, off: 0x30, removed: 0x72 };
const STATE_NAMES = { [FUSE_BYTES.on]: 'on', [FUSE_BYTES.off]: 'off', [FUSE_BYTES.removed]: 'removed' };

/**
 * Each configured fuse against the wire read from a binary.
 * @param {Record<string, boolean>} expected
 * @param {Record<string, unknown>} wire what getCurrentFuseWire returned
 * @returns {{ option: string, expected: 'on' | 'off', actual: string, ok: boolean }[]}
 */
export function compareFuses(expected, wire) {
  if (wire.version !== '1') throw new Error(`the binary has fuse wire version ${wire.version}; this check knows version 1`);
  return Object.entries(expected).map(([option, value]) => {
    const state = wire[fuseIndexOf(option)];
    const actual = state === undefined ? 'absent' : (STATE_NAMES[state] ?? `unknown (${state})`);
    const want = value ? 'on' : 'off';
    return { option, expected: want, actual, ok: actual === want };
  });
}

/**
 * Reads every packaged binary under `releaseDir` and compares it with the config.
 * @returns {Promise<{ ok: boolean, code: 0 | 1 | 2, lines: string[] }>}
 */
export async function checkFuses({ releaseDir, configText, names, read = getCurrentFuseWire }) {
  const expected = expectedFuses(configText);
  const binaries = packagedBinaries(releaseDir, names).filter((binary) => existsSync(binary.path));
  if (binaries.length === 0) {
    return { ok: false, code: 2, lines: [`No packaged app under ${releaseDir}: run \`npm run dist\` (or electron-builder --dir) first.`] };
  }
  const lines = [];
  let ok = true;
  for (const binary of binaries) {
    const results = compareFuses(expected, await read(binary.path));
    const wrong = results.filter((result) => !result.ok);
    ok &&= wrong.length === 0;
    lines.push(`${wrong.length === 0 ? 'fuses as configured' : 'FUSES DIFFER'}: ${binary.path}`);
    for (const result of results) {
      lines.push(`  ${result.ok ? 'ok  ' : 'BAD '} ${result.option}: ${result.actual}${result.ok ? '' : ` (electron-builder.yml: ${result.expected})`}`);
    }
  }
  return { ok, code: ok ? 0 : 1, lines };
}

/** What the build names its binaries from: package.json's productName, electron-builder.yml's linux.executableName. */
export function binaryNames(configText, packageJson) {
  const config = yaml.load(configText) ?? {};
  const productName = config.productName ?? packageJson.productName ?? packageJson.name;
  return { productName, linuxExecutable: config.linux?.executableName ?? String(packageJson.name).toLowerCase() };
}

export async function main(args = process.argv.slice(2)) {
  const releaseDir = resolve(projectDir, args[0] ?? 'release');
  const configText = readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8');
  const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));
  try {
    const result = await checkFuses({ releaseDir, configText, names: binaryNames(configText, packageJson) });
    for (const line of result.lines) (result.ok ? console.log : console.error)(line);
    return result.code;
  } catch (error) {
    console.error(`The fuse check could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
