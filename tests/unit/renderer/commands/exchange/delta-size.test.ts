import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsultationsInBulk } from '../../../../../renderer/src/commands/bulk';
import { updateConsultation } from '../../../../../renderer/src/commands/consultations';
import { NOW, validIntake } from '../../../../fixtures/intake';
import { closeAll, exchange, installation, send } from './helpers';
import { createRandom } from '../../../../support/random';

/**
 * Size (issue 18, item 9): two centres with 5 000 cases each exchange full bundles both ways, so
 * each holds 10 000; one case is edited; the delta is under 1 % of the full bundle. The cases'
 * questions are synthetic sentences from a seeded generator, so the full bundle compresses like
 * real text rather than like 10 000 copies of one record.
 */

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

const WORDS = ['nuori', 'perhe', 'koulu', 'tuki', 'arki', 'lastensuojelu', 'kuntoutus', 'oireilu', 'poissaolot', 'vanhemmat', 'sijoitus', 'terapia', 'verkosto', 'palaveri', 'arvio', 'jakso', 'yhteistyö', 'huoli', 'kotikäynti', 'opettaja', 'kuraattori', 'psykologi', 'lääkäri', 'tavoite', 'suunnitelma', 'ryhmä', 'harrastus', 'uni', 'ahdistus', 'käytös', 'oppiminen', 'muutto'];

/** A seeded generator (mulberry32): the same synthetic questions on every run. */
function words(seed: number): () => string {
  const next = createRandom(seed);
  return () => Array.from({ length: 12 + Math.floor(next() * 30) }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ') + '?';
}

describe('delta bundle size', () => {
  it('at 10 000 cases, a delta after one edit is under 1 % of the full bundle', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const question = words(20261123);
    await createConsultationsInBulk(a.ctx, Array.from({ length: 5000 }, () => validIntake({ question: question() })));
    await createConsultationsInBulk(b.ctx, Array.from({ length: 5000 }, () => validIntake({ question: question() })));
    a.advance(60_000);
    b.advance(60_000);
    await exchange(a, b);
    await exchange(b, a);
    expect(await a.db.consultations.count()).toBe(10_000);

    a.advance(60_000);
    const edited = (await a.db.consultations.orderBy(':id').first())!;
    await updateConsultation(a.ctx, edited.id, validIntake({ question: 'Yksi muutettu synteettinen kysymys.' }));
    const delta = await send(a, b, { scope: { kind: 'delta' } });
    const full = await send(a, b);
    const ratio = delta.bytes.length / full.bytes.length;
    console.info(`delta-size: full ${full.bytes.length} B (${JSON.stringify(full.header.counts)}), delta ${delta.bytes.length} B (${JSON.stringify(delta.header.counts)}), ${(ratio * 100).toFixed(3)} %`);
    expect(delta.header.scope.kind).toBe('delta');
    expect(delta.header.counts).toMatchObject({ consultation: 1 });
    expect(delta.header.counts.network ?? 0).toBe(0);
    expect(delta.header.counts.meeting ?? 0).toBe(0);
    expect(ratio).toBeLessThan(0.01);
  }, 600_000);
});
