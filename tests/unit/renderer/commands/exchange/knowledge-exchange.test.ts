import { afterEach, describe, expect, it } from 'vitest';
import { bookConsultation } from '../../../../../renderer/src/commands/meetings';
import { createConsultation } from '../../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../../renderer/src/commands/lifecycle';
import { exportBundle } from '../../../../../renderer/src/commands/exchange';
import { saveRecommendationDraft } from '../../../../../renderer/src/commands/desk/recommendation-drafts';
import { sendDrafts } from '../../../../../renderer/src/commands/desk/send';
import { saveLocalMethod } from '../../../../../renderer/src/commands/methods';
import { requesterKey } from '../../../../../shared/domain/requester-key';
import { draftForCase } from '../../../../../renderer/src/queries/desk';
import { wireMethod } from '../../../../../shared/sync/wire/records';
import { networkSlotId } from '../../../../../shared/meetings/network-slots';
import { requesterScopeId } from '../../../../../shared/sync/scope';
import type { Intake } from '../../../../../shared/domain/consultation';
import type { LocalMethodInput } from '../../../../../shared/knowledge/methods';
import type { RecommendationDraftInput } from '../../../../../shared/lifecycle/recommendation';
import { validIntake } from '../../../../fixtures/intake';
import { expertProfile, requesterProfile } from '../../support/profiles';
import { bundleRecords, closeAll, exchange, FAST_KDF, forged, installation, NEPSY, PASS, preview, receive, routedCase, snapshot, type Installation } from './helpers';

/**
 * Issue 21 across installations: a recommendation naming methods (one of them a centre's own),
 * step kinds and the OT-level criteria of the acceptance survive a full bundle; the centre's own
 * methods go to the network's expert desk (so a draft can name them) and back in the draft file,
 * and to the requester with the reply that names them. A centre takes methods only from its own
 * installations' full and delta bundles.
 */

afterEach(closeAll);

const WEDNESDAY = '2026-11-25';
const LOCAL = 'local-00000000b2';
const local: LocalMethodInput = {
  id: LOCAL,
  code: LOCAL,
  name: { fi: 'Synteettinen perheryhmä', sv: 'Syntetisk familjegrupp', en: 'Synthetic family group' },
  description: { fi: 'Keksitty menetelmä testiä varten.', sv: 'Påhittad metod för testet.', en: 'An invented method for the test.' },
  ages: { from: 12, to: 17 },
  themes: ['school-absence', 'nepsy'],
  activeTo: null,
};
const recommendation: RecommendationDraftInput = {
  language: 'sv',
  questionSummary: 'Skolgången stöds när tidigare åtgärder inte hjälpt.',
  recommendations: ['Föräldraträning', 'Familjegrupp i skolan'],
  nextSteps: [{ step: 'Anmäl familjen till gruppen', by: 'skolkurator', kind: 'method' }],
  followUpDate: '',
  methods: [['voimaperheet'], ['mdft', LOCAL]],
};

async function bookedAndHeld(at: Installation, id: string) {
  await bookConsultation(at.ctx, id, { slotId: networkSlotId(NEPSY, 3, '09:00'), date: WEDNESDAY });
}

