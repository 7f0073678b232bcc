import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { z } from 'zod';
import { criterionSchema, newCriterionCode, OTHER_CRITERION, type CriteriaList } from '../../../../shared/knowledge/ot-criteria';
import { uuidv7 } from '../../../../shared/ids';
import { useServices } from '../../services/services';
import { useCriteria } from '../../queries/useKnowledge';
import { saveCriteria } from '../../commands/ot-criteria';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime } from '../../format/dates';
import { FormCheckbox, FormTextInput } from '../../forms/fields';
import { FormErrorSummary } from '../../forms/ErrorList';
import { ActionFormFrame, mappedResolver, summaryFields, useActionForm } from '../lifecycle/form-kit';
import { ScreenPanel } from '../../components/ScreenPanel';

interface Values {
  criteria: Array<{ code: string; fi: string; sv: string; en: string; active: boolean; saved: boolean }>;
}
const valuesSchema = z.object({ criteria: z.array(criterionSchema) });
const toInput = (values: Values) => ({ criteria: values.criteria.map(({ saved: _saved, ...criterion }) => criterion) });

/**
 * Settings: the OT-level criteria list (issue 21). Labels in fi/sv/en, each criterion in use or
 * not; new ones can be added. Saving makes a new version; a saved criterion is taken out of use,
 * never removed, and 'other' stays. Decisions keep the version they were made under.
 */
export function CriteriaSettings() {
  const { t } = useTranslation();
  const criteria = useCriteria();
  return (
    <ScreenPanel
      headingId="criteria-heading"
      heading={t('knowledge.criteriaSettings.heading')}
      intro={t('knowledge.criteriaSettings.intro')}
      introMargin="m"
      className="otk-panel"
    >
      {criteria ? <CriteriaForm key={criteria.current.version} current={criteria.current} /> : <Paragraph>{t('app.loading')}</Paragraph>}
    </ScreenPanel>
  );
}

function CriteriaForm({ current }: { current: CriteriaList }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const [notice, setNotice] = useState<string | null>(null);
  const initial: Values = { criteria: current.criteria.map((c) => ({ ...c, saved: true })) };
  const { form, summaryHeading, failure, submit } = useActionForm<Values>({
    resolver: mappedResolver(valuesSchema, toInput),
    defaultValues: initial,
    fallbackKey: 'knowledge.criteriaSettings.failed',
  });
  const { control, formState, reset } = form;
  const rows = useFieldArray({ control, name: 'criteria' });
  const fields = summaryFields(
    rows.fields.flatMap((_, i): Array<[string, string]> => [
      [`criteria.${i}.fi`, t('knowledge.criteriaSettings.labelFi', { n: i + 1 })],
      [`criteria.${i}.sv`, t('knowledge.criteriaSettings.labelSv', { n: i + 1 })],
      [`criteria.${i}.en`, t('knowledge.criteriaSettings.labelEn', { n: i + 1 })],
    ]),
  );
  return (
    <>
      <Paragraph className="otk-muted" data-testid="criteria-version">
        {current.savedAt
          ? t('knowledge.criteriaSettings.version', { version: current.version, date: formatDateTime(current.savedAt, language) })
          : t('knowledge.criteriaSettings.defaultVersion', { version: current.version })}
      </Paragraph>
      <div role="status" className="otk-live">
        {notice && <Paragraph className="otk-notice">{notice}</Paragraph>}
      </div>
      <ActionFormFrame
        labelledBy="criteria-heading"
        failure={failure}
        summary={<FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />}
        onSubmit={(event) =>
          void submit(async (values) => {
            setNotice(null);
            const saved = await saveCriteria(commands, toInput(values).criteria, current.version);
            setNotice(saved.version === current.version ? t('knowledge.criteriaSettings.unchanged') : t('knowledge.criteriaSettings.saved', { version: saved.version }));
          })(event)
        }
        submitLabel={t('knowledge.criteriaSettings.save')}
        onCancel={() => reset(initial)}
        busy={formState.isSubmitting}
      >
        {rows.fields.map((row, i) => (
          <fieldset key={row.id} className="otk-fieldset otk-repeat">
            <legend>{t('knowledge.criteriaSettings.criterion', { n: i + 1 })}</legend>
            <div className="otk-grid">
              <FormTextInput control={control} name={`criteria.${i}.fi`} label={t('knowledge.criteriaSettings.labelFi', { n: i + 1 })} />
              <FormTextInput control={control} name={`criteria.${i}.sv`} label={t('knowledge.criteriaSettings.labelSv', { n: i + 1 })} />
              <FormTextInput control={control} name={`criteria.${i}.en`} label={t('knowledge.criteriaSettings.labelEn', { n: i + 1 })} />
            </div>
            {row.code === OTHER_CRITERION ? (
              <Paragraph className="otk-muted">{t('knowledge.criteriaSettings.otherAlways')}</Paragraph>
            ) : (
              <FormCheckbox control={control} name={`criteria.${i}.active`} label={t('knowledge.criteriaSettings.inUse', { n: i + 1 })} />
            )}
            {!row.saved && (
              <Button variant="secondaryNoBorder" onClick={() => rows.remove(i)}>
                {t('knowledge.criteriaSettings.remove', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => rows.append({ code: newCriterionCode(uuidv7(commands.now().getTime())), fi: '', sv: '', en: '', active: true, saved: false })}>
          {t('knowledge.criteriaSettings.add')}
        </Button>
      </ActionFormFrame>
    </>
  );
}
