import { afterEach, describe, expect, it } from 'vitest';
import { bookConsultation } from '../../../../../renderer/src/commands/meetings';
import { transitionConsultation } from '../../../../../renderer/src/commands/lifecycle';
import { routeConsultation } from '../../../../../renderer/src/commands/routing';
import { exportBundle, previewImport, applyImport } from '../../../../../renderer/src/commands/exchange';
import { finishRequest, saveRequestDraft } from '../../../../../renderer/src/commands/desk/request-drafts';
import { saveRecommendationDraft } from '../../../../../renderer/src/commands/desk/recommendation-drafts';
import { sendDrafts, sendRequests } from '../../../../../renderer/src/commands/desk/send';
import { requesterKey } from '../../../../../shared/domain/requester-key';
import { saveSettings } from '../../../../../renderer/src/commands/settings';
import { readSettings } from '../../../../../renderer/src/queries/settings';
import { myRequests, networkCases, draftForCase } from '../../../../../renderer/src/queries/desk';
import { networkSlotId } from '../../../../../shared/meetings/network-slots';
import { requesterScopeId } from '../../../../../shared/sync/scope';
import type { RecommendationDraftInput } from '../../../../../shared/lifecycle/recommendation';
import { validIntake } from '../../../../fixtures/intake';
import type { Intake } from '../../../../../shared/domain/consultation';
import { expertProfile, requesterProfile } from '../../support/profiles';
import { closeAll, FAST_KDF, installation, MULTI, NEPSY, PASS, snapshot, type Installation } from '../exchange/helpers';

/**
 * The three desks of issue 11 at the command level, each its own installation (database): a
 * requester sends a request, the coordinator admits, routes, books and sends the network its
 * cases, the expert drafts a recommendation and sends it back, the coordinator finalises and
 * replies, the requester reads the recommendation. At each hop the wrong desk and the wrong
 * passphrase are refused and change nothing.
 */

afterEach(closeAll);

const REQUEST = validIntake({ received: { date: '2026-11-23', time: '08:15', channel: 'form' } });
const KEY = requesterKey(REQUEST.requester as Intake['requester']);
const WEDNESDAY = '2026-11-25';

const recommendation: RecommendationDraftInput = {
  language: 'fi',
  questionSummary: 'Koulunkäynnin tuki, kun aiemmat tukitoimet eivät auttaneet.',
  recommendations: ['Koulun ja perheen yhteinen palaveri', 'Neuropsykologinen arvio'],
  nextSteps: [{ step: 'Kutsu palaveri koolle', by: 'koulukuraattori' }],
  followUpDate: '2027-01-15',
};

async function desks() {
  const coordinator = await installation('keskus');
  const requester = await installation('pyytaja');
  requester.ctx.profile = requesterProfile(KEY);
  requester.ctx.actor = 'Testi Sosiaalityöntekijä';
  const expert = await installation('asiantuntija');
  expert.ctx.profile = expertProfile(NEPSY);
  const otherExpert = await installation('toinen-verkosto');
  otherExpert.ctx.profile = expertProfile(MULTI);
  return { coordinator, requester, expert, otherExpert };
}

/** Time passes for every desk alike: the Wednesday meeting has been held. */
function meetingHeld(...installations: Installation[]) {
  for (const at of installations) at.setNow(Date.parse(`${WEDNESDAY}T10:00:00Z`));
}

const open = (at: Installation, bytes: Uint8Array, passphrase = PASS) => previewImport(at.ctx, bytes, passphrase, { minIterations: FAST_KDF });

async function take(at: Installation, bytes: Uint8Array) {
  const ready = await open(at, bytes);
  if (!ready.ok) throw new Error(`refused: ${ready.refusal.code} ${JSON.stringify(ready.refusal.detail)}`);
  await applyImport(at.ctx, ready);
  return ready;
}

/** Opening `bytes` at each installation (wrong desk or wrong passphrase) is refused with `code` and writes nothing. */
async function refusedEverywhere(bytes: Uint8Array, cases: Array<[Installation, string, string?]>) {
  for (const [at, code, passphrase] of cases) {
    const before = await snapshot(at.db);
    const result = await open(at, bytes, passphrase);
    expect(result.ok ? 'ok' : result.refusal.code, at.name).toBe(code);
    expect(await snapshot(at.db)).toEqual(before);
  }
}

async function sendRequest(requester: Installation, area: 'lansi' | 'ita' = 'lansi') {
  const draft = await saveRequestDraft(requester.ctx, undefined, { question: REQUEST.question });
  const created = await finishRequest(requester.ctx, draft.id, REQUEST);
  const sent = await sendRequests(requester.ctx, { caseIds: [created.id], area, recipientName: 'OT-keskus, Länsi-Suomen yhteistyöalue', passphrase: PASS, kdfIterations: FAST_KDF });
  return { created, sent };
}

