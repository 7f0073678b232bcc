import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import type { CommandContext } from '../../../../renderer/src/access/context';
import { caseViewOf, mayRunOn } from '../../../../renderer/src/access/guards';
import { createConsultation, recordView, updateConsultation } from '../../../../renderer/src/commands/consultations';
import { createConsultationsInBulk } from '../../../../renderer/src/commands/bulk';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { bookConsultation, saveMeeting } from '../../../../renderer/src/commands/meetings';
import { markFollowUpDone, recordDisclosure, reviseRecommendation } from '../../../../renderer/src/commands/recommendation';
import { deactivateNetwork, saveNetwork } from '../../../../renderer/src/commands/networks';
import { saveSettings } from '../../../../renderer/src/commands/settings';
import { readSettings } from '../../../../renderer/src/queries/settings';
import { recordAuditExport } from '../../../../renderer/src/commands/audit-export';
import { verifyAuditLog } from '../../../../renderer/src/commands/audit-verify';
import { requesterKey } from '../../../../shared/domain/requester-key';
import { isNotPermitted } from '../../../../renderer/src/access/errors';
import { exportBundle, previewExport, previewImport, saveInstallationName } from '../../../../renderer/src/commands/exchange';
import { consultationById } from '../../../../renderer/src/queries/consultations';
import { saveRecommendationDraft } from '../../../../renderer/src/commands/desk/recommendation-drafts';
import { auditPage } from '../../../../renderer/src/queries/audit';
import { networkSlotId } from '../../../../shared/meetings/network-slots';
import { ProtectionError } from '../../../../shared/protection/errors';
import type { Profile } from '../../../../shared/protection/roles';
import type { Intake } from '../../../../shared/domain/consultation';
import type { RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';
import type { Recipient } from '../../../../shared/sync/bundle';
import { NOW, validIntake } from '../../../fixtures/intake';
import { expertProfile, requesterProfile, TEST_COORDINATOR } from '../support/profiles';

/** Shipped example networks of Länsi: the neuropsychiatric team (Wednesdays 9–11) and the multiprofessional one. */
const NEPSY = '00000000-0000-7000-8000-000000000042';
const MULTI = '00000000-0000-7000-8000-000000000041';
const WEDNESDAY = '2026-11-25';
const SLOT = networkSlotId(NEPSY, 3, '09:00');
const OTHER_REQUESTER = { name: 'Toinen Pyytäjä', organisation: 'Toisen kunnan perhepalvelut', email: 'toinen@example.invalid' };
const RECIPIENT: Recipient = { kind: 'named', name: 'Vastaanottaja' };
const ALL_EVENTS = { from: '', to: '', action: '', actor: '', entityId: '' } as const;

let db: OtkDatabase;
afterEach(() => db?.close());

/** One installation; `as(profile)` acts on the same database as another profile. */
function setup() {
  db = createDatabase({ name: `otk-access-${Math.random()}`, clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  let clock = NOW.getTime();
  const as = (profile: Profile): CommandContext => ({ db, actor: profile.id, profile, now: () => new Date((clock += 1000)) });
  // The Wednesday meeting has been held (a consultation is recorded after its meeting).
  const meetingHeld = () => (clock = Math.max(clock, Date.parse(`${WEDNESDAY}T10:00:00Z`)));
  return { coordinator: as(TEST_COORDINATOR), as, meetingHeld };
}

const recommendation = (overrides: Partial<RecommendationDraftInput> = {}): RecommendationDraftInput => ({
  language: 'fi',
  questionSummary: 'Koulunkäynnin tuki, kun aiemmat tukitoimet eivät auttaneet.',
  recommendations: ['Koulun ja perheen yhteinen palaveri'],
  nextSteps: [{ step: 'Kutsu palaveri koolle', by: 'koulukuraattori' }],
  followUpDate: '2027-01-15',
  ...overrides,
});

/** A case routed to `networkId` and booked into its meeting (for NEPSY): ready for the consultation. */
async function scheduledCase(ctx: CommandContext, networkId = NEPSY) {
  const created = await createConsultation(ctx, validIntake());
  await transitionConsultation(ctx, created.id, 'accept');
  const routed = await routeConsultation(ctx, created.id, { networkId, proposedNetworkId: networkId });
  if (networkId !== NEPSY) return routed;
  return (await bookConsultation(ctx, created.id, { slotId: SLOT, date: WEDNESDAY })).record;
}

/** Every table's rows, for "nothing was written" checks. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** Runs `attempt`, expects the role refusal, and that the database is exactly as before. */
async function refusedAndUnchanged(attempt: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await attempt().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProtectionError);
  expect(error).toMatchObject({ code: 'not-permitted' });
  expect(isNotPermitted(error)).toBe(true);
  expect(await snapshot()).toEqual(before);
}

describe('caseViewOf', () => {
  it('names the network of the last routing (none before routing) and the requester key', async () => {
    const { coordinator } = setup();
    const created = await createConsultation(coordinator, validIntake());
    expect(caseViewOf(created)).toEqual({ networkId: null, requesterKey: requesterKey(created.requester) });
    await transitionConsultation(coordinator, created.id, 'accept');
    await routeConsultation(coordinator, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
    const rerouted = await routeConsultation(coordinator, created.id, { networkId: MULTI, proposedNetworkId: NEPSY, reason: 'Monialainen arvio' });
    expect(caseViewOf(rerouted).networkId).toBe(MULTI);
  });
});

describe('an expert', () => {
  it("cannot read another network's case by id, nor have a view of it logged", async () => {
    const { coordinator, as } = setup();
    const scheduled = await scheduledCase(coordinator);
    const other = as(expertProfile(MULTI));
    await expect(consultationById(db, other.profile, scheduled.id)).rejects.toMatchObject({ code: 'not-permitted' });
    const audit = await db.audit.count();
    await refusedAndUnchanged(() => recordView(other, scheduled.id));
    expect(await db.audit.count()).toBe(audit);
    // Its own network's expert reads it, and the view is logged.
    const own = as(expertProfile(NEPSY));
    expect((await consultationById(db, own.profile, scheduled.id))?.id).toBe(scheduled.id);
    await recordView(own, scheduled.id);
    expect(await db.audit.count()).toBe(audit + 1);
  });

  it("cannot change another network's case: nothing is written", async () => {
    const { coordinator, as } = setup();
    const scheduled = await scheduledCase(coordinator);
    const other = as(expertProfile(MULTI));
    const [consultations, audit] = [await db.consultations.count(), await db.audit.count()];
    await refusedAndUnchanged(() => saveRecommendationDraft(other, scheduled.id, recommendation(), 'ready'));
    await refusedAndUnchanged(() => updateConsultation(other, scheduled.id, validIntake({ question: 'Muutettu kysymys, jota ei saa tallentaa.' })));
    await refusedAndUnchanged(() => routeConsultation(other, scheduled.id, { networkId: MULTI, proposedNetworkId: NEPSY, reason: 'Oma verkosto' }));
    await refusedAndUnchanged(() => recordDisclosure(other, 'consultation.print', scheduled.id, { document: 'letter' }));
    expect([await db.consultations.count(), await db.audit.count()]).toEqual([consultations, audit]);
  });

  it('drafts the recommendation of a case routed to its network, and may print it; the coordinator records it', async () => {
    const { coordinator, as, meetingHeld } = setup();
    const scheduled = await scheduledCase(coordinator);
    meetingHeld();
    const expert = as(expertProfile(NEPSY));
    expect(mayRunOn(expert.profile, 'recommendation.draft', scheduled)).toBe(true);
    const draft = await saveRecommendationDraft(expert, scheduled.id, recommendation(), 'ready');
    expect(draft).toMatchObject({ id: scheduled.id, networkId: NEPSY, state: 'ready' });
    await recordDisclosure(expert, 'consultation.print', scheduled.id, { document: 'letter' });
    expect((await db.audit.orderBy('at').last())?.action).toBe('consultation.print');
    // Recording the consultation and correcting the recorded recommendation are the coordinator's.
    expect(mayRunOn(expert.profile, 'lifecycle.consult', scheduled)).toBe(false);
    await refusedAndUnchanged(() => transitionConsultation(expert, scheduled.id, 'consult', { recommendation: recommendation() }));
    const consulted = await transitionConsultation(coordinator, scheduled.id, 'consult', { recommendation: draft.recommendation });
    await refusedAndUnchanged(() => reviseRecommendation(expert, scheduled.id, recommendation({ recommendations: ['Korjattu suositus'] }), consulted.rev));
  });

  it("may not take the coordinator's steps on its own network's case", async () => {
    const { coordinator, as, meetingHeld } = setup();
    const scheduled = await scheduledCase(coordinator);
    meetingHeld();
    const expert = as(expertProfile(NEPSY));
    await transitionConsultation(coordinator, scheduled.id, 'consult', { recommendation: recommendation() });
    expect(mayRunOn(expert.profile, 'lifecycle.send-recommendation', scheduled)).toBe(false);
    await refusedAndUnchanged(() => transitionConsultation(expert, scheduled.id, 'send-recommendation'));
    await refusedAndUnchanged(() => transitionConsultation(expert, scheduled.id, 'close', { closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided' } }));
    await refusedAndUnchanged(() => markFollowUpDone(expert, scheduled.id));
    await refusedAndUnchanged(() => updateConsultation(expert, scheduled.id, validIntake()));
  });

  it('loses the case when it is re-routed elsewhere', async () => {
    const { coordinator, as } = setup();
    const created = await createConsultation(coordinator, validIntake());
    await transitionConsultation(coordinator, created.id, 'accept');
    await routeConsultation(coordinator, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
    const expert = as(expertProfile(NEPSY));
    expect(await consultationById(db, expert.profile, created.id)).toBeDefined();
    await routeConsultation(coordinator, created.id, { networkId: MULTI, proposedNetworkId: NEPSY, reason: 'Monialainen arvio' });
    await expect(consultationById(db, expert.profile, created.id)).rejects.toBeInstanceOf(ProtectionError);
  });

  it("runs none of the centre's global commands", async () => {
    const { coordinator, as } = setup();
    await scheduledCase(coordinator);
    const expert = as(expertProfile(NEPSY));
    const network = (await db.networks.get(NEPSY))!;
    await refusedAndUnchanged(() => saveNetwork(expert, { ...network, name: { ...network.name, fi: 'Uusi nimi' } }));
    await refusedAndUnchanged(() => deactivateNetwork(expert, NEPSY));
    await refusedAndUnchanged(async () => saveSettings(expert, { ...(await readSettings(db)), normalCalendarDays: 30 }));
    const meeting = (await db.meetings.toArray())[0]!;
    await refusedAndUnchanged(() => saveMeeting(expert, { ...meeting, time: '10:00' }, meeting.id));
    await refusedAndUnchanged(() => auditPage(expert, ALL_EVENTS, 10));
    await refusedAndUnchanged(() => verifyAuditLog(expert));
    await refusedAndUnchanged(() => recordAuditExport(expert, 1));
    await refusedAndUnchanged(() => saveInstallationName(expert, 'Asiantuntijan kone'));
    await refusedAndUnchanged(() => exportBundle(expert, { scope: { kind: 'full' }, recipient: { kind: 'named', name: 'X' }, passphrase: 'salasana' }));
    // An expert desk opens files (its own network's; which file fits is checked once it is open).
    await expect(previewImport(expert, new Uint8Array([1, 2, 3]), 'salasana')).resolves.toMatchObject({ ok: false, refusal: { code: 'not-a-bundle' } });
  });
});

describe('a requester', () => {
  it('makes requests of its own, and reads only its own', async () => {
    const { coordinator, as } = setup();
    const requester = as(requesterProfile(requesterKey(validIntake().requester as Intake['requester'])));
    const own = await createConsultation(requester, validIntake());
    expect((await consultationById(db, requester.profile, own.id))?.id).toBe(own.id);
    const others = await createConsultation(coordinator, validIntake({ requester: { ...validIntake().requester, ...OTHER_REQUESTER } }));
    await expect(consultationById(db, requester.profile, others.id)).rejects.toMatchObject({ code: 'not-permitted' });
    await refusedAndUnchanged(() => recordView(requester, others.id));
    // Nobody else's request in its name, alone or in bulk.
    await refusedAndUnchanged(() => createConsultation(requester, validIntake({ requester: { ...validIntake().requester, ...OTHER_REQUESTER } })));
    await refusedAndUnchanged(() => createConsultationsInBulk(requester, [validIntake(), validIntake({ requester: { ...validIntake().requester, ...OTHER_REQUESTER } })]));
  });

  it('may withdraw its own request but cannot route it', async () => {
    const { coordinator, as } = setup();
    const created = await createConsultation(coordinator, validIntake());
    await transitionConsultation(coordinator, created.id, 'accept');
    const requester = as(requesterProfile(requesterKey(created.requester)));
    expect(mayRunOn(requester.profile, 'lifecycle.route', created)).toBe(false);
    await refusedAndUnchanged(() => routeConsultation(requester, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY }));
    await refusedAndUnchanged(() => transitionConsultation(requester, created.id, 'decline', { reason: 'belongs-elsewhere', whereToTurn: 'Perheneuvola' }));
    const cancelled = await transitionConsultation(requester, created.id, 'cancel', { reason: 'Tilanne ratkesi' });
    expect(cancelled.status).toBe('cancelled');
  });

  it('cannot export', async () => {
    const { coordinator, as } = setup();
    const created = await createConsultation(coordinator, validIntake());
    const requester = as(requesterProfile(requesterKey(created.requester)));
    await refusedAndUnchanged(() => previewExport(requester, { scope: { kind: 'full' }, recipient: RECIPIENT }));
    await refusedAndUnchanged(() => exportBundle(requester, { scope: { kind: 'full' }, recipient: RECIPIENT, passphrase: 'kolme sanaa ja numero 7', kdfIterations: 1000 }));
  });
});

describe('the coordinator', () => {
  it('runs every command: the whole way to the sent recommendation, the registry, settings, the audit log and exchange', async () => {
    const { coordinator, meetingHeld } = setup();
    const scheduled = await scheduledCase(coordinator);
    await recordView(coordinator, scheduled.id);
    meetingHeld();
    await transitionConsultation(coordinator, scheduled.id, 'consult', { recommendation: recommendation() });
    await reviseRecommendation(coordinator, scheduled.id, recommendation({ recommendations: ['Toinen muotoilu'] }));
    const sent = await transitionConsultation(coordinator, scheduled.id, 'send-recommendation');
    expect(sent.recommendation?.sentAt).toBeTruthy();
    await markFollowUpDone(coordinator, scheduled.id);
    await recordDisclosure(coordinator, 'consultation.print', scheduled.id);
    const meeting = (await db.meetings.toArray())[0]!;
    await recordDisclosure(coordinator, 'meeting.print', meeting.id);
    await updateConsultation(coordinator, scheduled.id, validIntake({ question: 'Tarkennettu kysymys nuoren koulunkäynnistä.' }));
    const network = (await db.networks.get(MULTI))!;
    await saveNetwork(coordinator, { ...network, name: { ...network.name, fi: 'Monialainen tiimi' } });
    await saveSettings(coordinator, { ...(await readSettings(db)), normalCalendarDays: 30 });
    expect((await auditPage(coordinator, ALL_EVENTS, 500)).events.length).toBeGreaterThan(10);
    expect((await verifyAuditLog(coordinator)).result.ok).toBe(true);
    await recordAuditExport(coordinator, 1);
    const plan = await previewExport(coordinator, { scope: { kind: 'full' }, recipient: RECIPIENT });
    expect(plan.counts.consultation).toBe(1);
    const bundle = await exportBundle(coordinator, { scope: { kind: 'full' }, recipient: RECIPIENT, passphrase: 'kolme sanaa ja numero 7', kdfIterations: 1000 });
    expect(bundle.bytes.length).toBeGreaterThan(0);
  });
});
