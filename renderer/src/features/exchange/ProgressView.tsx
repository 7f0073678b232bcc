import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { ExchangeProgress } from '../../commands/exchange';

/** A long step's progress (a real <progress> element, announced politely) with a Cancel button. */
export function ProgressView({ progress, onCancel }: { progress: ExchangeProgress | null; onCancel?: () => void }) {
  const { t } = useTranslation();
  if (!progress) return null;
  const label = t(`exchange.phase.${progress.phase}`);
  return (
    <div className="otk-progress" role="status" aria-live="polite">
      <label htmlFor="exchange-progress">{progress.total ? t('exchange.progressOf', { phase: label, done: progress.done, total: progress.total }) : label}</label>
      <progress id="exchange-progress" max={progress.total ?? undefined} value={progress.total ? progress.done : undefined} />
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          {t('exchange.cancel')}
        </Button>
      )}
    </div>
  );
}
