import type { CommandContext } from '../../../../renderer/src/access/context';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { bookConsultation } from '../../../../renderer/src/commands/meetings';
import { networkSlotId } from '../../../../shared/meetings/network-slots';
import type { IntakeInput } from '../../../../shared/domain/consultation';
import type { RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';

/** The shipped Länsi neuropsychiatric team (Wednesdays 9–11) and the Länsi multi-professional network. */
export const NEPSY = '00000000-0000-7000-8000-000000000042';
export const MULTI = '00000000-0000-7000-8000-000000000041';

/**
 * A case recorded, accepted, routed to `networkId`, booked into the Wednesday after its receipt
 * (25.11.2026, or a later one when that meeting is full) and the clock moved past the meeting, so
 * the consultation can be recorded. `setClock` moves the test's clock.
 */
export async function routedAndHeld(ctx: CommandContext, intake: IntakeInput, setClock: (iso: string) => void, networkId = NEPSY, week = 0): Promise<{ id: string }> {
  const created = await createConsultation(ctx, intake);
  await transitionConsultation(ctx, created.id, 'accept');
  await routeConsultation(ctx, created.id, { networkId, proposedNetworkId: networkId, reason: networkId === NEPSY ? '' : 'Synteettinen ohjaus toiselle verkostolle.' });
  const date = new Date(Date.UTC(2026, 10, 25 + 7 * week)).toISOString().slice(0, 10);
  const slot = networkId === NEPSY ? networkSlotId(NEPSY, 3, '09:00') : networkSlotId(MULTI, 2, '13:00');
  const day = networkId === NEPSY ? date : new Date(Date.UTC(2026, 10, 24 + 7 * week)).toISOString().slice(0, 10);
  await bookConsultation(ctx, created.id, { slotId: slot, date: day });
  setClock(`${day}T16:00:00Z`);
  return { id: created.id };
}

/** A case taken through to 'closed' with this recommendation (methods, steps and texts as given). */
export async function closedWith(ctx: CommandContext, intake: IntakeInput, recommendation: RecommendationDraftInput, setClock: (iso: string) => void, networkId = NEPSY, week = 0): Promise<string> {
  const { id } = await routedAndHeld(ctx, intake, setClock, networkId, week);
  await transitionConsultation(ctx, id, 'consult', { recommendation });
  await transitionConsultation(ctx, id, 'close', { closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided' } });
  return id;
}
