import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import { SUMMARY_DIMENSIONS, SUMMARY_MEASURES, type SummaryDimension, type SummaryMeasure } from '../../../../shared/summary/spec';
import type { CsvLabels } from '../../../../shared/summary/csv';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'range';

/** The choices on the summaries screen, as the controls hold them (validated by the engine's schema). */
export interface SummaryChoice {
  kind: PeriodKind;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  month: string;
  from: string;
  to: string;
  rows: SummaryDimension | '';
  columns: SummaryDimension | '';
  measures: SummaryMeasure[];
}

const NONE = '-';

/**
 * Memoised: a summary computed in slices arrives while the user may be in one of these drop-downs,
 * and re-rendering them with new item elements then closed an open list under the keyboard.
 */
export const SummaryControls = memo(function SummaryControls({ choice, onChange, years, labels }: { choice: SummaryChoice; onChange: (next: SummaryChoice) => void; years: number[]; labels: CsvLabels }) {
  const { t } = useTranslation();
  const set = (patch: Partial<SummaryChoice>) => onChange({ ...choice, ...patch });
  const dimensionItems = [
    <DropdownItem key={NONE} value={NONE}>
      {t('summary.noDimension')}
    </DropdownItem>,
    ...SUMMARY_DIMENSIONS.map((d) => (
      <DropdownItem key={d} value={d}>
        {labels.header(`summary.dimension.${d}`)}
      </DropdownItem>
    )),
  ];
  return (
    <div className="otk-summary-controls">
      <div className="otk-filter-row">
        <Dropdown labelText={t('summary.periodKind')} value={choice.kind} onChange={(value) => set({ kind: value as PeriodKind })}>
          {(['year', 'quarter', 'month', 'range'] as const).map((kind) => (
            <DropdownItem key={kind} value={kind}>
              {t(`summary.periodKindLabel.${kind}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        {(choice.kind === 'year' || choice.kind === 'quarter') && (
          <Dropdown labelText={t('summary.year')} value={String(choice.year)} onChange={(value) => set({ year: Number(value) })}>
            {years.map((year) => (
              <DropdownItem key={year} value={String(year)}>
                {String(year)}
              </DropdownItem>
            ))}
          </Dropdown>
        )}
        {choice.kind === 'quarter' && (
          <Dropdown labelText={t('summary.quarter')} value={String(choice.quarter)} onChange={(value) => set({ quarter: Number(value) as 1 | 2 | 3 | 4 })}>
            {[1, 2, 3, 4].map((q) => (
              <DropdownItem key={q} value={String(q)}>
                {t('summary.quarterLabel', { quarter: q })}
              </DropdownItem>
            ))}
          </Dropdown>
        )}
        {choice.kind === 'month' && (
          <TextInput labelText={t('summary.month')} hintText={t('summary.monthHint')} value={choice.month} onChange={(value) => set({ month: String(value ?? '') })} />
        )}
        {choice.kind === 'range' && (
          <>
            <TextInput labelText={t('summary.from')} hintText={t('summary.monthHint')} value={choice.from} onChange={(value) => set({ from: String(value ?? '') })} />
            <TextInput labelText={t('summary.to')} hintText={t('summary.monthHint')} value={choice.to} onChange={(value) => set({ to: String(value ?? '') })} />
          </>
        )}
      </div>
      <div className="otk-filter-row">
        <Dropdown labelText={t('summary.rows')} value={choice.rows || NONE} onChange={(value) => set({ rows: value === NONE ? '' : (value as SummaryDimension) })}>
          {dimensionItems}
        </Dropdown>
        <Dropdown labelText={t('summary.columns')} value={choice.columns || NONE} onChange={(value) => set({ columns: value === NONE ? '' : (value as SummaryDimension) })}>
          {dimensionItems}
        </Dropdown>
      </div>
      <CheckboxGroup labelText={t('summary.measures')} groupHintText={t('summary.measuresHint')}>
        {SUMMARY_MEASURES.map((measure) => (
          <Checkbox
            key={measure}
            checked={choice.measures.includes(measure)}
            onClick={({ checkboxState }) =>
              set({ measures: checkboxState ? SUMMARY_MEASURES.filter((m) => m === measure || choice.measures.includes(m)) : choice.measures.filter((m) => m !== measure) })
            }
          >
            {labels.header(`summary.measure.${measure}`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
    </div>
  );
});
