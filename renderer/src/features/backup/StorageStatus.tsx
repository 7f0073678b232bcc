import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Paragraph } from 'suomifi-ui-components';
import { useUiStore } from '../../state/uiStore';
import { useShell } from './useBackupState';
import { askPersistentStorage, readStorage, type StorageReport } from './persistent-storage';

/** Bytes in words: "1,5 Gt" / "1,5 GB". */
export function formatBytes(bytes: number, language: string, t: (key: string) => string): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-FI`, { maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
  return `${number} ${t(`storage.unit.${units[unit]}`)}`;
}

/**
 * Settings → Storage: whether the browser keeps the app's data permanently (the web build asks for
 * it with navigator.storage.persist(); without it the browser may clear the data when the disk runs
 * low), and how much space the app uses and how much is still free (navigator.storage.estimate()).
 */
export function StorageStatus() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const shell = useShell();
  const [storage, setStorage] = useState<StorageReport | null>(null);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    let live = true;
    void readStorage().then((value) => live && setStorage(value));
    return () => {
      live = false;
    };
  }, [asked]);

  async function ask() {
    await askPersistentStorage(true);
    setAsked(true);
  }

  if (!storage || !shell) return null;
  const bytes = (n: number) => formatBytes(n, language, t);
  return (
    <Block variant="section" aria-labelledby="storage-heading" className="otk-panel" id="storage">
      <Heading variant="h2" id="storage-heading">
        {t('storage.heading')}
      </Heading>
      <Paragraph mb="s" data-testid="storage-persisted" className={storage.persisted === false && shell === 'web' ? 'otk-warning' : undefined}>
        {shell === 'electron' ? t('storage.desktop') : storage.persisted === true ? t('storage.persisted') : storage.persisted === false ? t('storage.notPersisted') : t('storage.unknown')}
      </Paragraph>
      {shell === 'web' && storage.persisted === false && (
        <Button variant="secondary" onClick={() => void ask()}>
          {t('storage.ask')}
        </Button>
      )}
      {asked && storage.persisted === false && <Paragraph className="otk-warning">{t('storage.refused')}</Paragraph>}
      {storage.usage !== null && storage.quota !== null && (
        <Paragraph mb="s" data-testid="storage-usage">
          {t('storage.usage', { used: bytes(storage.usage), free: bytes(Math.max(0, storage.quota - storage.usage)), quota: bytes(storage.quota) })}
        </Paragraph>
      )}
    </Block>
  );
}