describe('methods and criteria between installations', () => {
  it('a full bundle carries the centre’s own method, the methods per item, the step kinds and the criteria of the acceptance', async () => {
    const a = await installation('a');
    const b = await installation('b');
    await saveLocalMethod(a.ctx, local);
    const routed = await routedCase(a, NEPSY);
    // routedCase accepts without criteria; a second case is accepted with them.
    const second = await createConsultation(a.ctx, validIntake());
    await transitionConsultation(a.ctx, second.id, 'accept', { criteria: { met: ['services-tried', 'other'], otherNote: 'Synteettinen peruste' } });
    await bookedAndHeld(a, routed.id);
    a.setNow(Date.parse(`${WEDNESDAY}T10:00:00Z`));
    b.setNow(Date.parse(`${WEDNESDAY}T10:00:00Z`));
    await transitionConsultation(a.ctx, routed.id, 'consult', { recommendation });

    const { header } = await exchange(a, b);
    expect(header.counts).toMatchObject({ method: 1 });
    expect(await b.db.methods.get(LOCAL)).toMatchObject({ id: LOCAL, name: local.name, rev: 1 });
    const copy = (await b.db.consultations.get(routed.id))!;
    expect(copy.recommendation).toMatchObject({ methods: recommendation.methods, nextSteps: [{ kind: 'method' }] });
    expect((await b.db.caseRows.get(routed.id))!.summary.methods).toEqual(['voimaperheet', 'mdft', LOCAL]);
    const accepted = (await b.db.consultations.get(second.id))!.transitions[0]!;
    expect(accepted.data).toMatchObject({ criteria: { met: ['services-tried', 'other'], otherNote: 'Synteettinen peruste', version: 1 } });
    expect((await b.db.caseRows.get(second.id))!.summary.criteria).toEqual(['services-tried', 'other']);
    // Again: nothing new.
    const again = await exchange(a, b);
    expect(again.ready.counts.method).toMatchObject({ new: 0, updated: 0 });
  });

  it('the expert desk gets the centre’s own methods with its network’s file, names them in its draft, and the draft comes back with them', async () => {
    const centre = await installation('keskus');
    const expert = await installation('asiantuntija');
    expert.ctx.profile = expertProfile(NEPSY);
    await saveLocalMethod(centre.ctx, local);
    const routed = await routedCase(centre, NEPSY);
    await bookedAndHeld(centre, routed.id);
    const toNetwork = await exportBundle(centre.ctx, { scope: { kind: 'network', networkId: NEPSY }, recipient: { kind: 'named', name: 'Verkosto' }, passphrase: PASS, kdfIterations: FAST_KDF });
    expect(toNetwork.header.counts).toMatchObject({ method: 1 });
    await receive(expert, toNetwork.bytes);
    expect((await expert.db.methods.get(LOCAL))?.name.fi).toBe('Synteettinen perheryhmä');

    await saveRecommendationDraft(expert.ctx, routed.id, { questionSummary: 'Kesken', recommendations: ['Perheryhmä'], methods: [[LOCAL]] }, 'draft');
    expect((await expert.db.recommendationDrafts.get(routed.id))!.recommendation.methods).toEqual([[LOCAL]]);
    await saveRecommendationDraft(expert.ctx, routed.id, recommendation, 'ready');
    const drafts = await sendDrafts(expert.ctx, { recipientName: 'Koordinaattori', passphrase: PASS, kdfIterations: FAST_KDF });
    expect(drafts.header.counts).toEqual({ draft: 1 });
    await receive(centre, drafts.bytes);
    const draft = (await draftForCase(centre.ctx, routed.id))!;
    expect(draft.recommendation).toMatchObject({ methods: recommendation.methods, nextSteps: [{ kind: 'method' }] });
    centre.setNow(Date.parse(`${WEDNESDAY}T10:00:00Z`));
    const consulted = await transitionConsultation(centre.ctx, routed.id, 'consult', { recommendation: draft.recommendation });
    expect(consulted.recommendation?.methods).toEqual(recommendation.methods);
  });

  it('the reply to the requester carries the centre’s own methods its sent recommendation names, so the letter can name them', async () => {
    const centre = await installation('keskus');
    const requester = await installation('pyytaja');
    const key = requesterKey(validIntake().requester as Intake['requester']);
    requester.ctx.profile = requesterProfile(key);
    await saveLocalMethod(centre.ctx, local);
    await saveLocalMethod(centre.ctx, { ...local, id: 'local-00000000c3', code: 'local-00000000c3', name: { fi: 'Toinen', sv: 'Annan', en: 'Other' } });
    const routed = await routedCase(centre, NEPSY);
    await bookedAndHeld(centre, routed.id);
    centre.setNow(Date.parse(`${WEDNESDAY}T10:00:00Z`));
    await transitionConsultation(centre.ctx, routed.id, 'consult', { recommendation });
    const unsent = await exportBundle(centre.ctx, { scope: { kind: 'requester', requesterId: await requesterScopeId(key) }, recipient: { kind: 'named', name: 'Pyytäjä' }, passphrase: PASS, kdfIterations: FAST_KDF });
    expect(unsent.header.counts.method ?? 0).toBe(0);
    await transitionConsultation(centre.ctx, routed.id, 'send-recommendation');
    const reply = await exportBundle(centre.ctx, { scope: { kind: 'requester', requesterId: await requesterScopeId(key) }, recipient: { kind: 'named', name: 'Pyytäjä' }, passphrase: PASS, kdfIterations: FAST_KDF });
    expect((await bundleRecords(requester, reply.bytes)).method?.map((m) => m.id)).toEqual([LOCAL]);
    await receive(requester, reply.bytes);
    expect((await requester.db.methods.get(LOCAL))?.description.sv).toBe('Påhittad metod för testet.');
    expect(await requester.db.methods.get('local-00000000c3')).toBeUndefined();
  });

  it('a centre refuses methods in any file but its own installations’ full and delta bundles, and a method that breaks the schema', async () => {
    const centre = await installation('keskus');
    const other = await installation('toinen');
    await saveLocalMethod(other.ctx, local);
    const method = wireMethod((await other.db.methods.get(LOCAL))!);
    const before = await snapshot(centre.db);
    const inNetworkFile = await preview(centre, await forged(other, { kind: 'network', networkId: NEPSY }, [{ type: 'method', record: method }]));
    expect(inNetworkFile).toMatchObject({ ok: false, refusal: { code: 'out-of-scope', detail: { type: 'method' } } });
    const broken = await preview(centre, await forged(other, { kind: 'full' }, [{ type: 'method', record: { ...method, themes: ['atlantis'] } }]));
    expect(broken).toMatchObject({ ok: false, refusal: { code: 'invalid-record', detail: { type: 'method', index: 0, field: 'themes' } } });
    expect(await snapshot(centre.db)).toEqual(before);
  });
});
