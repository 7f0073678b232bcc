import { repeat, timing } from '../measure.mjs';

/**
 * list-count: from one filter (area=etela) to another whose total differs (a search, a date range,
 * the due-date filter, combinations), timed until #worklist-count shows the new total.
 */
export default {
  id: 'list-count',
  async run(bench) {
    const page = await bench.listPage();
    const { countStart, counts } = bench.state.plan;
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      before: () => bench.probe(page, 'goTo', `#/cases?${countStart.query}`, { count: countStart.count }),
      once: (i) => {
        const target = counts[i % counts.length];
        return bench.probe(page, 'timeHash', `#/cases?${target.query}`, { count: target.count });
      },
    });
    return [timing(bench.name('list-count'), samples, { note: 'filter → another filter → new total shown' })];
  },
};
