import { useTranslation } from 'react-i18next';
import { Button, DateInput, Dropdown, DropdownItem, SearchInput } from 'suomifi-ui-components';
import { CONSULTATION_STATUSES, URGENCIES } from '../../../../shared/domain/consultation';
import { CONSENT_MODES } from '../../../../shared/domain/consent';
import { COOPERATION_AREAS, WELLBEING_REGIONS } from '../../../../shared/reference/regions';
import { THEMES } from '../../../../shared/reference/themes';
import { labelOf, regionLabel } from '../../../../shared/reference/labels';
import type { WorklistFilter } from '../../../../shared/worklist/filter';
import { useUiStore } from '../../state/uiStore';
import { parseDateInput, toDateInput } from '../../format/dates';

type ChoiceKey = 'status' | 'area' | 'region' | 'theme' | 'urgency' | 'consent' | 'due';

interface Props {
  filter: WorklistFilter;
  onChange: (next: WorklistFilter) => void;
}

const ALL = '__all__';

/** The work list's filters. Every change goes to the URL, so back/forward restore it. */
export function FilterBar({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const collator = new Intl.Collator(language);

  const set = (key: keyof WorklistFilter, value: string | undefined) => {
    const next = { ...filter };
    if (value === undefined || value === '' || value === ALL) delete next[key];
    else (next as Record<string, string>)[key] = value;
    onChange(next);
  };

  const choices: Array<{ key: ChoiceKey; label: string; options: Array<[string, string]> }> = [
    { key: 'status', label: t('filter.status'), options: CONSULTATION_STATUSES.map((s) => [s, t(`status.${s}`)]) },
    { key: 'due', label: t('filter.due'), options: [['overdue', t('due.overdue')], ['due-soon', t('due.due-soon')]] },
    { key: 'area', label: t('filter.area'), options: COOPERATION_AREAS.map((a) => [a.code, labelOf(a, language)]) },
    {
      key: 'region',
      label: t('filter.region'),
      options: WELLBEING_REGIONS.map((r): [string, string] => [r.code, regionLabel(r, language)]).toSorted((a, b) => collator.compare(a[1], b[1])),
    },
    { key: 'theme', label: t('filter.theme'), options: THEMES.map((th) => [th.code, labelOf(th, language)]) },
    { key: 'urgency', label: t('filter.urgency'), options: URGENCIES.map((u) => [u, t(`urgency.${u}`)]) },
    { key: 'consent', label: t('filter.consent'), options: CONSENT_MODES.map((c) => [c, t(`consent.${c}`)]) },
  ];

  const active = Object.keys(filter).some((key) => key !== 'sort' && key !== 'dir');

  return (
    <div className="otk-filters" role="search" aria-label={t('filter.label')}>
      <SearchInput
        labelText={t('filter.search')}
        visualPlaceholder={t('filter.searchPlaceholder')}
        clearButtonLabel={t('filter.clearSearch')}
        searchButtonLabel={t('filter.search')}
        defaultValue={filter.q ?? ''}
        key={`q-${filter.q ?? ''}`}
        debounce={200}
        onChange={(value) => set('q', value.trim())}
        onSearch={(value) => set('q', value.trim())}
        fullWidth
      />
      {choices.map((choice) => (
        <Dropdown
          key={choice.key}
          labelText={choice.label}
          value={filter[choice.key] ?? ALL}
          onChange={(value) => set(choice.key, value)}
          fullWidth
        >
          {[
            <DropdownItem key={ALL} value={ALL}>
              {t('filter.all')}
            </DropdownItem>,
            ...choice.options.map(([value, label]) => (
              <DropdownItem key={value} value={value}>
                {label}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      ))}
      <DateInput
        labelText={t('filter.from')}
        visualPlaceholder={t('form.datePlaceholder')}
        key={`from-${filter.from ?? ''}`}
        fullWidth
        defaultValue={filter.from ? toDateInput(filter.from, language) : ''}
        onBlur={(event) => set('from', parseDateInput(event.target.value, language) ?? undefined)}
      />
      <DateInput
        labelText={t('filter.to')}
        visualPlaceholder={t('form.datePlaceholder')}
        key={`to-${filter.to ?? ''}`}
        fullWidth
        defaultValue={filter.to ? toDateInput(filter.to, language) : ''}
        onBlur={(event) => set('to', parseDateInput(event.target.value, language) ?? undefined)}
      />
      {active && (
        <Button variant="secondary" onClick={() => onChange({ ...(filter.sort ? { sort: filter.sort } : {}), ...(filter.dir ? { dir: filter.dir } : {}) })}>
          {t('filter.clear')}
        </Button>
      )}
    </div>
  );
}
