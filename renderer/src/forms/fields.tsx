import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
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

function useErrorText() {
  const translate = useMessage();
  return (message: string | undefined) => (message ? translate(message) : undefined);
}

/** A Suomi.fi input's error state from the field's validation state, message in the UI language. */
function useStatus() {
  const errorText = useErrorText();
  return (fieldState: { error?: { message?: string } }) => ({
    status: fieldState.error ? ('error' as const) : ('default' as const),
    statusText: errorText(fieldState.error?.message),
  });
}

export function FormTextInput<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  type,
  numeric,
}: BaseProps<T> & { type?: 'text' | 'email' | 'tel'; numeric?: boolean }) {
  const statusOf = useStatus();
  const toForm = (value: unknown) => {
    const text = String(value ?? '');
    return numeric && /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
  };
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          id={fieldId(name)}
          labelText={label}
          hintText={hint}
          type={type ?? 'text'}
          inputMode={numeric ? 'numeric' : undefined}
          name={field.name}
          value={field.value === undefined || field.value === null ? '' : String(field.value)}
          onChange={(value) => field.onChange(toForm(value))}
          onBlur={field.onBlur}
          ref={field.ref}
          {...statusOf(fieldState)}
          fullWidth={!numeric}
        />
      )}
    />
  );
}

export function FormTextarea<T extends FieldValues>({ control, name, label, hint }: BaseProps<T>) {
  const statusOf = useStatus();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Textarea
          id={fieldId(name)}
          labelText={label}
          hintText={hint}
          name={field.name}
          value={(field.value as string | undefined) ?? ''}
          onChange={(event) => field.onChange(event.target.value)}
          onBlur={field.onBlur}
          ref={field.ref}
          {...statusOf(fieldState)}
          fullWidth
          resize="vertical"
        />
      )}
    />
  );
}

export function FormDropdown<T extends FieldValues>({ control, name, label, hint, options, numeric }: BaseProps<T> & { options: Option[]; numeric?: boolean }) {
  const { t } = useTranslation();
  const statusOf = useStatus();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Dropdown
          id={fieldId(name)}
          labelText={label}
          hintText={hint}
          name={field.name}
          visualPlaceholder={t('intake.choose')}
          value={field.value === undefined || field.value === null ? null : String(field.value)}
          onChange={(value) => field.onChange(numeric ? Number(value) : value)}
          onBlur={field.onBlur}
          ref={field.ref}
          {...statusOf(fieldState)}
          fullWidth
        >
          {options.map((option) => (
            <DropdownItem key={option.value} value={option.value}>
              {option.label}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
    />
  );
}

export function FormCheckboxGroup<T extends FieldValues>({ control, name, label, hint, options }: BaseProps<T> & { options: Option[] }) {
  const statusOf = useStatus();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const selected = (field.value as string[] | undefined) ?? [];
        const toggle = (value: string, on: boolean) =>
          field.onChange(on ? [...selected, value] : selected.filter((item) => item !== value));
        return (
          <CheckboxGroup
            id={fieldId(name)}
            labelText={label}
            groupHintText={hint}
            groupStatus={statusOf(fieldState).status}
            groupStatusText={statusOf(fieldState).statusText}
            className="otk-checkbox-columns"
          >
            {options.map((option, index) => (
              <Checkbox
                key={option.value}
                id={index === 0 ? `${fieldId(name)}-first` : undefined}
                name={field.name}
                value={option.value}
                checked={selected.includes(option.value)}
                onClick={({ checkboxState }) => toggle(option.value, checkboxState)}
                onBlur={field.onBlur}
                status={fieldState.error ? 'error' : 'default'}
              >
                {option.label}
              </Checkbox>
            ))}
          </CheckboxGroup>
        );
      }}
    />
  );
}

export function FormRadioGroup<T extends FieldValues>({ control, name, label, hint, options }: BaseProps<T> & { options: Option[] }) {
  const statusOf = useStatus();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <RadioButtonGroup
          id={fieldId(name)}
          labelText={label}
          groupHintText={hint}
          name={field.name}
          value={(field.value as string | undefined) ?? ''}
          onChange={(value) => field.onChange(value)}
          groupStatus={statusOf(fieldState).status}
          groupStatusText={statusOf(fieldState).statusText}
        >
          {options.map((option, index) => (
            <RadioButton key={option.value} value={option.value} id={index === 0 ? `${fieldId(name)}-first` : undefined}>
              {option.label}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      )}
    />
  );
}

/** A date typed in the UI language's style (d.M.yyyy; in English dd/mm/yyyy too), kept in the form as `YYYY-MM-DD`; unparseable text stays as typed so validation can name it. */
export function FormDateInput<T extends FieldValues>({ control, name, label, hint }: BaseProps<T>) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const statusOf = useStatus();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateInput
          id={fieldId(name)}
          labelText={label}
          hintText={hint ?? t('form.dateHint')}
          name={field.name}
          value={toDateInput((field.value as string | undefined) ?? '', language)}
          onChange={({ value }) => field.onChange(parseDateInput(value, language) ?? value)}
          onBlur={field.onBlur}
          ref={field.ref}
          {...statusOf(fieldState)}
        />
      )}
    />
  );
}

/** A time typed as 13.30 or 13:30, kept in the form as `HH:MM`. */
export function FormTimeInput<T extends FieldValues>({ control, name, label, hint }: BaseProps<T>) {
  const statusOf = useStatus();
  const normalise = (value: string) => {
    const match = /^\s*(\d{1,2})[.:](\d{2})\s*$/.exec(value);
    return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : value;
  };
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TimeInput
          id={fieldId(name)}
          labelText={label}
          hintText={hint}
          name={field.name}
          value={((field.value as string | undefined) ?? '').replace(':', '.')}
          onChange={(value) => field.onChange(normalise(value))}
          onBlur={() => field.onBlur()}
          ref={field.ref}
          {...statusOf(fieldState)}
        />
      )}
    />
  );
}

/** A single yes/no checkbox. */
export function FormCheckbox<T extends FieldValues>({ control, name, label, hint }: BaseProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          id={fieldId(name)}
          name={field.name}
          hintText={hint}
          checked={Boolean(field.value)}
          onClick={({ checkboxState }) => field.onChange(checkboxState)}
          onBlur={field.onBlur}
        >
          {label}
        </Checkbox>
      )}
    />
  );
}

/** A whole number typed as text; kept in the form as a number (or the raw text when it is not one, so validation can say so). */
export function FormNumberInput<T extends FieldValues>(props: BaseProps<T>) {
  return <FormTextInput {...props} numeric />;
}
