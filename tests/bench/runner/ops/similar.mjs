import { repeat, timing } from '../measure.mjs';

/**
 * similar (issue 21): the similar earlier consultations of a case, from the in-memory index
 * (loaded once beforehand, shared with the list and the summaries) as the case view asks for them:
 * rank every row, read the five listed records (sealed fields opened) and check their text with
 * the identifier guard. Every row is made a candidate (see tests/bench/page/harness.ts
 * similarOnce). A different case each run. `-rank` is the ranking alone.
 */
export default {
  id: 'similar',
  async run(bench) {
    let shape = null;
    const ranks = [];
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      once: async (i) => {
        shape = await bench.call('similarOnce', i);
        if (i >= bench.warmup) ranks.push(shape.rankMs);
        return shape.ms;
      },
    });
    return [
      timing(bench.name('similar'), samples, { note: `rank ${shape.candidates} answered cases, read and check the ${shape.listed} listed` }),
      timing(`${bench.name('similar')}-rank`, ranks, { note: 'the ranking over the in-memory index alone' }),
    ];
  },
};
