// @vitest-environment node
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchEnv, startRefused } from '../../electron/support/launch';

/**
 * The smoke test's helper for refused starts (tests/electron/support/launch.ts), run here against
 * stand-in executables: the real packaged app is only there when `npm run test:electron` runs.
 */
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otk-smoke-support-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function executable(name: string, script: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${script}\n`);
  await chmod(path, 0o755);
  return path;
}

describe.skipIf(process.platform === 'win32')('startRefused', () => {
  it('waits for the refusal on stderr, then ends the process that waits on its dialog', async () => {
    const binary = await executable('refusing', 'echo "OT-keskus konsultaatiot: refused to start with $1" >&2\nexec sleep 600');
    const started = process.hrtime.bigint();
    const refusal = await startRefused(binary, ['--no-sandbox'], { userData: dir });
    expect(refusal.stderr).toContain('refused to start with --no-sandbox');
    expect(refusal.targets).toBeNull();
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(30);
  });

  it('fails when the app ends without refusing', async () => {
    const binary = await executable('starting', 'echo "started" >&2\nexit 0');
    await expect(startRefused(binary, ['--inspect=0'], { userData: dir })).rejects.toThrow(/without a refusal/);
  });

  it('reports an unreachable DevTools port as such', async () => {
    const binary = await executable('refusing', 'echo "x: refused to start with --remote-debugging-port" >&2\nexec sleep 600');
    const refusal = await startRefused(binary, [], { userData: dir, port: 9 });
    expect(refusal.targets).toBe('unreachable');
  });
});

describe('launchEnv', () => {
  it('keeps the app data in the given folder and passes no Node options or run-as-node on', () => {
    const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, ELECTRON_RUN_AS_NODE: process.env.ELECTRON_RUN_AS_NODE };
    process.env.NODE_OPTIONS = '--inspect';
    process.env.ELECTRON_RUN_AS_NODE = '1';
    try {
      const env = launchEnv('/tmp/x');
      expect(env.XDG_CONFIG_HOME).toBe('/tmp/x');
      expect(env).not.toHaveProperty('NODE_OPTIONS');
      expect(env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
