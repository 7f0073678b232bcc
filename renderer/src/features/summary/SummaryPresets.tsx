import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { SummaryDimension } from '../../../../shared/summary/spec';
import type { SummaryChoice } from './SummaryControls';

/** Ready breakdowns of issue 21: what the centre recommends and why requests are (not) OT-level. */
const PRESETS: ReadonlyArray<{ key: string; rows: SummaryDimension; columns: SummaryDimension | '' }> = [
  { key: 'methods', rows: 'method', columns: '' },
  { key: 'criteria', rows: 'criterion', columns: '' },
  { key: 'declineCriteria', rows: 'declineReason', columns: 'criterion' },
];

/** Memoised like SummaryControls: a summary arriving does not re-render the presets under the user's hands. */
export const SummaryPresets = memo(function SummaryPresets({ choice, onChange }: { choice: SummaryChoice; onChange: (next: SummaryChoice) => void }) {
  const { t } = useTranslation();
  return (
    <div className="otk-row-actions" role="group" aria-label={t('knowledge.summary.presets')}>
      {PRESETS.map((preset) => (
        <Button
          key={preset.key}
          variant="secondary"
          aria-pressed={choice.rows === preset.rows && choice.columns === preset.columns}
          onClick={() => onChange({ ...choice, rows: preset.rows, columns: preset.columns })}
        >
          {t(`knowledge.summary.preset.${preset.key}`)}
        </Button>
      ))}
    </div>
  );
});
