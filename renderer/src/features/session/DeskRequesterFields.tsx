import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem, Paragraph, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import type { RequesterInput } from '../../commands/desk-binding';
import type { Option } from '../../forms/fields';
import { useUiStore } from '../../state/uiStore';
import { Section } from '../intake/sections';
import { intakeOptions } from '../intake/options';

/** The requester's contact as the set-up form keeps it: every field a string, as typed or chosen. */
export type DeskRequester = Required<RequesterInput>;

type Status = (path: string) => { status?: 'error'; statusText?: string };
type TextField = 'name' | 'title' | 'organisation' | 'phone' | 'email';

/** An empty contact; the requester's language starts as the UI language when that is Finnish or Swedish. */
export function emptyDeskRequester(language: string): DeskRequester {
  return { name: '', title: '', organisation: '', sector: '', region: '', phone: '', email: '', language: language === 'sv' ? 'sv' : 'fi' };
}

/**
 * A requesting professional's own contact (the intake form's requester section, with its labels
 * and choice lists): name, organisation and e-mail become the profile's requester key.
 */
export function DeskRequesterFields({ value, onChange, status }: { value: DeskRequester; onChange: (next: DeskRequester) => void; status: Status }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const options = intakeOptions(language, t);
  const set = (field: keyof DeskRequester, next: unknown) => onChange({ ...value, [field]: String(next ?? '') });
  const text = (field: TextField, label: string, extra: { type?: 'tel' | 'email'; autoComplete: string; hintText?: string }) => (
    <TextInput
      id={`setup-requester-${field}`}
      labelText={label}
      value={value[field]}
      onChange={(next) => set(field, next)}
      fullWidth
      {...extra}
      {...status(`requester.${field}`)}
    />
  );
  const select = (field: 'sector' | 'region', label: string, items: Option[]) => (
    <Dropdown
      id={`setup-requester-${field}`}
      labelText={label}
      visualPlaceholder={t('intake.choose')}
      value={value[field] || null}
      onChange={(next) => set(field, next)}
      fullWidth
      {...status(`requester.${field}`)}
    >
      {items.map((item) => (
        <DropdownItem key={item.value} value={item.value}>
          {item.label}
        </DropdownItem>
      ))}
    </Dropdown>
  );
  const languageStatus = status('requester.language');
  return (
    <Section title={t('setupDesk.requester.heading')}>
      <Paragraph>{t('setupDesk.requester.intro')}</Paragraph>
      <div className="otk-grid">
        {text('name', t('intake.requesterName'), { autoComplete: 'name' })}
        {text('title', t('intake.requesterTitle'), { autoComplete: 'organization-title' })}
        {text('organisation', t('intake.organisation'), { autoComplete: 'organization' })}
        {select('sector', t('intake.sector'), options.sectors)}
        {select('region', t('intake.region'), options.regions)}
        {text('phone', t('intake.phone'), { type: 'tel', autoComplete: 'tel', hintText: t('intake.contactHint') })}
        {text('email', t('intake.email'), { type: 'email', autoComplete: 'email', hintText: t('intake.contactHint') })}
        <RadioButtonGroup
          id="setup-requester-language"
          name="setup-requester-language"
          labelText={t('intake.requesterLanguage')}
          value={value.language}
          onChange={(next) => set('language', next)}
          groupStatus={languageStatus.status}
          groupStatusText={languageStatus.statusText}
        >
          {options.requesterLanguages.map((option) => (
            <RadioButton key={option.value} id={`setup-requester-language-${option.value}`} value={option.value}>
              {option.label}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      </div>
    </Section>
  );
}
