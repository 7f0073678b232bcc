import type { CaseRow } from '../domain/case-row';
import { OPEN_STATUSES } from './filter';

/** The coordinator's home screen lists, each a list of cases (see homeLists). */
export const HOME_LISTS = ['awaitingAcceptance', 'toRoute', 'overdue', 'recommendationsUnsent', 'followUpsDue'] as const;
export type HomeList = (typeof HOME_LISTS)[number];

export interface HomeLists {
  /** New requests not yet accepted or declined (received; waiting for information is not the coordinator's move). */
  awaitingAcceptance: CaseRow[];
  /** Accepted, not yet routed to a network. */
  toRoute: CaseRow[];
  /** Not yet consulted, and the target date has passed. */
  overdue: CaseRow[];
  /** Consulted, with a written recommendation not yet sent. */
  recommendationsUnsent: CaseRow[];
  /** Follow-up date on or before the end of this week, not yet followed up. */
  followUpsDue: CaseRow[];
}

const byTarget = (a: CaseRow, b: CaseRow) => (a.targetDate < b.targetDate ? -1 : a.targetDate > b.targetDate ? 1 : a.caseCode < b.caseCode ? -1 : 1);
const byFollowUp = (a: CaseRow, b: CaseRow) => (a.followUpDate < b.followUpDate ? -1 : a.followUpDate > b.followUpDate ? 1 : byTarget(a, b));
const byReceipt = (a: CaseRow, b: CaseRow) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0);

/**
 * Sorts every case into the home screen's lists in one pass (pure; 100 000 rows take a few
 * milliseconds). Overdue and follow-ups come most urgent first, new requests oldest first.
 */
export function homeLists(rows: Iterable<CaseRow>, today: string, weekEnd: string): HomeLists {
  const lists: HomeLists = { awaitingAcceptance: [], toRoute: [], overdue: [], recommendationsUnsent: [], followUpsDue: [] };
  for (const row of rows) {
    if (row.status === 'received') lists.awaitingAcceptance.push(row);
    else if (row.status === 'accepted') lists.toRoute.push(row);
    if (OPEN_STATUSES.has(row.status) && row.targetDate < today) lists.overdue.push(row);
    if (row.status === 'consulted' && row.recommendation === 'unsent') lists.recommendationsUnsent.push(row);
    if (row.followUpDate !== '' && row.followUpDate <= weekEnd) lists.followUpsDue.push(row);
  }
  lists.awaitingAcceptance.sort(byReceipt);
  lists.toRoute.sort(byTarget);
  lists.overdue.sort(byTarget);
  lists.recommendationsUnsent.sort(byTarget);
  lists.followUpsDue.sort(byFollowUp);
  return lists;
}
