import { afterEach, describe, expect, it } from 'vitest';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { bookConsultation } from '../../../../renderer/src/commands/meetings';
import { dueCases, saveRetentionPolicy } from '../../../../renderer/src/commands/retention';
import { previewExport } from '../../../../renderer/src/commands/exchange';
import { homeLists } from '../../../../shared/worklist/home';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { networkSlotId } from '../../../../shared/meetings/network-slots';
import { validIntake } from '../../../fixtures/intake';
import { closeAll, exchange, installation, NEPSY, receive, send, snapshot, type Installation } from './exchange/helpers';

afterEach(() => closeAll());

const DAY = 86_400_000;
const WEDNESDAY = '2026-11-25';

async function closedCase(inst: Installation) {
  const created = await createConsultation(inst.ctx, validIntake({ question: 'Synteettinen kysymys suljettavasta tapauksesta.' }));
  await transitionConsultation(inst.ctx, created.id, 'accept');
  await routeConsultation(inst.ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
  await bookConsultation(inst.ctx, created.id, { slotId: networkSlotId(NEPSY, 3, '09:00'), date: WEDNESDAY });
  inst.advance(3 * DAY); // the meeting has been held
  await transitionConsultation(inst.ctx, created.id, 'consult', {
    recommendation: { language: 'fi', questionSummary: 'Tiivistelmä.', recommendations: ['Yhteinen palaveri'], nextSteps: [], followUpDate: '' },
  });
  return transitionConsultation(inst.ctx, created.id, 'close', { closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided', note: '' } });
}

/**
 * A database written "a year ago", opened with the clock a year ahead: nothing stored changes by
 * reading it, and what depends on today — overdue cases, the retention due list, delta exports and
 * their import on the other side — works from the new date.
 */
describe('the clock moved a year ahead', () => {
  it('changes no stored data, and overdue, retention and delta exchange follow the new date', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const open = await createConsultation(a.ctx, validIntake());
    const closed = await closedCase(a);
    b.advance(3 * DAY); // the two installations' clocks agree
    await saveRetentionPolicy(a.ctx, { closedYears: 1, anonymousClosedYears: 1, endedYears: 1, countFrom: 'date' });
    await exchange(a, b, { scope: { kind: 'delta' } }); // the first delta to B is written full: the base
    await exchange(b, a); // B acknowledges A's bundle: A's next delta to B starts from it

    const before = await snapshot(a.db);
    a.advance(400 * DAY);
    b.advance(400 * DAY);
    const today = helsinkiDate(a.ctx.now());

    // Home: the open case is overdue against its target date; the closed one is not.
    const lists = homeLists(await a.db.caseRows.toArray(), today, today);
    expect(lists.overdue.map((row) => row.id)).toEqual([open.id]);
    // Retention: the closed case is due a year after closing.
    expect((await dueCases(a.ctx, today)).map((due) => due.id)).toEqual([closed.id]);
    // Reading changed nothing.
    expect(await snapshot(a.db)).toEqual(before);

    // A delta a year later carries the one change, and B imports it (nothing quarantined).
    await transitionConsultation(a.ctx, open.id, 'accept');
    const plan = await previewExport(a.ctx, { scope: { kind: 'delta' }, recipient: { kind: 'installation', installationId: b.id } });
    expect(plan.scope.kind).toBe('delta');
    expect(plan.counts.consultation).toBe(1);
    const { bytes } = await send(a, b, { scope: { kind: 'delta' } });
    const ready = await receive(b, bytes);
    expect(ready.counts.consultation).toMatchObject({ updated: 1, quarantined: 0 });
    expect((await b.db.consultations.get(open.id))?.status).toBe('accepted');
  });
});
