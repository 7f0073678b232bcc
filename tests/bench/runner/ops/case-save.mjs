import { repeat, timing } from '../measure.mjs';

/**
 * case-save: edit one case's question and save it through the app's command (updateConsultation:
 * validation, revision check, record + list row + requester + counters + clock + audit event in one
 * transaction, the record's, the list row's and the requester's sensitive fields sealed by the
 * encryption middleware), timed in the harness page from the call to the committed transaction. A different
 * case each run, spread over the whole list. No app page is open meanwhile (the command's own cost).
 */
export default {
  id: 'case-save',
  async run(bench) {
    const cases = await bench.call('sampleCases', bench.warmup + bench.runs, 1);
    const samples = await repeat({ warmup: bench.warmup, runs: bench.runs, once: (i) => bench.call('caseSaveOnce', cases[i].id, i) });
    return [timing(bench.name('case-save'), samples, { note: 'updateConsultation on a case among all, command path' })];
  },
};
