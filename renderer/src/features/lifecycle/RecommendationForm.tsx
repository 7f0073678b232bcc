import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { REQUESTER_LANGUAGES } from '../../../../shared/domain/consultation';
import { recommendationDraftSchema, STEP_KINDS, type RecommendationDraft, type RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';
import { FormCheckboxGroup, FormDateInput, FormDropdown, FormRadioGroup, FormTextarea, FormTextInput } from '../../forms/fields';
import { useMethodOptions } from '../knowledge/useMethodOptions';
import { FormErrorSummary } from '../../forms/ErrorList';
import { Section } from '../intake/sections';
import { ActionFormFrame, mappedResolver, summaryFields, useActionForm } from './form-kit';

/** The form's shape: list items as objects, as react-hook-form's field arrays need. */
interface RecommendationValues {
  language: string;
  questionSummary: string;
  /** Each recommended item with the methods it names (issue 21). */
  recommendations: Array<{ text: string; methods: string[] }>;
  nextSteps: Array<{ step: string; by: string; kind?: string }>;
  followUpDate: string;
}

const toInput = (values: RecommendationValues): RecommendationDraftInput => ({
  ...values,
  language: values.language as RecommendationDraftInput['language'],
  recommendations: values.recommendations.map((item) => item.text),
  methods: values.recommendations.map((item) => item.methods ?? []),
  nextSteps: values.nextSteps.map(({ kind, ...step }) => (kind ? { ...step, kind: kind as (typeof STEP_KINDS)[number] } : step)),
});
/**
 * 'recommendations.2' (schema) → 'recommendations.2.text' (form), 'methods.2…' → the item's
 * methods; the list's own error stays on the list.
 */
const toField = (path: string) =>
  /^recommendations\.\d+$/.test(path) ? `${path}.text` : /^methods\.\d+/.test(path) ? `recommendations.${path.split('.')[1]}.methods` : path === 'methods' ? 'recommendations' : path;

/** The form's values from a recommendation or a (possibly unfinished) draft; `language` and `question` fill what it lacks. */
export function toRecommendationValues(draft: Partial<RecommendationDraftInput> | null, language: string, question: string): RecommendationValues {
  return {
    language: draft?.language || language,
    questionSummary: draft?.questionSummary ?? question,
    recommendations: (draft?.recommendations?.length ? draft.recommendations : ['']).map((text, i) => ({ text, methods: [...(draft?.methods?.[i] ?? [])] })),
    nextSteps: (draft?.nextSteps ?? []).map((step) => ({ ...step })),
    followUpDate: draft?.followUpDate ?? '',
  };
}

/**
 * The written recommendation, structured: the question as the experts understood it, their
 * recommendations one per row, next steps with who takes them, and a follow-up date. Written in the
 * requester's language (proposed from the request).
 */
export function RecommendationForm({
  initial,
  headingId,
  submitLabel,
  onSave,
  onCancel,
  saveDraft,
}: {
  initial: RecommendationValues;
  headingId: string;
  submitLabel: string;
  onSave: (draft: RecommendationDraft) => Promise<unknown>;
  onCancel: () => void;
  /**
   * A second button that saves the values as they are, unfinished parts and all (the expert desk's
   * "Save draft"); the submit button then checks everything (its "Mark ready").
   */
  saveDraft?: { label: string; onSave: (draft: Partial<RecommendationDraftInput>) => Promise<unknown> };
}) {
  const { t } = useTranslation();
  const { form, summaryHeading, failure, submit, saveAsIs, saving } = useActionForm<RecommendationValues>({
    resolver: mappedResolver(recommendationDraftSchema, toInput, toField),
    defaultValues: initial,
    fallbackKey: 'lifecycle.failed',
  });
  const { control, formState } = form;
  const items = useFieldArray({ control, name: 'recommendations' });
  const steps = useFieldArray({ control, name: 'nextSteps' });
  const methodOptions = useMethodOptions(initial.recommendations.flatMap((item) => item.methods));
  const fields = summaryFields([
    ['language', t('recommendation.language'), 'first'],
    ['questionSummary', t('recommendation.questionSummary')],
    ['recommendations', t('recommendation.items')],
    ...items.fields.flatMap((_, i): Array<[string, string, 'first'?]> => [
      [`recommendations.${i}.text`, t('recommendation.item', { n: i + 1 })],
      [`recommendations.${i}.methods`, t('knowledge.form.itemMethods', { n: i + 1 }), 'first'],
    ]),
    ...steps.fields.flatMap((_, i): Array<[string, string]> => [
      [`nextSteps.${i}.step`, t('recommendation.step', { n: i + 1 })],
      [`nextSteps.${i}.by`, t('recommendation.stepBy', { n: i + 1 })],
      [`nextSteps.${i}.kind`, t('knowledge.form.stepKind', { n: i + 1 })],
    ]),
    ['followUpDate', t('recommendation.followUpDate')],
  ]);

  return (
    <ActionFormFrame
      labelledBy={headingId}
      failure={failure}
      summary={<FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />}
      onSubmit={(event) => void submit((values) => onSave(recommendationDraftSchema.parse(toInput(values))), toField)(event)}
      submitLabel={submitLabel}
      onCancel={onCancel}
      busy={formState.isSubmitting || saving}
      extraActions={
        saveDraft && (
          <Button variant="secondary" disabled={formState.isSubmitting || saving} onClick={() => void saveAsIs((values) => saveDraft.onSave(toInput(values)), toField)}>
            {saveDraft.label}
          </Button>
        )
      }
    >
      <FormRadioGroup control={control} name="language" label={t('recommendation.language')} hint={t('recommendation.languageHint')} options={REQUESTER_LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))} />
      <FormTextarea control={control} name="questionSummary" label={t('recommendation.questionSummary')} />
      <Section title={t('recommendation.items')}>
        {formState.errors.recommendations?.message && (
          <p className="otk-error" id="field-recommendations">
            {t(formState.errors.recommendations.message)}
          </p>
        )}
        {items.fields.map((item, index) => (
          <div key={item.id} className="otk-repeat">
            <FormTextarea control={control} name={`recommendations.${index}.text`} label={t('recommendation.item', { n: index + 1 })} />
            <FormCheckboxGroup control={control} name={`recommendations.${index}.methods`} label={t('knowledge.form.itemMethods', { n: index + 1 })} hint={t('knowledge.form.itemMethodsHint')} options={methodOptions} />
            {items.fields.length > 1 && (
              <Button variant="secondaryNoBorder" onClick={() => items.remove(index)}>
                {t('recommendation.removeItem', { n: index + 1 })}
              </Button>
            )}
          </div>
        ))}
        <Button variant="secondary" onClick={() => items.append({ text: '', methods: [] })}>
          {t('recommendation.addItem')}
        </Button>
      </Section>
      <Section title={t('recommendation.nextSteps')}>
        {steps.fields.map((step, index) => (
          <div key={step.id} className="otk-grid otk-repeat">
            <FormTextInput control={control} name={`nextSteps.${index}.step`} label={t('recommendation.step', { n: index + 1 })} />
            <FormTextInput control={control} name={`nextSteps.${index}.by`} label={t('recommendation.stepBy', { n: index + 1 })} hint={t('recommendation.stepByHint')} />
            <FormDropdown control={control} name={`nextSteps.${index}.kind`} label={t('knowledge.form.stepKind', { n: index + 1 })} hint={t('knowledge.form.stepKindHint')} options={STEP_KINDS.map((kind) => ({ value: kind, label: t(`knowledge.stepKind.${kind}`) }))} />
            <Button variant="secondaryNoBorder" onClick={() => steps.remove(index)}>
              {t('recommendation.removeStep', { n: index + 1 })}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => steps.append({ step: '', by: '' })}>
          {t('recommendation.addStep')}
        </Button>
      </Section>
      <FormDateInput control={control} name="followUpDate" label={t('recommendation.followUpDate')} hint={t('recommendation.followUpHint')} />
    </ActionFormFrame>
  );
}
