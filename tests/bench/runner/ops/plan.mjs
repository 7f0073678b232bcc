/**
 * Not an operation: computes, with the app's own filter code, what the work list must show for each
 * filter used below (count, first and last case code), and picks the cases to open. Then closes the
 * harness page, so that the app pages that follow run alone.
 */
export default {
  id: 'plan',
  step: true,
  async run(bench) {
    bench.state.plan = await bench.call('plan');
    bench.state.cases = await bench.call('sampleCases', bench.warmup + bench.runs, 0);
    if (bench.state.plan.filters.length === 0) throw new Error('no filter matches some but not all cases: too few records?');
    if (bench.state.plan.counts.length === 0) throw new Error('no count filter differs from the start filter: too few records?');
    await bench.closeBenchPage();
    return [];
  },
};
