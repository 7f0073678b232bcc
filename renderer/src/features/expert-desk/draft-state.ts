import type { NetworkCase } from '../../queries/desk';

/**
 * Where a case's recommendation draft stands on the expert desk (issue 11), for the desk's table
 * and the draft screen:
 *  - none: nothing written yet;
 *  - draft: saved, not yet marked ready (`at`: when saved);
 *  - ready: marked ready, goes with the next file (`at`: when marked);
 *  - sent: went back to the coordinator and unchanged since (`at`: when the file was written);
 *  - changed: changed after it was sent (`ready`: marked ready again);
 *  - done: the centre has sent the recommendation to the requester; nothing more to write.
 */
export type DeskDraftState =
  | { kind: 'none' }
  | { kind: 'draft' | 'ready' | 'sent'; at: string }
  | { kind: 'changed'; at: string; ready: boolean }
  | { kind: 'done' };

export function deskDraftState(item: Pick<NetworkCase, 'draft' | 'sentAt' | 'recommendationSent'>): DeskDraftState {
  const { draft, sentAt } = item;
  if (item.recommendationSent) return { kind: 'done' };
  if (!draft) return { kind: 'none' };
  if (sentAt !== null && draft.updatedAt <= sentAt) return { kind: 'sent', at: sentAt };
  if (sentAt !== null) return { kind: 'changed', at: draft.updatedAt, ready: draft.state === 'ready' };
  return { kind: draft.state === 'ready' ? 'ready' : 'draft', at: draft.updatedAt };
}

/** Is the draft waiting in the desk for the next file (marked ready, not sent since)? */
export function waitsForFile(state: DeskDraftState): boolean {
  return state.kind === 'ready' || (state.kind === 'changed' && state.ready);
}
