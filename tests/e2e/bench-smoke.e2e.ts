import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Keeps `npm run bench` from rotting: runs the real harness (its own build folder, server and
 * Chromium profile — nothing shared with the other end-to-end tests) with 2 000 records and one run,
 * and checks the shape of what it writes. No timing assertions: this machine's speed is not the point.
 * The app opens locked and seals its data at rest: the harness sets up the benchmark's profile and
 * every app page is unlocked through the lock screen; the seeded data must be sealed.
 */

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = join(repo, 'tests/bench/.artifacts');

interface Timing {
  name: string;
  median_ms: number;
  min_ms: number;
  max_ms: number;
  runs: number;
}
interface Quantity {
  name: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  unit: string;
}
interface Report {
  chromium: string;
  cpus: number;
  records: number;
  data: { sealedAtRest: boolean; recordBytes: number; plainRecordBytes: number };
  results: Array<Timing | Quantity>;
  pending: Array<{ name: string; reason: string }>;
  targets: Array<{ name: string; status: string }>;
}

const MEASURED = [
  'seed-2k',
  'raw-put-2k',
  'raw-getall-2k',
  'cold-start-2k',
  'cold-start-2k-lock-screen',
  'cold-start-2k-unlocked',
  'cold-start-2k-after-unlock',
  'cold-start-2k-first-row',
  'cold-start-2k-index-ready',
  'cold-start-2k-longest-task',
  'index-load-2k',
  'index-load-2k-after-unlock',
  'index-load-2k-no-decrypt',
  'index-load-2k-from-rows',
  'index-load-2k-longest-task',
  'index-snapshot-write-2k',
  'index-decrypt-2k',
  'unlock',
  'list-filter-2k',
  'list-count-2k',
  'list-scroll-deep-2k',
  'case-open-2k',
  'case-save-2k',
  'summary-2k',
  'summary-screen-2k',
  'summary-screen-2k-longest-task',
  'similar-2k',
  'similar-2k-rank',
  'export-2k',
  'export-2k-longest-task',
  'import-2k',
  'import-2k-decode',
  'import-2k-validate',
  'import-2k-plan',
  'import-2k-seal',
  'import-2k-write',
  'import-2k-longest-task',
  'backup-2k',
  'backup-2k-verify',
  'backup-2k-on-page',
  'backup-2k-longest-task',
  'restore-2k',
  'restore-2k-preview',
  'restore-2k-longest-task',
  'kdf',
  'blank-page-load',
  'typing-10k-chars',
  'typing-10k-chars-baseline',
];
const PENDING: string[] = [];

const builds = () => (existsSync(artifacts) ? readdirSync(artifacts).filter((name) => name.startsWith('build-')) : []);

describe('npm run bench (smoke, 2 000 records)', () => {
  it('measures every built operation and lists the pending ones', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otk-bench-smoke-'));
    const out = join(dir, 'results.json');
    const buildsBefore = new Set(builds());
    try {
      const { stdout } = await run(process.execPath, ['scripts/bench.mjs', '--records', '2000', '--runs', '1', '--out', out], {
        cwd: repo,
        env: process.env,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 230_000,
      }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`bench failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
      });
      expect(stdout).toContain('targets met:');

      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      expect(report.chromium).toMatch(/^\d+\.\d+/);
      expect(Number.isInteger(report.cpus) && report.cpus > 0).toBe(true);
      expect(report.records).toBe(2000);
      // Seeded through the keyed database: the stored records hold their sensitive fields sealed.
      expect(report.data.sealedAtRest).toBe(true);
      expect(report.data.recordBytes).toBeGreaterThan(report.data.plainRecordBytes);

      const byName = new Map(report.results.map((result) => [result.name, result]));
      for (const name of MEASURED) {
        const result = byName.get(name) as Timing | undefined;
        expect(result, name).toBeDefined();
        for (const value of [result!.median_ms, result!.min_ms, result!.max_ms]) {
          expect(Number.isFinite(value) && value >= 0, `${name}: ${value}`).toBe(true);
        }
        expect(result!.runs).toBe(1);
      }
      const heap = byName.get('renderer-heap-2k-mb') as Quantity | undefined;
      expect(heap).toBeDefined();
      expect(heap!.unit).toBe('MB');
      for (const value of [heap!.median, heap!.min, heap!.max]) expect(Number.isFinite(value) && value > 0).toBe(true);
      expect(heap).not.toHaveProperty('median_ms');
      const perRow = byName.get('index-decrypt-2k-per-row-us') as Quantity | undefined;
      expect(perRow?.unit).toBe('µs');
      expect(perRow!.median).toBeGreaterThan(0);

      // Every result, extras included, is a finite figure.
      for (const result of report.results) {
        const value = 'median_ms' in result ? result.median_ms : result.median;
        expect(Number.isFinite(value), result.name).toBe(true);
      }

      expect(report.pending.map((p) => p.name).sort()).toEqual([...PENDING].sort());
      for (const p of report.pending) {
        expect(p.reason).toMatch(/^not built yet: /);
        expect(byName.has(p.name)).toBe(false);
      }
      expect(report.targets.length).toBeGreaterThan(0);
      for (const target of report.targets) expect(['met', 'missed', 'pending']).toContain(target.status);

      // The harness removed its own build folder.
      expect(builds().filter((name) => !buildsBefore.has(name))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
