import type { TFunction } from 'i18next';
import type { RefusalDetail } from '../../../../shared/sync/wire/types';
import { INTAKE_LABELS } from '../intake/summary-fields';

/**
 * The words for where a refused record is: which record (by the label the user finds it by) and
 * which field (by the label the form shows it under — the intake form's for a request's fields).
 * An internal key never reaches the user: a path with no label here is "a field this app does not
 * know".
 */

/** A case's members beyond the intake form's fields: the case screen's and the list's labels. */
const CONSULTATION_LABELS: Readonly<Record<string, string>> = {
  received: 'intake.receivedSection',
  requester: 'intake.requesterSection',
  subject: 'intake.subjectSection',
  consent: 'intake.consentSection',
  status: 'list.status',
  routing: 'routing.heading',
  transitions: 'lifecycle.heading',
  recommendation: 'recommendation.heading',
  closeOut: 'lifecycle.formHeading.close',
  booking: 'meetings.bookingHeading',
  followUpDoneAt: 'exchange.field.followUpDoneAt',
  caseCode: 'list.caseCode',
  receivedAt: 'list.received',
  targetDate: 'list.target',
  region: 'list.region',
  area: 'list.area',
  createdBy: 'exchange.field.createdBy',
};

/** Members every synced record may have. */
const RECORD_LABELS: Readonly<Record<string, string>> = {
  id: 'exchange.field.id',
  seen: 'exchange.field.seen',
  deleted: 'exchange.field.deleted',
  stamps: 'exchange.field.stamps',
  updatedAt: 'exchange.field.updatedAt',
};

/** The network form's labels. */
const NETWORK_LABELS: Readonly<Record<string, string>> = {
  name: 'network.name',
  area: 'network.area',
  themes: 'network.themes',
  ageBands: 'network.ageBands',
  languages: 'network.languages',
  nationalThemes: 'network.nationalThemes',
  contact: 'network.contactPerson',
  meetingRhythm: 'network.rhythm',
  targetResponseDays: 'network.targetResponseDays',
  activeFrom: 'network.activeFrom',
  activeTo: 'network.activeTo',
  outOfOffice: 'network.absences',
  example: 'exchange.field.example',
  note: 'network.note',
};

/** The meeting form's labels. */
const MEETING_LABELS: Readonly<Record<string, string>> = {
  networkId: 'meetings.network',
  slotId: 'exchange.field.slot',
  date: 'meetings.date',
  time: 'meetings.time',
  durationMinutes: 'meetings.duration',
  mode: 'meetings.mode',
  capacity: 'meetings.capacity',
  participants: 'meetings.participants',
  location: 'meetings.location',
  notes: 'meetings.notes',
  caseIds: 'meetings.agendaCases',
  cancelled: 'meetings.cancelled',
};

/** A recommendation draft's members. */
const DRAFT_LABELS: Readonly<Record<string, string>> = {
  networkId: 'routing.network',
  caseCode: 'list.caseCode',
  recommendation: 'recommendation.heading',
  by: 'exchange.field.author',
};

/** A centre's own method's members (issue 21). */
const METHOD_LABELS: Readonly<Record<string, string>> = {
  code: 'knowledge.methods.name',
  name: 'knowledge.methods.name',
  'name.fi': 'knowledge.methods.nameFi',
  'name.sv': 'knowledge.methods.nameSv',
  'name.en': 'knowledge.methods.nameEn',
  'description.fi': 'knowledge.methods.descriptionFi',
  'description.sv': 'knowledge.methods.descriptionSv',
  'description.en': 'knowledge.methods.descriptionEn',
  ages: 'knowledge.methods.ages',
  themes: 'knowledge.methods.themes',
  kasvunTuki: 'knowledge.methods.kasvunTuki',
  activeTo: 'knowledge.methods.state',
};

function labelsOf(type: string | undefined): (path: string) => string | undefined {
  const table = (own: Readonly<Record<string, string>>) => (path: string) => own[path] ?? RECORD_LABELS[path];
  if (type === 'consultation') return (path) => INTAKE_LABELS.get(path) ?? CONSULTATION_LABELS[path] ?? RECORD_LABELS[path];
  if (type === 'network') return table(NETWORK_LABELS);
  if (type === 'meeting') return table(MEETING_LABELS);
  if (type === 'draft') return table(DRAFT_LABELS);
  if (type === 'method') return table(METHOD_LABELS);
  return () => undefined;
}

export type FieldLabel =
  /** The field's label key. */
  | { kind: 'field'; key: string }
  /** The clock stamp of the field with this label key (`stamps.<field>`). */
  | { kind: 'stamp'; key: string }
  | { kind: 'unknown' };

/**
 * The label of a field path in a record of `type`: the most specific one known (a list's element
 * is its list: `subject.themes.0` → Teemat; an unknown member of a known object is that object).
 */
export function fieldLabelOf(type: string | undefined, path: string): FieldLabel {
  const lookup = labelsOf(type);
  const stamp = path.startsWith('stamps.');
  const parts = (stamp ? path.slice('stamps.'.length) : path).split('.').filter((part) => !/^\d+$/.test(part));
  for (let length = parts.length; length > 0; length--) {
    const key = lookup(parts.slice(0, length).join('.'));
    if (key !== undefined) return { kind: stamp ? 'stamp' : 'field', key };
  }
  return { kind: 'unknown' };
}

/** Which record, as a sentence's opening ("Pyynnössä 1", "Tapauksessa OTK-2026-0042"); undefined for a whole record type. */
export function recordLabel(detail: RefusalDetail, t: TFunction): string | undefined {
  if (detail.index === undefined) return undefined;
  const n = detail.index + 1;
  if (detail.request) return t('exchange.record.request', { n });
  const code = detail.caseCode;
  switch (detail.type) {
    case 'consultation':
      return code ? t('exchange.record.case', { code }) : t('exchange.record.consultation', { n });
    case 'draft':
      return code ? t('exchange.record.draftOfCase', { code }) : t('exchange.record.draft', { n });
    case 'network':
    case 'meeting':
    case 'audit':
    case 'method':
      return t(`exchange.record.${detail.type}`, { n });
    default:
      return t('exchange.record.unknown', { n });
  }
}
