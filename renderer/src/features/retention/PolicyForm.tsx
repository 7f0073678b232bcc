import { useRef } from 'react';
import { useForm, type FieldPath, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { retentionPolicySchema, type RetentionPolicy, type RetentionPolicyInput } from '../../../../shared/protection/retention';
import { PROTECTION_MSG } from '../../../../shared/protection/messages';
import { useServices } from '../../services/services';
import { saveRetentionPolicy } from '../../commands/retention';
import { ValidationError } from '../../access/errors';
import { FormErrorSummary } from '../../forms/ErrorList';
import { fieldId, FormNumberInput, FormRadioGroup } from '../../forms/fields';
import type { useCommand } from '../../forms/useCommand';
import { useUiStore } from '../../state/uiStore';
import { Section } from '../../components/Section';

export type RunCommand = ReturnType<typeof useCommand>['run'];

/** The policy's own refusal, worded for this form (the other messages are the shared validation ones). */
const MESSAGES: Record<string, string> = { [PROTECTION_MSG.retentionAnonymousLonger]: 'retention.policy.anonymousLonger' };
const messageOf = (message: string) => MESSAGES[message] ?? message;

/** The shared schema's resolver, with the policy's own messages mapped to this form's texts. */
const baseResolver = zodResolver(retentionPolicySchema) as Resolver<RetentionPolicyInput, unknown, RetentionPolicy>;
const resolver: Resolver<RetentionPolicyInput, unknown, RetentionPolicy> = async (values, context, options) => {
  const result = await baseResolver(values, context, options);
  for (const error of Object.values(result.errors as Record<string, { message?: string } | undefined>)) if (error?.message) error.message = messageOf(error.message);
  return result;
};

/**
 * How long ended cases are kept: years for closed, anonymous closed and declined or cancelled cases,
 * and whether they count from the date or from the end of its year. Validated by the shared schema;
 * the error summary names every invalid field and is focused after a failed save.
 */
export function PolicyForm({
  initial,
  onSaved,
  run,
  busy,
}: {
  initial: RetentionPolicy;
  onSaved: (policy: RetentionPolicy) => void;
  /** The screen's command runner (its failures go to the screen's alert region). */
  run: RunCommand;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { commands } = useServices();
  const flash = useUiStore((s) => s.flash);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const form = useForm<RetentionPolicyInput, unknown, RetentionPolicy>({ resolver, defaultValues: initial, shouldFocusError: false });
  const { control, handleSubmit, formState, setError } = form;
  const focusSummary = () => requestAnimationFrame(() => summaryHeading.current?.focus());
  const fields = [
    { name: 'closedYears', label: t('retention.policy.closedYears'), inputId: fieldId('closedYears') },
    { name: 'anonymousClosedYears', label: t('retention.policy.anonymousClosedYears'), inputId: fieldId('anonymousClosedYears') },
    { name: 'endedYears', label: t('retention.policy.endedYears'), inputId: fieldId('endedYears') },
    { name: 'countFrom', label: t('retention.policy.countFrom'), inputId: `${fieldId('countFrom')}-first` },
  ];

  const onValid = (values: RetentionPolicy) =>
    run(async () => {
      try {
        const saved = await saveRetentionPolicy(commands, values);
        onSaved(saved);
        flash(t('retention.policy.saved'), window.location.hash);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const issue of error.issues) setError(issue.path as FieldPath<RetentionPolicyInput>, { message: messageOf(issue.message) });
        focusSummary();
      }
    });

  return (
    <Section
      headingId="retention-policy-heading"
      heading={t('retention.policy.heading')}
      intro={t('retention.policy.intro')}
      introMargin="m"
      className="otk-section"
    >
      <FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />
      <form noValidate aria-labelledby="retention-policy-heading" onSubmit={(event) => void handleSubmit(onValid, focusSummary)(event)}>
        <div className="otk-grid">
          <FormNumberInput control={control} name="closedYears" label={t('retention.policy.closedYears')} hint={t('retention.policy.closedYearsHint')} />
          <FormNumberInput control={control} name="anonymousClosedYears" label={t('retention.policy.anonymousClosedYears')} hint={t('retention.policy.anonymousClosedYearsHint')} />
          <FormNumberInput control={control} name="endedYears" label={t('retention.policy.endedYears')} hint={t('retention.policy.endedYearsHint')} />
          <FormRadioGroup
            control={control}
            name="countFrom"
            label={t('retention.policy.countFrom')}
            options={[
              { value: 'date', label: t('retention.policy.countFromDate') },
              { value: 'year-end', label: t('retention.policy.countFromYearEnd') },
            ]}
          />
        </div>
        <Button type="submit" disabled={busy || formState.isSubmitting}>
          {t('retention.policy.save')}
        </Button>
      </form>
    </Section>
  );
}
