import type { Profile } from '../../../../shared/protection/roles';

/** The coordinator profile the command tests act as unless they test another role. */
export const TEST_COORDINATOR: Profile = { id: 'test-coordinator', name: 'test-coordinator', role: 'coordinator', language: 'fi' };

/** An expert profile bound to `networkId`. */
export function expertProfile(networkId: string, id = `expert-${networkId}`): Profile {
  return { id, name: id, role: 'expert', networkId, language: 'fi' };
}

/** A requester profile bound to `requesterKey` (renderer/src/commands/requesters `requesterKey`). */
export function requesterProfile(requesterKey: string, id = 'test-requester'): Profile {
  return { id, name: id, role: 'requester', requesterKey, language: 'fi' };
}
