import type { AuditEvent } from '../../../../shared/domain/audit';
import type { BundleErrorCode } from '../../../../shared/sync/bundle';
import type { Tombstone } from '../../../../shared/sync/record';
import type { MeetingRecord, NetworkRecord } from '../../db/schema';
import type { SyncedConsultation } from '../../db/rows/exchange';
import type { RecommendationDraftRow } from '../../db/rows/desk';
import type { MethodRecord } from '../../db/method-record';

/**
 * Types shared by the exchange commands, the pure codec (./codec) and the bundle worker. Nothing
 * here imports Dexie at run time, so the worker bundle stays small.
 */

/** The record types a bundle of this app carries (payload line `type`). */
export const ENTRY_TYPES = ['consultation', 'network', 'meeting', 'audit', 'draft', 'method'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** A consultation as it travels: the stored record without the local `rev` (or a projection of it), or a tombstone. */
export type WireConsultation = Omit<SyncedConsultation, 'rev' | 'arrivedFrom'> | Tombstone;
/** Networks and meetings travel whole with their per-field stamps, without the local `rev` and `arrived`. */
export type WireNetwork = Omit<NetworkRecord, 'rev' | 'arrived'>;
export type WireMeeting = Omit<MeetingRecord, 'rev' | 'arrived'>;
/** A centre's own method (issue 21) travels like a network: whole, with its per-field stamps. */
export type WireMethod = Omit<MethodRecord, 'rev' | 'arrived'>;
/** An expert's recommendation draft marked ready, as it goes back to the coordinator (a network bundle from an expert desk). */
export type WireDraft = Pick<RecommendationDraftRow, 'id' | 'networkId' | 'caseCode' | 'recommendation' | 'updatedAt' | 'by'>;

/** A decoded, validated bundle's records by type. */
export interface WireRecords {
  consultation: WireConsultation[];
  network: WireNetwork[];
  meeting: WireMeeting[];
  audit: AuditEvent[];
  draft: WireDraft[];
  method: WireMethod[];
}

export type { ExportScope, NetworkContent, RequesterContent } from '../../../../shared/sync/scope';

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
  phase: 'reading' | 'encoding' | 'decoding' | 'validating' | 'planning' | 'writing';
  done: number;
  total?: number;
}

export type ProgressListener = (progress: ExchangeProgress) => void;
