import { quantity, repeat, timing } from '../measure.mjs';

/**
 * Not a target, an explanation of cold-start: the pieces of the work list's start-up, timed in the
 * harness page of the app's origin with the app's own code (no React, no page load):
 * - index-load-…: CaseIndex.start() until ready through the keyed (unlocked) database, as the app
 *   does after unlocking: the sealed index snapshot read (a few large values), each chunk opened
 *   and decoded, then the revision feed since the snapshot (the runner writes a snapshot first,
 *   untimed, when there is none);
 * - index-load-…-longest-task: the longest main-thread task while it loads (0: none over 50 ms);
 * - index-load-…-from-rows: the load without the snapshot (the path before issue 22, and the
 *   fallback): every list row read AND its sealed list fields (requesterName, organisation)
 *   opened by the encryption middleware;
 * - index-load-…-no-decrypt: the rows read through a handle without a keyring (no middleware):
 *   the rows stay sealed — what the row path costs without decryption;
 * - index-snapshot-write-…: sealing the snapshot from a loaded index and writing it (the lazy
 *   rebuild after unlock when there was none), and -kb its sealed size;
 * - index-decrypt-…: the decryption alone: every stored list row's sealed value opened (AES-256-GCM
 *   via WebCrypto + JSON, 5 000 rows at a time like the loader's reads), no IndexedDB in the timing;
 *   index-decrypt-…-per-row-us: the same per row, in µs;
 * - first-page-…: newestCaseRows(db, 50), the query the list shows while the index loads (50 rows
 *   decrypted).
 */
export default {
  id: 'cold-start-breakdown',
  async run(bench) {
    const { warmup, runs } = bench;
    let bytes = 0;
    const write = await repeat({
      warmup,
      runs,
      once: async () => {
        const result = await bench.call('indexSnapshotWriteOnce');
        bytes = result.bytes;
        return result.ms;
      },
    });
    await bench.call('ensureIndexSnapshot');
    // Alternating, run by run: the load from the disk, and the load right after an unlock (which
    // read the snapshot's chunks ahead while it derived the key; the unlock is not timed).
    const afterUnlock = [];
    const load = await repeat({
      warmup,
      runs,
      once: async () => {
        afterUnlock.push(await bench.call('indexLoadAfterUnlockOnce'));
        return bench.call('indexLoadOnce');
      },
    });
    const longest = [];
    await repeat({
      warmup,
      runs,
      once: async () => {
        const result = await bench.call('indexLoadLongestTaskOnce');
        longest.push(result.longest);
        return result.ms;
      },
    });
    const fromRows = await repeat({ warmup, runs, once: () => bench.call('indexLoadFromRowsOnce') });
    const sealed = await repeat({ warmup, runs, once: () => bench.call('indexLoadNoDecryptOnce') });
    let rows = 0;
    const decrypt = await repeat({
      warmup,
      runs,
      once: async () => {
        const result = await bench.call('indexDecryptOnce');
        rows = result.rows;
        return result.ms;
      },
    });
    const alone = await repeat({ warmup, runs, once: () => bench.call('firstPageOnce') });
    return [
      timing(bench.name('index-load'), load, { note: 'CaseIndex.start() until ready, keyed database: sealed index snapshot opened + revision feed since, harness page' }),
      timing(bench.name('index-load', '-after-unlock'), afterUnlock.slice(warmup), {
        note: 'the same right after the app unlocked (untimed), as after the lock screen: the sealed chunks were read while the key was derived (renderer/src/db/index-snapshot-prefetch.ts)',
      }),
      timing(bench.name('index-load', '-longest-task'), longest.slice(warmup), { note: 'longest main-thread task (PerformanceObserver longtask, 0: none over 50 ms) while the index loads from the snapshot' }),
      timing(bench.name('index-load', '-from-rows'), fromRows, { note: 'the same without the snapshot: every list row read and its sealed list fields opened (the fallback)' }),
      timing(bench.name('index-snapshot-write'), write, { note: 'sealing the index snapshot from a loaded index and writing it (the lazy rebuild)' }),
      quantity(bench.name('index-snapshot-write', '-kb'), [bytes / 1024], 'kB', { note: 'the sealed snapshot (ciphertext bytes)' }),
      timing(bench.name('index-load', '-no-decrypt'), sealed, { note: 'the same through a handle without a keyring: rows stay sealed' }),
      timing(bench.name('index-decrypt'), decrypt, { note: `opening the sealed list fields of all ${rows} stored list rows (WebCrypto AES-GCM), no IndexedDB` }),
      quantity(
        bench.name('index-decrypt', '-per-row-us'),
        decrypt.map((ms) => (ms * 1000) / rows),
        'µs',
        { note: 'index-decrypt per list row' },
      ),
      timing(bench.name('first-page'), alone, { note: 'newestCaseRows(db, 50) alone (50 rows decrypted)' }),
    ];
  },
};
