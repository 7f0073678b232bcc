import { repeat, timing } from '../measure.mjs';

/**
 * list-filter: on the interactive, unfiltered work list, the filter changes (location.hash to
 * #/cases?area=…&theme=… — what the filter bar does) and the clock stops when the DOM shows the filtered
 * first page: the first row is the expected case and the expected total is shown. A different filter
 * each run (tests/bench/page/harness.ts plan()).
 */
export default {
  id: 'list-filter',
  async run(bench) {
    const page = await bench.listPage();
    const { all, filters } = bench.state.plan;
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      before: async () => {
        await bench.probe(page, 'goTo', '#/cases', { count: all.count, firstCode: all.firstCode });
      },
      once: (i) => {
        const filter = filters[i % filters.length];
        return bench.probe(page, 'timeHash', `#/cases?${filter.query}`, { count: filter.count, firstCode: filter.firstCode });
      },
    });
    return [timing(bench.name('list-filter'), samples, { note: 'unfiltered list → filter set → first filtered row shown' })];
  },
};
