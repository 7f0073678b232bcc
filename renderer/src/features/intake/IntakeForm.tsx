import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Button, Notification } from 'suomifi-ui-components';
import { createIntakeSchema, type ConsultationRecord, type Intake, type IntakeInput } from '../../../../shared/domain/consultation';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { guardIntake, type IntakeTexts } from '../../../../shared/privacy/intake-guard';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settings';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { CommandError, isNotPermitted, ValidationError } from '../../access/errors';
import { fieldId } from '../../forms/fields';
import { FormErrorSummary } from '../../forms/ErrorList';
import { useSettings } from '../../queries/useSettings';
import { intakeOptions } from './options';
import { summaryFields } from './summary-fields';
import { GuardWarnings } from './GuardWarnings';
import { ConsentSection, ReceivedSection, RequestKindSection, RequesterSection, RequestSection, SubjectSection } from './sections';
import { isStorageFull } from '../../../../shared/protection/storage-full';

type Outcome = { kind: 'failed'; message: string } | null;

interface Props {
  /** Initial values: a blank request, or the case being edited. */
  initial: IntakeInput;
  /** When editing: the case and the revision the form was opened at. */
  editing?: { id: string; rev: number };
  onSaved: (record: ConsultationRecord) => void;
  onCancel?: () => void;
  save: (input: Intake) => Promise<ConsultationRecord>;
}

