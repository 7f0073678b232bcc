import type { CaseRow } from '../../../shared/domain/case-row';
import type { Profile } from '../../../shared/protection/roles';
import { requesterKeyPart } from '../../../shared/domain/requester-key';
/**
 * Which list rows a profile sees (the list mirror of shared/protection/roles `canRead`): a
 * coordinator every case; an expert the cases currently routed to their network; a requester their
 * own requests. A list row carries the requester's name and organisation but not the e-mail of the
 * requester key (name|organisation|e-mail), so the list matches on those two; opening a case
 * checks the full key in the command layer.
 */
export function rowVisibleTo(profile: Profile): ((row: CaseRow) => boolean) | null {
  switch (profile.role) {
    case 'coordinator':
      return null;
    case 'expert':
      return (row) => row.networkId === profile.networkId;
    case 'requester': {
      const [name = '', organisation = ''] = profile.requesterKey.split('|');
      return (row) => requesterKeyPart(row.requesterName) === name && requesterKeyPart(row.organisation) === organisation;
    }
  }
}
