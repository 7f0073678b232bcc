import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import type { CommandContext } from '../../../../renderer/src/access/context';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { reviseRecommendation } from '../../../../renderer/src/commands/recommendation';
import { deactivateLocalMethod, saveLocalMethod } from '../../../../renderer/src/commands/methods';
import { saveCriteria } from '../../../../renderer/src/commands/ot-criteria';
import { readCriteriaVersions } from '../../../../renderer/src/queries/ot-criteria';
import { CommandError, ValidationError } from '../../../../renderer/src/access/errors';
import { timelineOf } from '../../../../renderer/src/queries/consultations';
import { DEFAULT_CRITERIA } from '../../../../shared/knowledge/ot-criteria';
import type { LocalMethodInput } from '../../../../shared/knowledge/methods';
import type { RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';
import { ProtectionError } from '../../../../shared/protection/errors';
import type { Profile } from '../../../../shared/protection/roles';
import { NOW, validIntake } from '../../../fixtures/intake';
import { expertProfile, TEST_COORDINATOR } from '../support/profiles';
import { routedAndHeld } from './knowledge-helpers';

let db: OtkDatabase;
afterEach(() => db?.close());

let clock = NOW.getTime();
function context(profile: Profile = TEST_COORDINATOR): CommandContext {
  db = createDatabase({ name: `otk-knowledge-${Math.random()}`, clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  clock = NOW.getTime();
  return { db, actor: profile.id, profile, now: () => new Date(clock) };
}
const as = (ctx: CommandContext, profile: Profile): CommandContext => ({ ...ctx, actor: profile.id, profile });

const localMethod = (overrides: Partial<LocalMethodInput> = {}): LocalMethodInput => ({
  id: 'local-00000000a1',
  code: 'local-00000000a1',
  name: { fi: 'Synteettinen ryhmä', sv: 'Syntetisk grupp', en: 'Synthetic group' },
  description: { fi: 'Keksitty ryhmämenetelmä testejä varten.', sv: 'Påhittad gruppmetod för tester.', en: 'An invented group method for tests.' },
  ages: { from: 12, to: 17 },
  themes: ['school-absence'],
  activeTo: null,
  ...overrides,
});

const recommendation = (overrides: Partial<RecommendationDraftInput> = {}): RecommendationDraftInput => ({
  language: 'sv',
  questionSummary: 'Skolgången stöds när tidigare åtgärder inte hjälpt.',
  recommendations: ['Gemensamt möte för skolan och familjen', 'Familjearbete'],
  nextSteps: [{ step: 'Sammankalla mötet', by: 'skolkurator', kind: 'network-meeting' }],
  followUpDate: '',
  methods: [['voimaperheet'], ['mdft', 'local-00000000a1']],
  ...overrides,
});

const issuesOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
};

describe('the methods registry', () => {
  it('adds, edits and takes out of use a centre’s own method — validated, audited by field name, never deleted', async () => {
    const ctx = context();
    const created = await saveLocalMethod(ctx, localMethod());
    expect(created).toMatchObject({ id: 'local-00000000a1', rev: 1, activeTo: null });
    const edited = await saveLocalMethod(ctx, localMethod({ ages: { from: 10, to: 17 } }), created.rev);
    expect(edited.rev).toBe(2);
    await expect(saveLocalMethod(ctx, localMethod({ ages: { from: 9, to: 17 } }), created.rev)).rejects.toEqual(new CommandError('changedElsewhere'));
    clock += 86_400_000;
    const off = await deactivateLocalMethod(ctx, created.id);
    expect(off.activeTo).toBe('2026-11-23');
    expect(await db.methods.count()).toBe(1);
    const events = (await db.audit.toArray()).filter((e) => e.entity === 'method').toSorted((a, b) => (a.clock < b.clock ? -1 : 1));
    expect(events.map((e) => [e.action, e.fields.join(',')])).toEqual([
      ['method.create', 'code,name,description,ages,themes,lape,kasvunTuki,id,activeTo'],
      ['method.update', 'ages'],
      ['method.deactivate', 'activeTo'],
    ]);
    expect(JSON.stringify(events)).not.toContain('Synteettinen');
  });

  it('refuses a rating without its source by the field, a shipped code, and anyone but the coordinator', async () => {
    const ctx = context();
    expect(await issuesOf(saveLocalMethod(ctx, localMethod({ kasvunTuki: { rating: '5/5', source: '' } })))).toEqual([{ path: 'kasvunTuki.source', message: 'validation.sourceRequired' }]);
    expect(await issuesOf(saveLocalMethod(ctx, localMethod({ id: 'voimaperheet', code: 'voimaperheet' })))).toEqual([{ path: 'code', message: 'validation.invalid' }]);
    await expect(saveLocalMethod(as(ctx, expertProfile('net-x')), localMethod())).rejects.toBeInstanceOf(ProtectionError);
    expect(await db.methods.count()).toBe(0);
  });
});

describe('methods in a recommendation', () => {
  it('records methods per item and step kinds; the list row’s summary carries the methods; an unknown code is refused on its item', async () => {
    const ctx = context();
    const { id } = await routedAndHeld(ctx, validIntake(), (iso) => (clock = new Date(iso).getTime()));
    expect(await issuesOf(transitionConsultation(ctx, id, 'consult', { recommendation: recommendation() }))).toEqual([{ path: 'methods.1.1', message: 'validation.methodUnknown' }]);
    await saveLocalMethod(ctx, localMethod());
    const consulted = await transitionConsultation(ctx, id, 'consult', { recommendation: recommendation() });
    expect(consulted.recommendation?.methods).toEqual([['voimaperheet'], ['mdft', 'local-00000000a1']]);
    expect(consulted.recommendation?.nextSteps[0]!.kind).toBe('network-meeting');
    expect((await db.caseRows.get(id))!.summary.methods).toEqual(['voimaperheet', 'mdft', 'local-00000000a1']);
    expect(await issuesOf(reviseRecommendation(ctx, id, recommendation({ methods: [['local-ffffffffff']] }), consulted.rev))).toEqual([{ path: 'methods.0.0', message: 'validation.methodUnknown' }]);
    const revised = await reviseRecommendation(ctx, id, recommendation({ methods: [[], ['voimaperheet']] }), consulted.rev);
    expect((await db.caseRows.get(id))!.summary.methods).toEqual(['voimaperheet']);
    expect(revised.recommendation?.methods).toEqual([[], ['voimaperheet']]);
  });
});

describe('OT-level criteria at acceptance and decline', () => {
  it('keeps the criteria met with the list version and their labels; the audit has codes only; the summary counts them', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    const accepted = await transitionConsultation(ctx, created.id, 'accept', { criteria: { met: ['multi-professional', 'other'], otherNote: 'Synteettinen lisäperuste' } });
    const data = accepted.transitions[0]!.data as { criteria: { met: string[]; version: number; labels: Record<string, { sv: string }>; otherNote: string } };
    expect(data.criteria).toMatchObject({ met: ['multi-professional', 'other'], version: 1, otherNote: 'Synteettinen lisäperuste' });
    expect(data.criteria.labels['multi-professional']!.sv).toBe('Kräver mångprofessionell specialkompetens som inte finns i den egna regionen');
    const event = (await timelineOf(db, created.id)).find((e) => e.action === 'consultation.transition')!;
    expect(event.details).toMatchObject({ action: 'accept', criteria: 'multi-professional other', criteriaVersion: '1' });
    expect(JSON.stringify(event)).not.toContain('Synteettinen');
    expect((await db.caseRows.get(created.id))!.summary.criteria).toEqual(['multi-professional', 'other']);
  });

  it('asks for the text of other, refuses a henkilötunnus in it for an anonymous case, and a criterion no longer in use', async () => {
    const ctx = context();
    const a = await createConsultation(ctx, validIntake());
    expect(await issuesOf(transitionConsultation(ctx, a.id, 'accept', { criteria: { met: ['other'], otherNote: '' } }))).toEqual([{ path: 'criteria.otherNote', message: 'validation.criteriaOtherRequired' }]);
    const guard = await issuesOf(transitionConsultation(ctx, a.id, 'decline', { reason: 'not-ot-level', whereToTurn: 'Perhekeskus', criteria: { met: ['other'], otherNote: 'Lapsi 131052-308T' } }));
    expect(guard[0]).toMatchObject({ path: 'criteria.otherNote' });
    const v1 = DEFAULT_CRITERIA.criteria;
    const v2 = await saveCriteria(ctx, v1.map((c) => ({ ...c, active: c.code !== 'services-tried' })), 1);
    expect(v2.version).toBe(2);
    expect(await issuesOf(transitionConsultation(ctx, a.id, 'accept', { criteria: { met: ['services-tried'] } }))).toEqual([{ path: 'criteria.met.0', message: 'validation.criterionUnknown' }]);
    const declined = await transitionConsultation(ctx, a.id, 'decline', { reason: 'not-ot-level', whereToTurn: 'Perhekeskus', criteria: { met: ['rare-or-most-demanding'] } });
    expect(declined.transitions.at(-1)!.data).toMatchObject({ criteria: { version: 2, met: ['rare-or-most-demanding'] } });
    expect((await db.caseRows.get(a.id))!.summary).toMatchObject({ declineReason: 'not-ot-level', criteria: ['rare-or-most-demanding'] });
  });

  it('saves each edit of the list as a new version, audited; refuses removing a criterion, a stale edit and a non-coordinator', async () => {
    const ctx = context();
    const added = [...DEFAULT_CRITERIA.criteria, { code: 'c-00000001', fi: 'Synteettinen peruste', sv: 'Syntetisk grund', en: 'Synthetic reason', active: true }];
    const v2 = await saveCriteria(ctx, added, 1);
    expect(v2.criteria.map((c) => c.code).at(-1)).toBe('other');
    // Saving the same list again changes nothing: no new version, no event.
    expect(await saveCriteria(ctx, v2.criteria, 2)).toEqual(v2);
    expect((await readCriteriaVersions(db)).map((v) => v.version)).toEqual([2]);
    await expect(saveCriteria(ctx, v2.criteria, 1)).rejects.toEqual(new CommandError('changedElsewhere'));
    expect(await issuesOf(saveCriteria(ctx, v2.criteria.filter((c) => c.code !== 'c-00000001'), 2))).toEqual([{ path: 'criteria', message: 'validation.criterionRemoved' }]);
    await expect(saveCriteria(as(ctx, expertProfile('net-x')), added, 2)).rejects.toBeInstanceOf(ProtectionError);
    const events = (await db.audit.toArray()).filter((e) => e.entityId === 'otCriteria');
    expect(events.map((e) => [e.action, e.details?.version])).toEqual([['settings.update', '2']]);
  });
});
