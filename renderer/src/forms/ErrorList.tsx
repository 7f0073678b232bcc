import { forwardRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from 'suomifi-ui-components';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useMessage } from './message';

export interface SummaryField {
  /** Dotted path in the form values. */
  name: string;
  /** Label shown to the user. */
  label: string;
  /** DOM id of the element that should receive focus from the summary link. */
  inputId: string;
}

function errorAt(errors: FieldErrors<FieldValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * The form's error summary (Suomi.fi ErrorSummary): every invalid field by name, in form order,
 * each a link that moves focus to the field. Focus is moved to its heading after a failed submit.
 */
export const FormErrorSummary = forwardRef(function FormErrorSummary(
  { errors, fields }: { errors: FieldErrors<FieldValues>; fields: SummaryField[] },
  headingRef: Ref<HTMLHeadingElement>,
) {
  const { t } = useTranslation();
  const translate = useMessage();
  const items = fields.flatMap((field) => {
    const message = errorAt(errors, field.name);
    return message ? [{ text: t('validation.fieldError', { field: field.label, message: translate(message) }), inputId: field.inputId }] : [];
  });
  if (items.length === 0) return null;
  return <ErrorSummary headingText={t('intake.errorSummary')} headingRef={headingRef} headingVariant="h2" items={items} />;
});
