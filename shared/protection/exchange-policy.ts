import type { Scope } from '../sync/scope';
import type { Profile } from './roles';

/**
 * Who may write and open which bundles — the desks of issue 11 as pure policy:
 *  - the coordinator exchanges everything: full and delta bundles with other coordinators, a
 *    network's cases for its experts, a requester's cases as the reply;
 *  - an expert desk (bound to one network) opens only its own network's bundles and writes only
 *    its ready recommendation drafts back, addressed to that network;
 *  - a requester desk (bound to one requester) opens only the replies to its own requests and
 *    writes only its own new requests.
 * A requester is named in a scope by `requesterScopeId(requesterKey)` (a hash), which the caller
 * computes for the profile (`ownRequesterId`).
 */

export type ExportKind = 'full' | 'delta' | 'network-cases' | 'network-drafts' | 'requester-reply' | 'requester-requests';

export interface ExchangeTarget {
  networkId?: string;
  requesterId?: string;
}

const COORDINATOR_EXPORTS: ReadonlySet<ExportKind> = new Set(['full', 'delta', 'network-cases', 'requester-reply']);

/** May the profile write a bundle of this kind for this network or requester? */
export function mayExport(profile: Profile, kind: ExportKind, target: ExchangeTarget, ownRequesterId: string | null): boolean {
  switch (profile.role) {
    case 'coordinator':
      return COORDINATOR_EXPORTS.has(kind);
    case 'expert':
      return kind === 'network-drafts' && target.networkId === profile.networkId;
    case 'requester':
      return kind === 'requester-requests' && ownRequesterId !== null && target.requesterId === ownRequesterId;
    default:
      return false;
  }
}

/** May the profile open a bundle with this (authenticated) scope? What is inside is checked on its own. */
export function mayImport(profile: Profile, scope: Scope, ownRequesterId: string | null): boolean {
  switch (profile.role) {
    case 'coordinator':
      return true;
    case 'expert':
      return scope.kind === 'network' && scope.networkId === profile.networkId;
    case 'requester':
      return scope.kind === 'requester' && ownRequesterId !== null && scope.requesterId === ownRequesterId;
    default:
      return false;
  }
}
