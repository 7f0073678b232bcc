import type { Intake } from '../../../../shared/domain/consultation';
import { requesterScopeId } from '../../../../shared/sync/scope';
import { requesterKey } from '../../../../shared/domain/requester-key';
/** The id of a requester scope for this requester: a hash of the app's requester key (never the name in a header). */
export function requesterScopeIdOf(requester: Intake['requester']): Promise<string> {
  return requesterScopeId(requesterKey(requester));
}
