import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localMethodSchema, type LocalMethod, type LocalMethodInput } from '../../../../shared/knowledge/methods';
import { THEMES } from '../../../../shared/reference/themes';
import { useUiStore } from '../../state/uiStore';
import { FormCheckboxGroup, FormDateInput, FormNumberInput, FormTextInput } from '../../forms/fields';
import { FormErrorSummary } from '../../forms/ErrorList';
import { Section } from '../intake/sections';
import { ActionFormFrame, mappedResolver, summaryFields, useActionForm } from '../lifecycle/form-kit';

/** The form's values: the Kasvun tuki part as three plain fields, empty when there is none to cite. */
export interface MethodValues {
  id: string;
  code: string;
  name: { fi: string; sv: string; en: string };
  description: { fi: string; sv: string; en: string };
  ages: { from: number | string; to: number | string };
  themes: string[];
  activeTo: string | null;
  rating: { rating: string; source: string; assessedOn: string };
}

/** The method's input from the form: no rating when its fields are empty; a date only when given. */
export function toMethodInput(values: MethodValues): LocalMethodInput {
  const { rating, ...rest } = values;
  const empty = rating.rating.trim() === '' && rating.source.trim() === '' && rating.assessedOn.trim() === '';
  return {
    ...rest,
    ages: { from: Number(values.ages.from), to: Number(values.ages.to) },
    lape: false,
    kasvunTuki: empty ? null : { rating: rating.rating, source: rating.source, assessedOn: rating.assessedOn.trim() === '' ? null : rating.assessedOn, score: null, scale: null },
  } as LocalMethodInput;
}

/** 'kasvunTuki.source' (schema) → 'rating.source' (form). */
const toField = (path: string) => path.replace(/^kasvunTuki\./, 'rating.').replace(/^kasvunTuki$/, 'rating.rating');

export function methodValuesOf(method: LocalMethod): MethodValues {
  const k = method.kasvunTuki;
  return {
    id: method.id,
    code: method.code,
    name: { ...method.name },
    description: { ...method.description },
    ages: { ...method.ages },
    themes: [...method.themes],
    activeTo: method.activeTo,
    rating: { rating: k?.rating ?? '', source: k?.source ?? '', assessedOn: k?.assessedOn ?? '' },
  };
}

/**
 * A centre's own method: names and one-line descriptions in fi/sv/en (the letter prints the one in
 * its language), the ages and themes it is for, and a Kasvun tuki rating only with the address of
 * the page that states it.
 */
export function MethodForm({ initial, onSave, onCancel }: { initial: MethodValues; onSave: (method: LocalMethodInput) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { form, summaryHeading, failure, submit } = useActionForm<MethodValues>({
    resolver: mappedResolver(localMethodSchema, toMethodInput, toField),
    defaultValues: initial,
    fallbackKey: 'knowledge.methods.failed',
  });
  const { control, formState } = form;
  const themeOptions = useMemo(() => THEMES.map((theme) => ({ value: theme.code, label: theme[language] })), [language]);
  const fields = summaryFields([
    ['name.fi', t('knowledge.methods.nameFi')],
    ['name.sv', t('knowledge.methods.nameSv')],
    ['name.en', t('knowledge.methods.nameEn')],
    ['description.fi', t('knowledge.methods.descriptionFi')],
    ['description.sv', t('knowledge.methods.descriptionSv')],
    ['description.en', t('knowledge.methods.descriptionEn')],
    ['ages.from', t('knowledge.methods.ageFrom')],
    ['ages.to', t('knowledge.methods.ageTo')],
    ['themes', t('knowledge.methods.themes'), 'first'],
    ['rating.rating', t('knowledge.methods.rating')],
    ['rating.source', t('knowledge.methods.source')],
    ['rating.assessedOn', t('knowledge.methods.assessedOn')],
  ]);
  return (
    <ActionFormFrame
      labelledBy="method-form-heading"
      failure={failure}
      summary={<FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />}
      onSubmit={(event) => void submit((values) => onSave(toMethodInput(values)), toField)(event)}
      submitLabel={t('knowledge.methods.save')}
      onCancel={onCancel}
      busy={formState.isSubmitting}
    >
      <Section title={t('knowledge.methods.names')}>
        <div className="otk-grid">
          <FormTextInput control={control} name="name.fi" label={t('knowledge.methods.nameFi')} />
          <FormTextInput control={control} name="name.sv" label={t('knowledge.methods.nameSv')} />
          <FormTextInput control={control} name="name.en" label={t('knowledge.methods.nameEn')} />
        </div>
        <FormTextInput control={control} name="description.fi" label={t('knowledge.methods.descriptionFi')} hint={t('knowledge.methods.descriptionHint')} />
        <FormTextInput control={control} name="description.sv" label={t('knowledge.methods.descriptionSv')} />
        <FormTextInput control={control} name="description.en" label={t('knowledge.methods.descriptionEn')} />
      </Section>
      <Section title={t('knowledge.methods.target')}>
        <div className="otk-grid">
          <FormNumberInput control={control} name="ages.from" label={t('knowledge.methods.ageFrom')} />
          <FormNumberInput control={control} name="ages.to" label={t('knowledge.methods.ageTo')} />
        </div>
        <FormCheckboxGroup control={control} name="themes" label={t('knowledge.methods.themes')} options={themeOptions} />
      </Section>
      <Section title={t('knowledge.methods.ratingSection')}>
        <p className="otk-muted">{t('knowledge.methods.ratingIntro')}</p>
        <div className="otk-grid">
          <FormTextInput control={control} name="rating.rating" label={t('knowledge.methods.rating')} hint={t('knowledge.methods.ratingHint')} />
          <FormTextInput control={control} name="rating.source" label={t('knowledge.methods.source')} hint={t('knowledge.methods.sourceHint')} />
          <FormDateInput control={control} name="rating.assessedOn" label={t('knowledge.methods.assessedOn')} hint={t('knowledge.methods.assessedOnHint')} />
        </div>
      </Section>
    </ActionFormFrame>
  );
}
