import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, TextInput } from 'suomifi-ui-components';
import { criteriaChoiceSchema, OTHER_CRITERION, type CriteriaChoiceInput } from '../../../../shared/knowledge/ot-criteria';
import { useCriteria } from '../../queries/useKnowledge';
import { useUiStore } from '../../state/uiStore';
import { useMessage } from '../../forms/message';

export const CRITERIA_NOTE_ID = 'criteria-other-note';

/**
 * The OT-level criteria checklist of the case's next decision (issue 21), shared by "Accept"
 * and the decline form: the choice, and `checked()` that gives the transition data part — or
 * null (nothing chosen, so nothing recorded), or shows what is missing and returns false.
 */
export function useCriteriaChoice() {
  const [choice, setChoice] = useState<{ met: string[]; otherNote: string }>({ met: [], otherNote: '' });
  const [error, setError] = useState<string | null>(null);
  const checked = (): { criteria: CriteriaChoiceInput } | null | false => {
    if (choice.met.length === 0) return null;
    const parsed = criteriaChoiceSchema.safeParse(choice);
    if (parsed.success) {
      setError(null);
      return { criteria: parsed.data };
    }
    setError(parsed.error.issues[0]!.message);
    requestAnimationFrame(() => document.getElementById(CRITERIA_NOTE_ID)?.focus());
    return false;
  };
  return { choice, setChoice, error, checked };
}

export function CriteriaChecklist({ state }: { state: ReturnType<typeof useCriteriaChoice> }) {
  const { t } = useTranslation();
  const translate = useMessage();
  const language = useUiStore((s) => s.language);
  const criteria = useCriteria();
  const { choice, setChoice, error } = state;
  if (!criteria) return null;
  const active = criteria.current.criteria.filter((c) => c.active);
  const toggle = (code: string, on: boolean) => setChoice({ ...choice, met: on ? [...choice.met, code] : choice.met.filter((c) => c !== code) });
  return (
    <div className="otk-criteria" data-testid="criteria-checklist">
      <CheckboxGroup labelText={t('knowledge.criteria.label')} groupHintText={t('knowledge.criteria.hint', { version: criteria.current.version })}>
        {active.map((criterion) => (
          <Checkbox key={criterion.code} checked={choice.met.includes(criterion.code)} onClick={({ checkboxState }) => toggle(criterion.code, checkboxState)}>
            {criterion[language]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {choice.met.includes(OTHER_CRITERION) && (
        <TextInput
          id={CRITERIA_NOTE_ID}
          labelText={t('knowledge.criteria.otherNote')}
          hintText={t('lifecycle.freeTextHint')}
          value={choice.otherNote}
          onChange={(value) => setChoice({ ...choice, otherNote: String(value ?? '') })}
          status={error ? 'error' : 'default'}
          statusText={error ? translate(error) : undefined}
          fullWidth
        />
      )}
    </div>
  );
}
