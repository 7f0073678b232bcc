import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { useStorageFull } from '../../queries/useStorageFull';

/**
 * Said once, wherever the write came from, when it failed for lack of space: nothing was saved or
 * changed (every command is one transaction), and what to do. Dismissed by the user.
 */
export function StorageFullNotice() {
  const { t } = useTranslation();
  const { full, dismiss } = useStorageFull();
  return (
    <div role="alert" className="otk-live">
      {full !== null && (
        <div className="otk-storage-full" data-testid="storage-full">
          <Paragraph className="otk-error">{t('storage.full.what')}</Paragraph>
          <Paragraph>{t('storage.full.action')}</Paragraph>
          <Button variant="secondary" onClick={dismiss}>
            {t('storage.full.dismiss')}
          </Button>
        </div>
      )}
    </div>
  );
}