describe('the requester, coordinator and expert desks', () => {
  it('carry one anonymous request through every hop, refusing the wrong desk and passphrase at each', async () => {
    const { coordinator, requester, expert, otherExpert } = await desks();

    // 1. The requester finishes a draft and sends it: only the request's own fields, addressed by area.
    const { created, sent } = await sendRequest(requester);
    expect(await requester.db.requestDrafts.count()).toBe(0);
    expect(sent.header.scope).toEqual({ kind: 'requester', requesterId: await requesterScopeId(KEY) });
    expect(sent.header.recipient).toEqual({ kind: 'named', name: 'OT-keskus, Länsi-Suomen yhteistyöalue', area: 'lansi' });
    expect((await myRequests(requester.ctx)).map((r) => r.stage)).toEqual(['sent']);
    await refusedEverywhere(sent.bytes, [
      [expert, 'wrong-desk'],
      [coordinator, 'wrong-passphrase', 'väärä salasana tähän'],
    ]);

    // 2. The coordinator admits it as a received case of its own: imported file, its code and target date.
    const admitted = await take(coordinator, sent.bytes);
    expect(admitted.counts.consultation.new).toBe(1);
    const received = (await coordinator.db.consultations.get(created.id))!;
    expect(received.received).toEqual({ date: '2026-11-23', time: '12:00', channel: 'imported-file' });
    expect(received.caseCode).toMatch(/^OTK-2026-\d{4}$/);
    expect(received.status).toBe('received');
    expect(received.question).toBe(REQUEST.question);
    expect(await coordinator.db.requesters.count()).toBe(1);
    const createdEvents = (await coordinator.db.audit.toArray()).filter((e) => e.action === 'consultation.create' && e.entityId === created.id);
    expect(createdEvents).toHaveLength(1);
    expect(createdEvents[0]!.details).toMatchObject({ channel: 'imported-file' });

    // 3. Accept, route to the network, book; the network gets its cases and meetings.
    await transitionConsultation(coordinator.ctx, created.id, 'accept');
    await routeConsultation(coordinator.ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
    await bookConsultation(coordinator.ctx, created.id, { slotId: networkSlotId(NEPSY, 3, '09:00'), date: WEDNESDAY });
    const toNetwork = await exportBundle(coordinator.ctx, { scope: { kind: 'network', networkId: NEPSY }, recipient: { kind: 'named', name: 'Verkosto' }, passphrase: PASS, kdfIterations: FAST_KDF });
    await refusedEverywhere(toNetwork.bytes, [
      [requester, 'wrong-desk'],
      [otherExpert, 'wrong-desk'],
      [expert, 'wrong-passphrase', 'väärä salasana tähän'],
    ]);
    await take(expert, toNetwork.bytes);
    const onDesk = await networkCases(expert.ctx);
    expect(onDesk.map((c) => [c.caseCode, c.status, c.booking?.mode])).toEqual([[received.caseCode, 'scheduled', 'video']]);
    const expertCopy = (await expert.db.consultations.get(created.id))!;
    expect(expertCopy.requester.name).toBe('');
    expect(await expert.db.meetings.count()).toBe(1);

    // 4. The expert drafts, marks ready and sends the drafts back.
    await saveRecommendationDraft(expert.ctx, created.id, { questionSummary: 'Kesken' }, 'draft');
    await expect(sendDrafts(expert.ctx, { recipientName: 'Koordinaattori', passphrase: PASS, kdfIterations: FAST_KDF })).resolves.toMatchObject({ header: { counts: {} } });
    await saveRecommendationDraft(expert.ctx, created.id, recommendation, 'ready');
    const drafts = await sendDrafts(expert.ctx, { recipientName: 'Koordinaattori', passphrase: PASS, kdfIterations: FAST_KDF });
    expect(drafts.header.counts).toEqual({ draft: 1 });
    expect((await networkCases(expert.ctx))[0]!.sentAt).not.toBeNull();
    await refusedEverywhere(drafts.bytes, [
      [requester, 'wrong-desk'],
      [otherExpert, 'wrong-desk'],
      [coordinator, 'wrong-passphrase', 'väärä salasana tähän'],
    ]);

    // 5. The coordinator takes the draft in beside the case, consults with it and sends the recommendation.
    const back = await take(coordinator, drafts.bytes);
    expect(back.counts.draft.new).toBe(1);
    const draft = (await draftForCase(coordinator.ctx, created.id))!;
    expect(draft).toMatchObject({ state: 'received', networkId: NEPSY, caseCode: received.caseCode, recommendation });
    expect((await coordinator.db.consultations.get(created.id))!.status).toBe('scheduled');
    meetingHeld(coordinator, requester, expert, otherExpert);
    await transitionConsultation(coordinator.ctx, created.id, 'consult', { recommendation: draft.recommendation });
    await transitionConsultation(coordinator.ctx, created.id, 'send-recommendation');

    // 6. The reply: only this requester's cases, the recommendation once sent, the history as the requester sees it.
    const reply = await exportBundle(coordinator.ctx, { scope: { kind: 'requester', requesterId: await requesterScopeId(KEY) }, recipient: { kind: 'named', name: 'Pyytäjä' }, passphrase: PASS, kdfIterations: FAST_KDF });
    await refusedEverywhere(reply.bytes, [
      [expert, 'wrong-desk'],
      [requester, 'wrong-passphrase', 'väärä salasana tähän'],
    ]);
    await take(requester, reply.bytes);
    const [mine] = await myRequests(requester.ctx);
    expect(mine).toMatchObject({ stage: 'recommendation-received', caseCode: received.caseCode, receivedDate: '2026-11-23' });
    const answered = (await requester.db.consultations.get(created.id))!;
    expect([answered.caseCode, answered.targetDate]).toEqual([received.caseCode, received.targetDate]);
    expect(answered.recommendation).toMatchObject({ ...recommendation });
    expect(answered.recommendation?.sentAt).toBeDefined();
    expect(answered.booking).toMatchObject({ date: WEDNESDAY, time: '09:00', mode: 'video' });
    // The routing decision and the coordinator's notes stay with the centre.
    expect(answered.routing).toEqual([]);
    expect(answered.transitions.find((t) => t.action === 'route')?.data).toEqual({});
  });

  it('a requester sees a decline with its reason and where to turn', async () => {
    const { coordinator, requester } = await desks();
    const first = await sendRequest(requester);
    await take(coordinator, first.sent.bytes);
    await transitionConsultation(coordinator.ctx, first.created.id, 'decline', { reason: 'belongs-elsewhere', whereToTurn: 'Perheneuvola', reasonNote: '' });
    const reply = await exportBundle(coordinator.ctx, { scope: { kind: 'requester', requesterId: await requesterScopeId(KEY) }, recipient: { kind: 'named', name: 'Pyytäjä' }, passphrase: PASS, kdfIterations: FAST_KDF });
    await take(requester, reply.bytes);
    const [mine] = await myRequests(requester.ctx);
    expect(mine).toMatchObject({ stage: 'declined', decline: { reason: 'belongs-elsewhere', whereToTurn: 'Perheneuvola' } });
  });

  it('keeps the recommendation at the centre until it is sent', async () => {
    const { coordinator, requester } = await desks();
    const { created, sent } = await sendRequest(requester);
    await take(coordinator, sent.bytes);
    await transitionConsultation(coordinator.ctx, created.id, 'accept');
    await routeConsultation(coordinator.ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
    await bookConsultation(coordinator.ctx, created.id, { slotId: networkSlotId(NEPSY, 3, '09:00'), date: WEDNESDAY });
    meetingHeld(coordinator, requester);
    await transitionConsultation(coordinator.ctx, created.id, 'consult', { recommendation });
    const reply = await exportBundle(coordinator.ctx, { scope: { kind: 'requester', requesterId: await requesterScopeId(KEY) }, recipient: { kind: 'named', name: 'Pyytäjä' }, passphrase: PASS, kdfIterations: FAST_KDF });
    await take(requester, reply.bytes);
    const copy = (await requester.db.consultations.get(created.id))!;
    expect(copy.status).toBe('consulted');
    expect(copy.recommendation).toBeNull();
    expect((await myRequests(requester.ctx))[0]!.stage).toBe('consulted');
  });

  it('a centre of another cooperation area refuses a request addressed elsewhere', async () => {
    const { coordinator, requester } = await desks();
    await saveSettings(coordinator.ctx, { ...(await readSettings(coordinator.db)), centreArea: 'ita' });
    const { sent } = await sendRequest(requester, 'lansi');
    await refusedEverywhere(sent.bytes, [[coordinator, 'other-centre']]);
  });

  it('a request that breaks the intake rules (henkilötunnus in an anonymous request) is refused, naming the field', async () => {
    const { coordinator, requester } = await desks();
    const { created } = await sendRequest(requester);
    // A desk that skipped its own checks: the stored question is changed under it before sending again.
    const stored = (await requester.db.consultations.get(created.id))!;
    await requester.db.consultations.put({ ...stored, question: 'Lapsen henkilötunnus 010594Y9032, kysymys koulusta.' });
    const again = await sendRequests(requester.ctx, { caseIds: [created.id], area: 'lansi', recipientName: 'OT-keskus', passphrase: PASS, kdfIterations: FAST_KDF });
    const before = await snapshot(coordinator.db);
    const result = await open(coordinator, again.bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toMatchObject({ code: 'invalid-record', detail: { type: 'consultation', field: 'question' } });
    expect(await snapshot(coordinator.db)).toEqual(before);
  });

  it('only the right desk may write each kind of file', async () => {
    const { coordinator, requester, expert } = await desks();
    const { created } = await sendRequest(requester);
    const ownId = await requesterScopeId(KEY);
    const others = await requesterScopeId('someone|else|x@example.invalid');
    const write = (at: Installation, scope: Parameters<typeof exportBundle>[1]['scope']) =>
      exportBundle(at.ctx, { scope, recipient: { kind: 'named', name: 'X' }, passphrase: PASS, kdfIterations: FAST_KDF });
    await expect(write(requester, { kind: 'full' })).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(write(requester, { kind: 'requester', requesterId: others, content: 'requests', caseIds: [created.id] })).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(write(requester, { kind: 'requester', requesterId: ownId })).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(write(expert, { kind: 'network', networkId: NEPSY })).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(write(expert, { kind: 'network', networkId: MULTI, content: 'drafts' })).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(write(coordinator, { kind: 'network', networkId: NEPSY, content: 'drafts' })).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(write(coordinator, { kind: 'requester', requesterId: ownId, content: 'requests', caseIds: [] })).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(sendDrafts(requester.ctx, { recipientName: 'X', passphrase: PASS, kdfIterations: FAST_KDF })).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(sendRequests(expert.ctx, { caseIds: [created.id], area: 'lansi', recipientName: 'X', passphrase: PASS, kdfIterations: FAST_KDF })).rejects.toMatchObject({ code: 'not-permitted' });
  });

  it('a case routed elsewhere leaves the expert desk with its draft, and comes back when routed back', async () => {
    const { coordinator, requester, expert } = await desks();
    const { created, sent } = await sendRequest(requester);
    await take(coordinator, sent.bytes);
    await transitionConsultation(coordinator.ctx, created.id, 'accept');
    await routeConsultation(coordinator.ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
    const networkFile = () => exportBundle(coordinator.ctx, { scope: { kind: 'network', networkId: NEPSY }, recipient: { kind: 'named', name: 'Verkosto' }, passphrase: PASS, kdfIterations: FAST_KDF });
    await take(expert, (await networkFile()).bytes);
    await saveRecommendationDraft(expert.ctx, created.id, { questionSummary: 'Kesken' }, 'draft');

    await routeConsultation(coordinator.ctx, created.id, { networkId: MULTI, proposedNetworkId: NEPSY, reason: 'Monialainen tarve' });
    const away = await networkFile();
    const ready = await take(expert, away.bytes);
    expect(ready.withdrawn).toBe(1);
    expect(await expert.db.consultations.count()).toBe(0);
    expect(await expert.db.caseRows.count()).toBe(0);
    expect(await expert.db.recommendationDrafts.count()).toBe(0);
    expect(await networkCases(expert.ctx)).toEqual([]);
    expect((await expert.db.counters.get('consultations:total'))?.value).toBe(0);

    await routeConsultation(coordinator.ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY, reason: 'Takaisin verkostolle' });
    const back = await take(expert, (await networkFile()).bytes);
    expect(back.counts.consultation.new).toBe(1);
    expect((await networkCases(expert.ctx)).map((c) => c.id)).toEqual([created.id]);
    expect(await expert.db.tombstones.count()).toBe(0);
  });

  it('a draft for a case the centre no longer routes to that network is refused', async () => {
    const { coordinator, requester, expert } = await desks();
    const { created, sent } = await sendRequest(requester);
    await take(coordinator, sent.bytes);
    await transitionConsultation(coordinator.ctx, created.id, 'accept');
    await routeConsultation(coordinator.ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
    const toNetwork = await exportBundle(coordinator.ctx, { scope: { kind: 'network', networkId: NEPSY }, recipient: { kind: 'named', name: 'Verkosto' }, passphrase: PASS, kdfIterations: FAST_KDF });
    await take(expert, toNetwork.bytes);
    await saveRecommendationDraft(expert.ctx, created.id, recommendation, 'ready');
    const drafts = await sendDrafts(expert.ctx, { recipientName: 'Koordinaattori', passphrase: PASS, kdfIterations: FAST_KDF });
    await routeConsultation(coordinator.ctx, created.id, { networkId: MULTI, proposedNetworkId: NEPSY, reason: 'Monialainen tarve' });
    await refusedEverywhere(drafts.bytes, [[coordinator, 'unknown-case']]);
  });
});
