#!/usr/bin/env node
// What `npm run dist` runs after the build: electron-builder into release/ (apart from the web
// build's dist/web). Its progress lines pass through; when it fails because the Electron runtime
// cannot be downloaded, the user gets the same plain explanation as `npm start` instead of a stack trace.
// When it succeeds, the fuses are read back from the packaged binaries (scripts/fuses.mjs): a fuse
// that differs from electron-builder.yml fails the run.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadFailure, missingRuntimeMessage } from './electron-runtime.mjs';
import { main as checkFuses } from './fuses.mjs';

const require = createRequire(import.meta.url);
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** electron-builder's progress lines ("  • packaging …"): shown as they come; the rest is kept until the end. */
export function isProgressLine(line) {
  return /^\s*•\s*\S/.test(line);
}

/**
 * The message for an electron-builder run that ended with `code` after printing `output`; null when
 * it succeeded.
 * @param {number | null} code
 * @param {string} output
 */
export function failureMessage(code, output) {
  if (code === 0) return null;
  if (downloadFailure(output) === 'offline') return missingRuntimeMessage('dist', output);
  return output.trim() === '' ? `electron-builder ended with code ${code}.` : output.trim();
}

/** Where electron-builder writes for these arguments: `-c.directories.output=DIR`, else release/. */
export function outputDirOf(args) {
  const given = args.find((arg) => arg.startsWith('-c.directories.output='));
  return given ? given.slice('-c.directories.output='.length) : 'release';
}

export function main(args = process.argv.slice(2)) {
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const child = spawn(process.execPath, [cli, '--config', 'electron-builder.yml', ...args], { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let held = '';
  const take = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (isProgressLine(line)) console.log(line);
      else if (line.trim() !== '') held += `${line}\n`;
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  child.on('close', (code) => {
    const message = failureMessage(code, held);
    if (message) console.error(message);
    process.exitCode = code ?? 1;
    if (code === 0) void checkFuses([outputDirOf(args)]).then((fuses) => (process.exitCode = fuses));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
