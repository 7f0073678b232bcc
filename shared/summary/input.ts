import type { AreaCode } from '../reference/regions';
import type { ConsentMode, ConsultationRecord, ConsultationStatus } from '../domain/consultation';
import { closeOutSchema, type CloseOutOutcome, type OtherwiseSought } from '../lifecycle/close-out';
import { caseMeasures, type CaseMeasures, type MeasureEvent } from '../lifecycle/measures';
import { monthOfDate, type MonthCode } from './period';
import { recommendedMethods } from '../lifecycle/recommendation';

/**
 * The slim, identity-free projection of one consultation that the summary engine reads: codes,
 * flags and two measures. No id, no free text, no date finer than the month of receipt.
 */
export interface SummaryCase {
  /** Month of receipt (Finnish calendar), `YYYY-MM`: decides the period the case belongs to. */
  receivedMonth: MonthCode;
  area: AreaCode;
  region: string;
  /** One or more theme codes (a case counts once per theme in theme breakdowns). */
  themes: readonly string[];
  sector: string;
  ageBand: string;
  serviceLevel: string;
  consentMode: ConsentMode;
  status: ConsultationStatus;
  /** The network of the current routing; null when never routed. */
  networkId: string | null;
  outcome: CloseOutOutcome | null;
  wouldOtherwiseHaveSought: OtherwiseSought | null;
  /** Ever accepted, or routed (which accepts implicitly). */
  accepted: boolean;
  /** Ever declined. */
  declined: boolean;
  /** The consultation was held. */
  consulted: boolean;
  /** Ever closed (a reopened case still counts). */
  closed: boolean;
  /** Finnish calendar days from receipt to the consultation; null until held. */
  daysToConsultation: number | null;
  /** Consultation held on or before the target date; null until held. */
  targetMet: boolean | null;
  /**
   * Issue 21 — absent in list rows written before it (read as none):
   * the methods the recommendation names (codes, each once);
   */
  methods?: readonly string[];
  /** the OT-level criteria met at the last acceptance or decline that recorded them; */
  criteria?: readonly string[];
  /** the coded reason of the last decline (null when never declined). */
  declineReason?: string | null;
}

type RecordPart = Pick<ConsultationRecord, 'received' | 'receivedAt' | 'targetDate' | 'requester' | 'subject' | 'consent' | 'status' | 'routing' | 'area' | 'region'> &
  Partial<Pick<ConsultationRecord, 'recommendation'>>;

/** The criteria met at the last 'accept' or 'decline' that recorded them (codes only; the note is never read). */
function criteriaMet(history: readonly MeasureEvent[]): string[] {
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i]!;
    if (event.action !== 'accept' && event.action !== 'decline') continue;
    const met = (event.data as { criteria?: { met?: unknown } } | undefined)?.criteria?.met;
    if (Array.isArray(met)) return met.filter((code): code is string => typeof code === 'string');
  }
  return [];
}

/**
 * The summary case of a stored consultation and its lifecycle history (the audit trail's
 * transitions). The measures are derived from the history unless given. The close-out codes come
 * from the last 'close' event; its note is never read.
 */
export function summaryCaseOf(record: RecordPart, history: readonly MeasureEvent[], measures?: CaseMeasures): SummaryCase {
  const m = measures ?? caseMeasures({ receivedAt: record.receivedAt, targetDate: record.targetDate, history });
  const ever = (action: MeasureEvent['action']) => history.some((event) => event.action === action);
  const lastClose = [...history].reverse().find((event) => event.action === 'close');
  const lastDecline = [...history].reverse().find((event) => event.action === 'decline');
  const declineReason = (lastDecline?.data as { reason?: unknown } | undefined)?.reason;
  const closeOut = lastClose ? closeOutSchema.safeParse((lastClose.data as { closeOut?: unknown } | undefined)?.closeOut) : undefined;
  return {
    receivedMonth: monthOfDate(record.received.date),
    area: record.area,
    region: record.region,
    themes: [...record.subject.themes],
    sector: record.requester.sector,
    ageBand: record.subject.ageBand,
    serviceLevel: record.subject.serviceLevel,
    consentMode: record.consent.mode,
    status: record.status,
    networkId: record.routing.at(-1)?.networkId ?? null,
    outcome: closeOut?.success ? closeOut.data.outcome : null,
    wouldOtherwiseHaveSought: closeOut?.success ? closeOut.data.wouldOtherwiseHaveSought : null,
    accepted: m.daysToAcceptance !== null,
    declined: ever('decline'),
    consulted: ever('consult'),
    closed: ever('close'),
    daysToConsultation: m.daysToConsultation,
    targetMet: m.targetMet,
    methods: recommendedMethods(record.recommendation),
    criteria: criteriaMet(history),
    declineReason: typeof declineReason === 'string' ? declineReason : null,
  };
}
