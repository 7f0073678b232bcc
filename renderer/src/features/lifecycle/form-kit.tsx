import { useRef, useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldPath, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Notification } from 'suomifi-ui-components';
import type { z } from 'zod';
import { ValidationError } from '../../access/errors';
import type { SummaryField } from '../../forms/ErrorList';
import { fieldId } from '../../forms/fields';
import { useCommand } from '../../forms/useCommand';

/**
 * A resolver that maps the form's values to the schema's input (`toInput`), parses them, and maps
 * every issue's path back to the form's field (`toField`), so that lists edited as rows of objects
 * can be validated by the shared schema that holds plain strings.
 */
export function mappedResolver<F extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: F) => unknown,
  toField: (path: string) => string = (path) => path,
): Resolver<F> {
  return (values) => {
    const parsed = schema.safeParse(toInput(values));
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) {
      const path = toField(issue.path.map(String).join('.')).split('.');
      let node = errors;
      path.forEach((part, i) => {
        if (i === path.length - 1) node[part] ??= { type: 'schema', message: issue.message };
        else node = (node[part] ??= {}) as Record<string, unknown>;
      });
    }
    return { values: {}, errors: errors as FieldErrors<F> };
  };
}

/** The summary rows of a form: [path, label] pairs; `first` points focus at a group's first option. */
export function summaryFields(rows: Array<[string, string, 'first'?]>): SummaryField[] {
  return rows.map(([name, label, focus]) => ({ name, label, inputId: focus ? `${fieldId(name)}-first` : fieldId(name) }));
}

/**
 * A lifecycle form: error summary (focused after a failed submit), the fields, submit and cancel.
 * A command's own refusal is shown as a notification; its field issues land on the fields.
 */
export function useActionForm<F extends FieldValues>(options: { resolver: Resolver<F>; defaultValues: DefaultValues<F>; fallbackKey: string }) {
  const form = useForm<F>({ resolver: options.resolver, defaultValues: options.defaultValues, shouldFocusError: false });
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const command = useCommand(options.fallbackKey);
  const focusSummary = () => requestAnimationFrame(() => summaryHeading.current?.focus());
  const [saving, setSaving] = useState(false);
  const attempt = async (action: () => Promise<unknown>, toField: (path: string) => string) => {
    try {
      command.setError(null);
      await action();
    } catch (caught) {
      if (caught instanceof ValidationError) {
        for (const issue of caught.issues) form.setError(toField(issue.path) as FieldPath<F>, { message: issue.message });
        focusSummary();
      } else command.setError(command.describe(caught));
    }
  };
  const submit = (action: (values: F) => Promise<unknown>, toField: (path: string) => string = (p) => p) =>
    form.handleSubmit(async (values) => attempt(() => action(values), toField), focusSummary);
  /**
   * Saves the values as they are, without the form's own check (an unfinished draft): the
   * command's issues still land on the fields.
   */
  const saveAsIs = async (action: (values: F) => Promise<unknown>, toField: (path: string) => string = (p) => p) => {
    form.clearErrors();
    setSaving(true);
    try {
      await attempt(() => action(form.getValues()), toField);
    } finally {
      setSaving(false);
    }
  };
  return { form, summaryHeading, failure: command.error, submit, saveAsIs, saving };
}

export function ActionFormFrame({
  labelledBy,
  failure,
  summary,
  onSubmit,
  submitLabel,
  onCancel,
  busy,
  extraActions,
  children,
}: {
  labelledBy: string;
  failure: string | null;
  summary: ReactNode;
  onSubmit: (event: React.FormEvent) => void;
  submitLabel: string;
  onCancel: () => void;
  busy: boolean;
  /** Buttons before the submit button (e.g. saving an unfinished draft). */
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="otk-action-form">
      {failure && <Notification status="error" headingText={failure} role="alert" closeText="" showCloseButton={false} />}
      {summary}
      <form noValidate aria-labelledby={labelledBy} onSubmit={onSubmit}>
        {children}
        <div className="otk-row-actions">
          {extraActions}
          <Button type="submit" disabled={busy}>
            {submitLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('lifecycle.cancelForm')}
          </Button>
        </div>
      </form>
    </div>
  );
}
