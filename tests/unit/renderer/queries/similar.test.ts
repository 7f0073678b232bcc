import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import type { CommandContext } from '../../../../renderer/src/access/context';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { purgeCases } from '../../../../renderer/src/commands/retention';
import { recordSimilarView } from '../../../../renderer/src/commands/similar-view';
import { CaseIndex } from '../../../../renderer/src/queries/case-index';
import { rowVisibleTo } from '../../../../renderer/src/queries/row-visibility';
import { similarConsultations } from '../../../../renderer/src/queries/similar';
import { timelineOf } from '../../../../renderer/src/queries/consultations';
import { ProtectionError } from '../../../../shared/protection/errors';
import type { Profile } from '../../../../shared/protection/roles';
import type { IntakeInput } from '../../../../shared/domain/consultation';
import type { RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';
import { NOW, validIntake } from '../../../fixtures/intake';
import { expertProfile, TEST_COORDINATOR } from '../support/profiles';
import { closedWith, MULTI, NEPSY } from '../commands/knowledge-helpers';

let db: OtkDatabase;
const indexes: CaseIndex[] = [];
afterEach(() => {
  for (const index of indexes.splice(0)) index.stop();
  db?.close();
});

let clock = NOW.getTime();
const setClock = (iso: string) => (clock = Math.max(clock, new Date(iso).getTime()));
function context(): CommandContext {
  db = createDatabase({ name: `otk-similar-${Math.random()}`, clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  clock = NOW.getTime();
  return { db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => new Date(clock) };
}
async function indexFor(profile: Profile): Promise<CaseIndex> {
  const index = new CaseIndex(db, rowVisibleTo(profile));
  indexes.push(index);
  await index.start();
  return index;
}
const query = (ctx: CommandContext, profile: Profile, index: CaseIndex, id: string) => similarConsultations({ db: ctx.db, profile, now: new Date(clock) }, index, id);

const rec = (text: string, methods: string[][] = [['voimaperheet']]): RecommendationDraftInput => ({
  language: 'fi',
  questionSummary: `Tiivistelmä: ${text}`,
  recommendations: [`Suositus: ${text}`],
  nextSteps: [{ step: `Askel: ${text}`, by: 'koulukuraattori', kind: 'assessment' }],
  followUpDate: '',
  methods,
});
const intake = (question: string, overrides: Partial<IntakeInput> = {}) => validIntake({ question, ...overrides });
const CONSENTED = { mode: 'consented', consentedBy: 'guardians', date: '2026-11-19', scope: 'OT-konsultaatio', expiry: '', withdrawn: '' } as const;

/** Five closed cases and a new request like them: anonymous and clean, consented, anonymous with a phone number, another network's, another age band. */
async function scene(ctx: CommandContext) {
  // Each held in a later meeting than the one before (the clock only moves on).
  const clean = await closedWith(ctx, intake('Anonyymi synteettinen kysymys koulupoissaoloista.'), rec('anonyymi ja puhdas'), setClock, NEPSY, 0);
  const other = await closedWith(ctx, intake('Toisen verkoston synteettinen kysymys.'), rec('toinen verkosto'), setClock, MULTI, 1);
  const consented = await closedWith(ctx, intake('Suostumuksella kirjattu synteettinen kysymys.', { consent: CONSENTED }), rec('suostumus', [['mdft']]), setClock, NEPSY, 1);
  const phone = await closedWith(ctx, intake('Anonyymi kysymys, jonka suosituksessa on numero.'), rec('soita numeroon 040 123 4567'), setClock, NEPSY, 2);
  const farAge = await closedWith(ctx, intake('Pienen lapsen synteettinen kysymys.', { subject: { ...validIntake().subject, ageBand: '3-6' } }), rec('pieni lapsi'), setClock, NEPSY, 3);
  const probe = await createConsultation(ctx, intake('Uusi synteettinen pyyntö koulupoissaoloista.'));
  return { clean, consented, phone, other, farAge, probe: probe.id };
}

describe('similar earlier consultations', () => {
  it('lists the answered cases like it — never itself, never one of another age band — text only for anonymous cases the guard finds clean', async () => {
    const ctx = context();
    const s = await scene(ctx);
    const index = await indexFor(TEST_COORDINATOR);
    const result = (await query(ctx, TEST_COORDINATOR, index, s.probe))!;
    const ids = result.items.map((item) => item.id);
    expect(ids.toSorted()).toEqual([s.clean, s.consented, s.phone, s.other].toSorted());
    expect(ids).not.toContain(s.probe);
    const byId = new Map(result.items.map((item) => [item.id, item]));
    expect(byId.get(s.clean)).toMatchObject({ sharedThemes: ['nepsy', 'school-absence'], age: 'same', sameLevel: true, methods: ['voimaperheet'], withheld: null });
    expect(byId.get(s.clean)!.text).toMatchObject({ question: 'Anonyymi synteettinen kysymys koulupoissaoloista.', items: [{ text: 'Suositus: anonyymi ja puhdas', methods: ['voimaperheet'] }] });
    expect(byId.get(s.consented)).toMatchObject({ text: null, withheld: 'not-anonymous', methods: ['mdft'], stepKinds: ['assessment'], recommendationCount: 1 });
    expect(byId.get(s.phone)).toMatchObject({ text: null, withheld: 'identifier' });
    expect(JSON.stringify(byId.get(s.consented))).not.toContain('Suostumuksella');
    expect(JSON.stringify(byId.get(s.phone))).not.toContain('040');
  });

  it('shows an expert only its own network’s cases, and is refused a case of another network', async () => {
    const ctx = context();
    const s = await scene(ctx);
    const expert = expertProfile(NEPSY);
    const index = await indexFor(expert);
    const result = (await query(ctx, expert, index, s.clean))!;
    expect(result.items.map((item) => item.id).toSorted()).toEqual([s.consented, s.phone].toSorted());
    // Even handed every row (a coordinator's index), the ranking keeps to what the expert may see.
    const all = await indexFor(TEST_COORDINATOR);
    expect((await query(ctx, expert, all, s.clean))!.items.map((item) => item.id)).not.toContain(s.other);
    await expect(query(ctx, expertProfile(MULTI), all, s.clean)).rejects.toBeInstanceOf(ProtectionError);
  });

  it('never lists a purged case: it leaves the index with its tombstone', async () => {
    const ctx = context();
    const s = await scene(ctx);
    const index = await indexFor(TEST_COORDINATOR);
    expect((await query(ctx, TEST_COORDINATOR, index, s.probe))!.items.map((item) => item.id)).toContain(s.clean);
    setClock('2030-01-15T10:00:00Z');
    const purged = await purgeCases(ctx, [s.clean]);
    expect(purged.purged).toEqual([s.clean]);
    await index.catchUp();
    const after = (await query(ctx, TEST_COORDINATOR, index, s.probe))!.items.map((item) => item.id);
    expect(after).not.toContain(s.clean);
    expect(after.length).toBe(3);
  });

  it('logs the list shown as views of the listed cases, codes only', async () => {
    const ctx = context();
    const s = await scene(ctx);
    const probe = (await db.consultations.get(s.probe))!;
    await recordSimilarView(ctx, probe.caseCode, [s.clean, s.consented]);
    for (const id of [s.clean, s.consented]) {
      const views = (await timelineOf(db, id)).filter((e) => e.action === 'consultation.view');
      expect(views.map((e) => e.details)).toEqual([{ via: 'similar', for: probe.caseCode }]);
    }
    await expect(recordSimilarView({ ...ctx, profile: expertProfile(MULTI) }, probe.caseCode, [s.clean])).rejects.toBeInstanceOf(ProtectionError);
  });
});
