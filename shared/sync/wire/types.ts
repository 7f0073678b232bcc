import type { AuditEvent } from '../../domain/audit';
import type { ConsultationRecord } from '../../domain/consultation';
import type { Network } from '../../domain/network';
import type { LocalMethod } from '../../knowledge/methods';
import type { RecommendationDraftInput } from '../../lifecycle/recommendation';
import type { Meeting } from '../../meetings/schema';
import type { BundleErrorCode } from '../bundle';
import type { Knowledge, Tombstone } from '../record';

/**
 * The records a bundle carries and the reasons an import is refused: shared by the pure codec
 * (./codec), the record checks (./validate), the renderer's exchange commands and its bundle worker.
 * Local bookkeeping (a row's `rev`, delta marks) is the renderer's and never travels.
 */

/** The record types a bundle of this app carries (payload line `type`). */
export const ENTRY_TYPES = ['consultation', 'network', 'meeting', 'audit', 'draft', 'method'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** A consultation as it travels: the stored record without its local revision (or a projection of it), with what it has seen of each installation's writes (../knowledge). */
export type KnownConsultation = Omit<ConsultationRecord, 'rev'> & { seen?: Knowledge };
/** A consultation or its tombstone, as it travels. */
export type WireConsultation = KnownConsultation | Tombstone;
/** A registry record as it travels: whole, with its per-field clock stamps and its knowledge. */
export type WireRegistryRecord<T> = T & { updatedAt: string; stamps: Record<string, string>; seen?: Record<string, string> };
/** Networks and meetings travel whole with their per-field stamps. */
export type WireNetwork = WireRegistryRecord<Network>;
export type WireMeeting = WireRegistryRecord<Meeting>;
/** A centre's own method (issue 21) travels like a network: whole, with its per-field stamps. */
export type WireMethod = WireRegistryRecord<LocalMethod>;
/** An expert's recommendation draft marked ready, as it goes back to the coordinator (a network bundle from an expert desk). */
export interface WireDraft {
  /** The case id. */
  id: string;
  networkId: string;
  caseCode: string;
  recommendation: RecommendationDraftInput;
  updatedAt: string;
  /** The expert profile that wrote it. */
  by: string;
}

/** A decoded, validated bundle's records by type. */
export interface WireRecords {
  consultation: WireConsultation[];
  network: WireNetwork[];
  meeting: WireMeeting[];
  audit: AuditEvent[];
  draft: WireDraft[];
  method: WireMethod[];
}

/**
 * Why an import was refused; nothing was written. The codec's reasons (BundleErrorCode, shown as
 * `bundle.error.<code>`) and the importer's own (shown as `exchange.refusal.<code>`):
 * - already-imported: this bundle id was imported before (nothing new);
 * - own-bundle: this installation wrote the bundle;
 * - out-of-scope: a network or requester bundle holds records outside its scope (e.g. cases of
 *   another network, fields the scope does not carry);
 * - invalid-record: a record does not have the shape of its type;
 * - wrong-desk: the bundle is not for this profile (e.g. a network bundle opened on a requester's
 *   desk, another network's or another requester's bundle, a reply opened on an expert desk);
 * - other-network: a network bundle holds a case or draft of another network;
 * - other-centre: a requester's request addressed to the OT-keskus of another cooperation area;
 * - unknown-case: a draft came back for a case this installation does not hold (or no longer
 *   routes to that network).
 */
export const IMPORT_REFUSAL_CODES = ['already-imported', 'own-bundle', 'out-of-scope', 'invalid-record', 'wrong-desk', 'other-network', 'unknown-case', 'other-centre'] as const;
export type ImportRefusalCode = BundleErrorCode | (typeof IMPORT_REFUSAL_CODES)[number];

export interface ImportRefusal {
  code: ImportRefusalCode;
  /** i18n key of the message (what is wrong; features/exchange/refusal-message adds where and what to do). */
  messageKey: string;
  detail?: RefusalDetail;
}

/**
 * Where a refusal was found and what is wrong there — never a value of the record, only ids a
 * user can look up (a case code) and codes. Turned into words by features/exchange/refusal-message.
 */
export interface RefusalDetail {
  /** The record type (a payload line's `type`; may be one this app does not know). */
  type?: string;
  /** Position among the bundle's records of that type, from 0 (absent: the refusal concerns the whole type). */
  index?: number;
  /** The field's path in the record (e.g. `question`, `requester.email`, `stamps.question`). */
  field?: string;
  /** What is wrong with the value: a validation message (i18n key with parameters, shared/domain/messages). */
  problem?: string;
  /** The record's case code, when it has one (the label a user finds it by). */
  caseCode?: string;
  /** The record is a requester's new request, checked with the intake rules at the centre. */
  request?: true;
  /** The bundle's scope, for records outside it. */
  scope?: string;
}

export function refusal(code: ImportRefusalCode, detail?: ImportRefusal['detail']): ImportRefusal {
  const own = (IMPORT_REFUSAL_CODES as readonly string[]).includes(code);
  return { code, messageKey: own ? `exchange.refusal.${code}` : `bundle.error.${code}`, ...(detail ? { detail } : {}) };
}

/** Progress of a long exchange step, for a progress bar. `total` when known. */
export interface ExchangeProgress {
  phase: 'reading' | 'encoding' | 'decoding' | 'validating' | 'planning' | 'sealing' | 'writing';
  done: number;
  total?: number;
}

export type ProgressListener = (progress: ExchangeProgress) => void;
