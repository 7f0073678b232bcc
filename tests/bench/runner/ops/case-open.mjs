import { repeat, timing } from '../measure.mjs';

/**
 * case-open: from the interactive work list, navigate to #/case/<id> (what a row's link does) until
 * #case-heading shows "Pyyntö <code>". A different case each run, spread from newest to oldest.
 */
export default {
  id: 'case-open',
  async run(bench) {
    const page = await bench.listPage();
    const { all } = bench.state.plan;
    const cases = bench.state.cases;
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      before: () => bench.probe(page, 'goTo', '#/cases', { count: all.count }),
      once: (i) => {
        const target = cases[i % cases.length];
        return bench.probe(page, 'timeHash', `#/case/${encodeURIComponent(target.id)}`, { heading: `Pyyntö ${target.caseCode}` });
      },
    });
    return [timing(bench.name('case-open'), samples, { note: 'list → case view heading shown' })];
  },
};
