import type { TFunction } from 'i18next';
import { decodeMessage } from '../../../../shared/domain/messages';
import { GUARD_MESSAGE_KEYS, type FindingKind } from '../../../../shared/privacy/identifier-guard';
import type { ImportRefusal, RefusalDetail } from '../../../../shared/sync/wire/types';
import { fieldLabelOf, recordLabel } from './refusal-labels';

/**
 * Why a file was not imported, in the user's language: what is wrong (in words — "henkilötunnus",
 * not a field key), where (the record's label and the field's label as the form shows it) and what
 * to do about it (usually: what to ask the sender). One sentence or two, then the action.
 */

/** The identifier guard's messages, by what they found. */
const FINDINGS: Readonly<Record<string, FindingKind>> = {
  [GUARD_MESSAGE_KEYS.henkilotunnusAnonymous]: 'henkilotunnus',
  [GUARD_MESSAGE_KEYS.henkilotunnusConsented]: 'henkilotunnus',
  [GUARD_MESSAGE_KEYS.phone]: 'phone',
  [GUARD_MESSAGE_KEYS.email]: 'email',
  [GUARD_MESSAGE_KEYS.birthDate]: 'birth-date',
  [GUARD_MESSAGE_KEYS.streetAddress]: 'street-address',
};
/** Rules that make a finding a refusal, said after it. */
const FINDING_RULES: Readonly<Record<string, string>> = {
  [GUARD_MESSAGE_KEYS.henkilotunnusAnonymous]: 'exchange.findingRule.henkilotunnusAnonymous',
};

/**
 * The identifier the guard found in a field, in words: "Pyynnössä 1 on henkilötunnus kentässä
 * ”Kysymys asiantuntijoille” (merkki 12)." A henkilötunnus is certain (its check character fits);
 * the others only look like one ("näyttää olevan").
 */
export function findingSentence(record: string, field: string, message: string, t: TFunction): string | null {
  const { key, params } = decodeMessage(message);
  const finding = FINDINGS[key];
  if (finding === undefined) return null;
  const sentenceKey = finding === 'henkilotunnus' ? 'exchange.refusalDetail.identifier' : 'exchange.refusalDetail.identifierSeems';
  const sentence = t(sentenceKey, { record, field, finding: t(`exchange.finding.${finding}`), position: params.position ?? '?' });
  const rule = FINDING_RULES[key];
  return rule ? `${sentence} ${t(rule)}` : sentence;
}

function isFinding(detail: RefusalDetail | undefined): boolean {
  return detail?.problem !== undefined && FINDINGS[decodeMessage(detail.problem).key] !== undefined;
}

/** What is wrong and where, for a refusal that names a record (or a record type); null when it names none. */
function located(refusal: ImportRefusal, t: TFunction): string | null {
  const { code, detail } = refusal;
  if (!detail || (code !== 'invalid-record' && code !== 'out-of-scope')) return null;
  const scope = detail.scope !== undefined ? t(`exchange.scopeLabel.${detail.scope}`) : '';
  const record = recordLabel(detail, t);
  if (record === undefined) {
    if (code === 'out-of-scope' && detail.type !== undefined) return t('exchange.refusalDetail.outOfScopeType', { types: t(`exchange.typeIn.${detail.type}`, { defaultValue: '' }) || t('exchange.typeIn.consultation'), scope });
    return t('exchange.refusalDetail.unknownType');
  }
  if (detail.field === undefined) return t(code === 'out-of-scope' ? 'exchange.refusalDetail.outOfScopeRecord' : 'exchange.refusalDetail.invalidRecord', { record, scope });
  const label = fieldLabelOf(detail.type, detail.field);
  if (label.kind === 'unknown') return t('exchange.refusalDetail.unknownField', { record });
  const field = t(label.key);
  if (label.kind === 'stamp') return t('exchange.refusalDetail.invalidStamp', { record, field });
  if (code === 'out-of-scope') {
    if (detail.scope === 'requester' && detail.field === 'requester') return t('exchange.refusalDetail.otherRequester', { record });
    return t('exchange.refusalDetail.outOfScopeField', { record, field, scope });
  }
  if (detail.problem !== undefined) {
    const finding = findingSentence(record, field, detail.problem, t);
    if (finding !== null) return finding;
    const { key, params } = decodeMessage(detail.problem);
    const problem = t(key, { ...params, defaultValue: '' });
    if (problem !== '') return t('exchange.refusalDetail.invalidValue', { record, field, problem });
  }
  return t('exchange.refusalDetail.invalidField', { record, field });
}

/** What is wrong (and where, when the refusal names a record). */
function what(refusal: ImportRefusal, t: TFunction): string {
  const sentence = located(refusal, t);
  if (sentence !== null) return sentence;
  if (refusal.code === 'unknown-case' && refusal.detail?.caseCode) return t('exchange.refusalDetail.unknownCase', { code: refusal.detail.caseCode });
  return t(refusal.messageKey);
}

/** What to do about it. */
function action(refusal: ImportRefusal, t: TFunction): string {
  const { code, detail } = refusal;
  if (code === 'invalid-record' && detail?.request) return t(isFinding(detail) ? 'exchange.refusalAction.identifier' : 'exchange.refusalAction.request');
  return t(refusal.messageKey.startsWith('bundle.') ? `bundle.action.${code}` : `exchange.refusalAction.${code}`);
}

/** A guard warning on a request the centre admits (ImportReady.findings), in words. */
export function findingMessage(detail: RefusalDetail, t: TFunction): string {
  const label = detail.field !== undefined ? fieldLabelOf(detail.type, detail.field) : undefined;
  const field = label !== undefined && label.kind !== 'unknown' ? t(label.key) : t('intake.requestSection');
  return findingSentence(recordLabel(detail, t) ?? t('exchange.record.request', { n: 1 }), field, detail.problem ?? '', t) ?? field;
}

/** The reason in full: what is wrong, where, and what to do. */
export function refusalReason(refusal: ImportRefusal, t: TFunction): string {
  return `${what(refusal, t)} ${action(refusal, t)}`;
}

/** The import panel's message: "The file was not imported and nothing changed: <reason>". */
export function refusalMessage(refusal: ImportRefusal, t: TFunction): string {
  return t('exchange.refused', { reason: refusalReason(refusal, t) });
}
