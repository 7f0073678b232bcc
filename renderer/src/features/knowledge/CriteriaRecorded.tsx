import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { criterionLabel, OTHER_CRITERION, type CriteriaList, type CriteriaRecord } from '../../../../shared/knowledge/ot-criteria';
import type { UiLanguage } from '../../../../shared/reference/labels';
import { useCriteria } from '../../queries/useKnowledge';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime } from '../../format/dates';
import { Field } from '../../forms/Field';
import { Section } from '../../components/Section';

/** The criteria of a decision in words: each label (as frozen with the decision), 'other' with its text, and the list version. */
export function criteriaText(criteria: CriteriaRecord, language: UiLanguage, versions: readonly CriteriaList[], t: TFunction): string {
  const met = criteria.met.map((code) => {
    const label = criterionLabel(code, language, versions, criteria.labels);
    return code === OTHER_CRITERION && criteria.otherNote ? `${label}: “${criteria.otherNote}”` : label;
  });
  return t('knowledge.criteria.recorded', { criteria: met.length > 0 ? met.join('; ') : t('knowledge.criteria.noneMet'), version: criteria.version });
}

/** The last acceptance or decline that recorded OT-level criteria (issue 21), or null. */
export function lastCriteria(record: Pick<ConsultationRecord, 'transitions'>): { action: 'accept' | 'decline'; at: string; criteria: CriteriaRecord } | null {
  for (let i = record.transitions.length - 1; i >= 0; i--) {
    const transition = record.transitions[i]!;
    if ((transition.action === 'accept' || transition.action === 'decline') && transition.data.criteria) {
      return { action: transition.action, at: transition.at, criteria: transition.data.criteria };
    }
  }
  return null;
}

/** On the case view: why the request was (or was not) taken as an OT-level consultation. */
export function CriteriaRecorded({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const criteria = useCriteria();
  const last = lastCriteria(record);
  if (!last) return null;
  return (
    <Section headingId="case-criteria" heading={t('knowledge.criteria.heading')} className="otk-section" data-testid="case-criteria">
      <dl className="otk-fields">
        <Field label={t(`knowledge.criteria.at.${last.action}`, { date: formatDateTime(last.at, language) })}>{criteriaText(last.criteria, language, criteria?.versions ?? [], t)}</Field>
      </dl>
    </Section>
  );
}
