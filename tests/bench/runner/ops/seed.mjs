import { timing } from '../measure.mjs';

/**
 * seed: the app's import path for many requests (createConsultationsInBulk: zod validation of every
 * request, then chunks of 2 000 per transaction with list rows, requesters, counters and an audit
 * event) into the app's database in a fresh profile, opened with a Keyring and unlocked for the
 * benchmark's coordinator profile (set up by the harness first), so every sensitive field is sealed
 * (AES-256-GCM) as the app writes it; the stats check that the stored rows are sealed. Runs once (runs: 1): a second seed would need a
 * second empty database of 100 000 records. Also reported: the validation alone, as a separate pass
 * over the same inputs after the seed (`-validate-only`).
 */
export default {
  id: 'seed',
  async run(bench) {
    bench.log(`seeding ${bench.records} synthetic requests through the app's bulk command…`);
    const seed = await bench.call('seed', { count: bench.records });
    const stats = await bench.call('stats');
    if (stats.consultations !== bench.records || stats.caseRows !== bench.records || stats.total !== bench.records) {
      throw new Error(`after seeding: ${JSON.stringify(stats)}`);
    }
    if (!stats.sealedAtRest) throw new Error(`the seeded records are not sealed at rest: ${JSON.stringify(stats)}`);
    bench.state.seed = seed;
    bench.state.stats = stats;
    return [
      timing(bench.name('seed'), [seed.ms], { note: 'once (a fresh database is needed per run)' }),
      timing(bench.name('seed', '-validate-only'), [seed.validateMs], { note: 'parseIntake over every input, separate pass' }),
    ];
  },
};
