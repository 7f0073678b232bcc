#!/usr/bin/env node
// `npm run test:electron`: the smoke test in the real Electron runtime (not part of `npm test`).
// 1. Finds the runtime without downloading it (scripts/electron-cache.mjs): ELECTRON_OVERRIDE_DIST_PATH,
//    an installed one, or the zip in @electron/get's cache, verified against checksums.json and installed
//    from there. None: says exactly what is missing and how to provide it, prints "skipped", exits 0.
// 2. On Linux without a display, runs itself again under xvfb-run.
// 3. Builds (electron-vite), packages for this platform into tests/electron/.artifacts/release
//    (electron-builder --dir from that runtime; npm run dist's fuse read-back runs there too),
//    then runs tests/electron/*.electron.ts (vitest project "electron").
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateRuntime } from './electron-cache.mjs';

const require = createRequire(import.meta.url);
const projectDir = fileURLToPath(new URL('..', import.meta.url));
const artifacts = join(projectDir, 'tests', 'electron', '.artifacts');
const smokeRelease = join(artifacts, 'release');

/** Runs a command in the project, its output shown; returns its exit code. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: projectDir, stdio: 'inherit', env });
  if (result.error) console.error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** The runtime's folder and binary, after installing a verified cached zip when that is what there is. */
async function runtime() {
  const { downloadArtifact } = await import('@electron/get');
  let located = await locateRuntime({ downloadArtifact });
  if (located.status === 'cached') {
    console.log(`Installing Electron from the verified zip in the cache: ${located.zip}`);
    // install.js takes the same zip from the same cache and checks it against checksums.json again.
    if (run(process.execPath, [require.resolve('electron/install.js')]) !== 0) return { status: 'wrong', message: 'Installing the cached runtime failed (above).' };
    located = await locateRuntime({ downloadArtifact });
  }
  return located;
}

export async function main() {
  const located = await runtime();
  if (located.status === 'missing') {
    console.log(located.message);
    return 0;
  }
  if (located.status !== 'override' && located.status !== 'installed') {
    console.error(`The Electron smoke test cannot run: ${located.message}`);
    return 1;
  }
  console.log(`Electron runtime (${located.status}): ${located.binary}`);

  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    if (!hasCommand('xvfb-run')) {
      console.error('The smoke test opens a window and this machine has no display: install Xvfb (`sudo apt-get install -y xvfb`), or run it on a desktop.');
      return 1;
    }
    return run('xvfb-run', ['-a', '-s', '-screen 0 1280x900x24', process.execPath, fileURLToPath(import.meta.url)]);
  }

  if (run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build']) !== 0) return 1;
  rmSync(smokeRelease, { recursive: true, force: true });
  const packaged = run(process.execPath, [
    join(projectDir, 'scripts', 'dist.mjs'),
    '--dir',
    '--publish',
    'never',
    `-c.directories.output=${smokeRelease}`,
    `-c.electronDist=${located.dist}`,
  ]);
  if (packaged !== 0) return packaged;

  return run(process.execPath, [require.resolve('vitest/vitest.mjs'), 'run', '--project', 'electron'], {
    ...process.env,
    OTK_ELECTRON_BINARY: located.binary,
    OTK_SMOKE_RELEASE: smokeRelease,
    OTK_SMOKE_ARTIFACTS: artifacts,
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
