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

/** Every error's dotted path in a react-hook-form error tree (a node with a message is an error). */
export function errorPaths(errors: FieldErrors<FieldValues>, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, node] of Object.entries(errors)) {
    if (node === undefined || node === null || typeof node !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (node as { message?: unknown }).message === 'string') paths.push(path);
    if (key !== 'ref') paths.push(...errorPaths(node as FieldErrors<FieldValues>, path).filter((p) => !p.endsWith('.ref')));
  }
  return paths;
}

/**
 * The summary field an error belongs to: its own, or else the first field inside it (an error on
 * a whole group, e.g. `consent`) or around it (an error on a part without its own field).
 */
function fieldFor(fields: SummaryField[], path: string): SummaryField | undefined {
  return (
    fields.find((f) => f.name === path) ??
    fields.find((f) => f.name.startsWith(`${path}.`)) ??
    fields.toSorted((a, b) => b.name.length - a.name.length).find((f) => path.startsWith(`${f.name}.`))
  );
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
  // Every error is listed — also one on a path without a field of its own, under the nearest field —
  // so a failed save never looks like nothing happened.
  const order = new Map(fields.map((field, index) => [field.name, index]));
  const items = errorPaths(errors)
    .map((path) => ({ path, field: fieldFor(fields, path), message: errorAt(errors, path)! }))
    .toSorted((a, b) => (order.get(a.field?.name ?? '') ?? fields.length) - (order.get(b.field?.name ?? '') ?? fields.length))
    .map(({ field, message }) => ({
      text: field ? t('validation.fieldError', { field: field.label, message: translate(message) }) : translate(message),
      inputId: field?.inputId ?? '',
    }));
  if (items.length === 0) return null;
  return <ErrorSummary headingText={t('intake.errorSummary')} headingRef={headingRef} headingVariant="h2" items={items} />;
});
