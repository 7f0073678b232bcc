import type { ConsultationRecord } from './consultation';
import { dueFollowUp } from '../lifecycle/record';
import { summaryCaseOf, type SummaryCase } from '../summary/input';

/**
 * The slim projection of a consultation that the work list holds in memory for 100 000 cases:
 * only what the list shows, filters, searches and sorts on. Stored beside each record and written
 * in the same transaction, so the list never reads the full (large, sensitive) records.
 */
export interface CaseRow {
  id: string;
  caseCode: string;
  receivedAt: string;
  /** The Finnish calendar date of receipt (filters by date range compare this). */
  receivedDate: string;
  targetDate: string;
  status: ConsultationRecord['status'];
  region: string;
  area: ConsultationRecord['area'];
  themes: string[];
  urgency: ConsultationRecord['urgency'];
  consentMode: ConsultationRecord['consent']['mode'];
  requesterName: string;
  organisation: string;
  /** The network the case is currently routed to ('' when none). */
  networkId: string;
  /** Date of the booked meeting ('' when not booked). */
  meetingDate: string;
  /** Whether a recommendation is written and whether it has been sent. */
  recommendation: 'none' | 'unsent' | 'sent';
  /** The follow-up date still due ('' when none). */
  followUpDate: string;
  /** The identity-free projection the activity summaries read (codes, flags, two measures). */
  summary: SummaryCase;
  rev: number;
}

/**
 * The version of what a list row holds: raise it whenever `CaseRow` or `caseRowOf` changes, so a
 * stored index snapshot of older rows (renderer/src/db/index-snapshot.ts) is ignored and rebuilt.
 */
export const CASE_ROW_SHAPE = 1;

export function caseRowOf(record: ConsultationRecord): CaseRow {
  return {
    id: record.id,
    caseCode: record.caseCode,
    receivedAt: record.receivedAt,
    receivedDate: record.received.date,
    targetDate: record.targetDate,
    status: record.status,
    region: record.region,
    area: record.area,
    themes: record.subject.themes,
    urgency: record.urgency,
    consentMode: record.consent.mode,
    requesterName: record.requester.name,
    organisation: record.requester.organisation,
    networkId: record.routing.at(-1)?.networkId ?? '',
    meetingDate: record.booking?.date ?? '',
    recommendation: !record.recommendation ? 'none' : record.recommendation.sentAt ? 'sent' : 'unsent',
    followUpDate: dueFollowUp(record),
    summary: summaryCaseOf(record, record.transitions),
    rev: record.rev,
  };
}