/** The intake form (also the edit form): one consultation request, validated by the shared schema. */
export function IntakeForm({ initial, editing, onSaved, onCancel, save }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const settings = useSettings() ?? DEFAULT_SETTINGS;
  const options = useMemo(() => intakeOptions(language, t), [language, t]);
  const schema = useMemo(() => createIntakeSchema(() => helsinkiDate(commands.now()), commands.now), [commands]);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // The warnings the user has looked at and chose to keep (a ref: read at submit time).
  const acknowledged = useRef<string | null>(null);
  const form = useForm<IntakeInput, unknown, Intake>({ resolver: zodResolver(schema), defaultValues: initial, shouldFocusError: false });
  const { control, handleSubmit, formState, setError, setValue } = form;

  const refused = useWatch({ control, name: 'requestKind' }) === 'forensic-investigation';
  const [pendingWarnings, setPendingWarnings] = useState(false);

  const fields = summaryFields(t);
  const focusSummary = () => requestAnimationFrame(() => summaryHeading.current?.focus());

  // `confirmed`: the user pressed "I have checked – save" for the warnings on screen now.
  const onValid = async (intake: Intake, confirmed: boolean) => {
    setOutcome(null);
    // The guard on what is saved now (the warnings on screen follow the typing a moment later).
    const guard = guardOf(form.getValues(), commands.now());
    const warningsKey = JSON.stringify(guard.warnings.map((w) => [w.path, w.kind, w.start]));
    if (confirmed) acknowledged.current = warningsKey;
    if (guard.warnings.length > 0 && acknowledged.current !== warningsKey) {
      setPendingWarnings(true);
      requestAnimationFrame(() => document.getElementById('guard-warnings')?.focus());
      return;
    }
    setPendingWarnings(false);
    try {
      onSaved(await save(intake));
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const issue of error.issues) setError(issue.path as FieldPath<IntakeInput>, { message: issue.message });
        focusSummary();
      } else if (error instanceof CommandError) {
        setOutcome({ kind: 'failed', message: t(`commandError.${error.code}`) });
      } else if (isNotPermitted(error)) {
        setOutcome({ kind: 'failed', message: t('roles.notPermitted') });
      } else if (isStorageFull(error)) {
        // The disk is full: the command's one transaction changed nothing; say so and what to do.
        setOutcome({ kind: 'failed', message: `${t('storage.full.what')} ${t('storage.full.action')}` });
      } else {
        console.error('saving a consultation failed', error);
        setOutcome({ kind: 'failed', message: t('intake.saveFailed') });
      }
    }
  };

  return (
    <>
      {outcome && <Notification status="error" headingText={outcome.message} role="alert" closeText="" showCloseButton={false} />}
      <FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />
      <form
        noValidate
        aria-labelledby="intake-heading"
        onSubmit={(event) => void handleSubmit((intake) => onValid(intake, false), focusSummary)(event)}
      >
        <RequestKindSection control={control} options={options} />
        {/* A forensic investigation is not an OT consultation: the rest of the form and saving go away (what was typed is kept). */}
        {!refused && (
          <>
            <ReceivedSection control={control} options={options} />
            <RequesterSection control={control} options={options} setValue={setValue} />
            <SubjectSection control={control} options={options} />
            <RequestSection control={control} options={options} settings={settings} />
            <ConsentSection control={control} options={options} editing={editing !== undefined} />
            <LiveGuardWarnings
              form={form}
              now={commands.now}
              confirming={pendingWarnings}
              onConfirm={() => void handleSubmit((intake) => onValid(intake, true), focusSummary)()}
              labelOf={(path) => fields.find((f) => f.name === path)?.label ?? path}
              fieldIdOf={fieldId}
            />
          </>
        )}
        <div className="otk-row-actions">
          {!refused && (
            <Button type="submit" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t('intake.saving') : editing ? t('intake.saveChanges') : t('intake.save')}
            </Button>
          )}
          {onCancel && (
            <Button variant="secondary" onClick={onCancel}>
              {t('intake.cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

const GUARDED = ['question', 'hopedOutcomeNote', 'subject.servicesTriedNote', 'consent'] as const;

/** The identifier guard over the form's free texts (the schema runs it again on saving, and blocks). */
function guardOf(values: Partial<IntakeInput>, today: Date) {
  return guardIntake(
    { question: values.question ?? '', hopedOutcomeNote: values.hopedOutcomeNote ?? '', subject: { servicesTriedNote: values.subject?.servicesTriedNote ?? '' }, consent: values.consent } as IntakeTexts,
    today,
  );
}

type GuardedTexts = Pick<IntakeInput, 'question' | 'hopedOutcomeNote' | 'subject' | 'consent'>;
const guardedOf = (values: Partial<IntakeInput>): GuardedTexts => ({
  question: values.question ?? '',
  hopedOutcomeNote: values.hopedOutcomeNote ?? '',
  subject: { servicesTriedNote: values.subject?.servicesTriedNote ?? '' } as IntakeInput['subject'],
  consent: values.consent as IntakeInput['consent'],
});
const isGuarded = (name: string | undefined) => name === undefined || GUARDED.some((field) => name === field || name.startsWith(`${field}.`));

/**
 * The guard's warnings, shown as the user types. A keystroke re-renders only its field: this
 * component listens to the free texts without re-rendering (`watch` with a callback), and scans
 * them in the browser's next idle moment (at most 300 ms later) — the typed character is painted
 * first, the warnings follow within a moment, and a long question is scanned once per pause in
 * typing, not once per key. Saving runs the guard on what is saved (onValid), and the schema blocks.
 */
function LiveGuardWarnings({ form, now, ...props }: { form: Pick<UseFormReturn<IntakeInput, unknown, Intake>, 'watch' | 'getValues'>; now: () => Date } & Omit<Parameters<typeof GuardWarnings>[0], 'issues'>) {
  const { watch, getValues } = form;
  const [texts, setTexts] = useState(() => guardedOf(getValues()));
  useEffect(() => {
    let idle = 0;
    const subscription = watch((values, { name }) => {
      if (!isGuarded(name)) return;
      cancelIdleCallback(idle);
      idle = requestIdleCallback(() => setTexts(guardedOf(values as Partial<IntakeInput>)), { timeout: 300 });
    });
    return () => {
      subscription.unsubscribe();
      cancelIdleCallback(idle);
    };
  }, [watch]);
  const guard = useMemo(() => guardOf(texts, now()), [texts, now]);
  return <GuardWarnings issues={guard.warnings} {...props} />;
}
