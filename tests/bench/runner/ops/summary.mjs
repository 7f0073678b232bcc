/**
 * summary: the anonymised activity summary over all cases (counts and medians by month, YTA, region,
 * theme, … with small-cell suppression). To fill in: a summaryOnce() in tests/bench/page/harness.ts
 * (or a probe step in the app's summary screen) and a run() here returning timing(bench.name('summary'), samples).
 */
export default {
  id: 'summary',
  pending: 'not built yet: the anonymised activity summary comes with the reporting work',
};
