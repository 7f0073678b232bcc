import type { ConsultationRecord } from './consultation';

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
  rev: number;
}

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
    rev: record.rev,
  };
}
