import { repeat, timing } from '../measure.mjs';

/**
 * list-scroll-deep: on the unfiltered list scrolled to the top, a click on "Loppuun" (jump to the
 * end); the clock stops when the last row (aria-rowindex = total + 1) with the oldest case's code is
 * in the DOM.
 */
export default {
  id: 'list-scroll-deep',
  async run(bench) {
    const page = await bench.listPage();
    const { all } = bench.state.plan;
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      before: async () => {
        await bench.probe(page, 'goTo', '#/cases', { count: all.count });
        await bench.probe(page, 'scrollListToTop');
      },
      once: () => bench.probe(page, 'timeClick', 'Loppuun', { rowIndex: all.count + 1, rowCode: all.lastCode }),
    });
    return [timing(bench.name('list-scroll-deep'), samples, { note: '"Loppuun" clicked → last row in the DOM' })];
  },
};
