import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, DateInput, Dropdown, DropdownItem, RadioButton, RadioButtonGroup, Textarea, TextInput, TimeInput } from 'suomifi-ui-components';
import { parseDateInput, toDateInput } from '../format/dates';
import { useUiStore } from '../state/uiStore';
import { useMessage } from './message';

/**
 * Suomi.fi form controls bound to react-hook-form. Each shows its error (an i18n key from the
 * shared schema) in the current language, next to the field, and exposes a stable DOM id so the
 * error summary can link to it.
 */

export interface Option {
  value: string;
  label: string;
}

interface BaseProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
}

/** The DOM id of a form field, from its dotted path. */
export function fieldId(name: string): string {
  return `field-${name.replace(/\./g, '-')}`;
}

/**
 * The one binding of a Suomi.fi control to react-hook-form: the field's value and change handler,
 * and the props every control shares — its stable DOM id, its name, blur and ref for the form, and
 * its error state with the message (an i18n key from the shared schema) in the UI language. A
 * single control takes `input`; a group (checkboxes, radio buttons) takes `group`.
 */
function useFormField<T extends FieldValues>(control: Control<T>, name: FieldPath<T>) {
  const translate = useMessage();
  const { field, fieldState } = useController({ control, name });
  const message = fieldState.error?.message;
  const status = fieldState.error ? ('error' as const) : ('default' as const);
  const statusText = message ? translate(message) : undefined;
  const id = fieldId(name);
  return {
    value: field.value as unknown,
    onChange: field.onChange,
    status,
    input: { id, name: field.name, onBlur: field.onBlur, ref: field.ref, status, statusText },
    group: { id, name: field.name, groupStatus: status, groupStatusText: statusText, onBlur: field.onBlur },
  };
}

export function FormTextInput<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  type,
  numeric,
}: BaseProps<T> & { type?: 'text' | 'email' | 'tel'; numeric?: boolean }) {
  const { value, onChange, input } = useFormField(control, name);
  const toForm = (text: string) => (numeric && /^\d+$/.test(text.trim()) ? Number(text.trim()) : text);
  return (
    <TextInput
      {...input}
      labelText={label}
      hintText={hint}
      type={type ?? 'text'}
      inputMode={numeric ? 'numeric' : undefined}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(typed) => onChange(toForm(String(typed ?? '')))}
      fullWidth={!numeric}
    />
  );
}

/**
 * A long text, uncontrolled: the browser keeps what is typed, and a keystroke does not re-render
 * the Suomi.fi field (label, hint, status, styled wrappers — with 10 000 characters in it, that
 * was most of a keystroke's time). The form still gets every change (`onChange`), and a value the
 * form sets itself (reset, a loaded draft) is written into the field; the rendered field changes
 * only with its label, hint or error.
 */
export function FormTextarea<T extends FieldValues>({ control, name, label, hint }: BaseProps<T>) {
  const { value, onChange, input } = useFormField(control, name);
  const text = (value as string | undefined) ?? '';
  const element = useRef<HTMLTextAreaElement | null>(null);
  const [initial] = useState(text);
  const { ref: formRef, ...props } = input;
  const ref = useCallback(
    (node: HTMLTextAreaElement | null) => {
      element.current = node;
      formRef(node);
    },
    [formRef],
  );
  // The form's value, when it is not what the field holds (set by the form, not typed).
  useEffect(() => {
    if (element.current && element.current.value !== text) element.current.value = text;
  }, [text]);
  const { id, name: fieldName, onBlur, status, statusText } = props;
  return useMemo(
    () => (
      <Textarea
        id={id}
        name={fieldName}
        onBlur={onBlur}
        ref={ref}
        status={status}
        statusText={statusText}
        labelText={label}
        hintText={hint}
        defaultValue={initial}
        onChange={(event) => onChange(event.target.value)}
        fullWidth
        resize="vertical"
      />
    ),
    [id, fieldName, onBlur, ref, status, statusText, label, hint, initial, onChange],
  );
}

