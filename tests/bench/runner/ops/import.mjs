import { repeat, timing } from '../measure.mjs';

/**
 * import: the full bundle from `export` read into a fresh, empty installation through the app's
 * commands (previewImport: decrypt, check, plan; applyImport: one transaction, every record's
 * sensitive fields sealed under the new installation's data key), key derivation excluded; target
 * ≤ 1.3 × raw-put (an unencrypted floor). A new database per run, with its own keyring and profile
 * (set up untimed), deleted afterwards.
 */
export default {
  id: 'import',
  async run(bench) {
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      log: bench.log,
      label: 'import',
      once: async (i) => {
        const result = await bench.call('importOnce', i);
        if (result.written !== bench.records) throw new Error(`import wrote ${result.written} of ${bench.records}`);
        return result.ms;
      },
    });
    return [timing(bench.name('import'), samples, { note: 'full bundle into an empty installation: decrypt, check, plan and one transaction' })];
  },
};