export function FormDropdown<T extends FieldValues>({ control, name, label, hint, options, numeric }: BaseProps<T> & { options: Option[]; numeric?: boolean }) {
  const { t } = useTranslation();
  const { value, onChange, input } = useFormField(control, name);
  return (
    <Dropdown
      {...input}
      labelText={label}
      hintText={hint}
      visualPlaceholder={t('intake.choose')}
      value={value === undefined || value === null ? null : String(value)}
      onChange={(chosen) => onChange(numeric ? Number(chosen) : chosen)}
      fullWidth
    >
      {options.map((option) => (
        <DropdownItem key={option.value} value={option.value}>
          {option.label}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}

export function FormCheckboxGroup<T extends FieldValues>({ control, name, label, hint, options }: BaseProps<T> & { options: Option[] }) {
  const { value, onChange, status, group } = useFormField(control, name);
  const { id, name: fieldName, groupStatus, groupStatusText, onBlur } = group;
  const selected = (value as string[] | undefined) ?? [];
  const toggle = (item: string, on: boolean) => onChange(on ? [...selected, item] : selected.filter((other) => other !== item));
  return (
    <CheckboxGroup id={id} labelText={label} groupHintText={hint} groupStatus={groupStatus} groupStatusText={groupStatusText} className="otk-checkbox-columns">
      {options.map((option, index) => (
        <Checkbox
          key={option.value}
          id={index === 0 ? `${id}-first` : undefined}
          name={fieldName}
          value={option.value}
          checked={selected.includes(option.value)}
          onClick={({ checkboxState }) => toggle(option.value, checkboxState)}
          onBlur={onBlur}
          status={status}
        >
          {option.label}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

export function FormRadioGroup<T extends FieldValues>({ control, name, label, hint, options }: BaseProps<T> & { options: Option[] }) {
  const { value, onChange, group } = useFormField(control, name);
  const { id, name: fieldName, groupStatus, groupStatusText } = group;
  return (
    <RadioButtonGroup
      id={id}
      labelText={label}
      groupHintText={hint}
      name={fieldName}
      value={(value as string | undefined) ?? ''}
      onChange={(chosen) => onChange(chosen)}
      groupStatus={groupStatus}
      groupStatusText={groupStatusText}
    >
      {options.map((option, index) => (
        <RadioButton key={option.value} value={option.value} id={index === 0 ? `${id}-first` : undefined}>
          {option.label}
        </RadioButton>
      ))}
    </RadioButtonGroup>
  );
}

/** A date typed in the UI language's style (d.M.yyyy; in English dd/mm/yyyy too), kept in the form as `YYYY-MM-DD`; unparseable text stays as typed so validation can name it. */
export function FormDateInput<T extends FieldValues>({ control, name, label, hint }: BaseProps<T>) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { value, onChange, input } = useFormField(control, name);
  return (
    <DateInput
      {...input}
      labelText={label}
      hintText={hint ?? t('form.dateHint')}
      value={toDateInput((value as string | undefined) ?? '', language)}
      onChange={({ value: typed }) => onChange(parseDateInput(typed, language) ?? typed)}
    />
  );
}

/** A time typed as 13.30 or 13:30, kept in the form as `HH:MM`. */
export function FormTimeInput<T extends FieldValues>({ control, name, label, hint }: BaseProps<T>) {
  const { value, onChange, input } = useFormField(control, name);
  const normalise = (typed: string) => {
    const match = /^\s*(\d{1,2})[.:](\d{2})\s*$/.exec(typed);
    return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : typed;
  };
  return (
    <TimeInput
      {...input}
      labelText={label}
      hintText={hint}
      value={((value as string | undefined) ?? '').replace(':', '.')}
      onChange={(typed) => onChange(normalise(typed))}
      onBlur={() => input.onBlur()}
    />
  );
}

/** A single yes/no checkbox. */
export function FormCheckbox<T extends FieldValues>({ control, name, label, hint }: BaseProps<T>) {
  const { value, onChange, input } = useFormField(control, name);
  return (
    <Checkbox id={input.id} name={input.name} hintText={hint} checked={Boolean(value)} onClick={({ checkboxState }) => onChange(checkboxState)} onBlur={input.onBlur}>
      {label}
    </Checkbox>
  );
}

/** A whole number typed as text; kept in the form as a number (or the raw text when it is not one, so validation can say so). */
export function FormNumberInput<T extends FieldValues>(props: BaseProps<T>) {
  return <FormTextInput {...props} numeric />;
}
