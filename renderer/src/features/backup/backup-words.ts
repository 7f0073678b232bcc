import type { TFunction } from 'i18next';
import { isBackupError } from '../../../../shared/backup';
import { isStorageFull } from '../../../../shared/protection/storage-full';

/**
 * A backup or restore failure in the user's words: what happened (`backup.error.<code>`, with the
 * folder's reason or the recovery key's group where there is one) and what to do
 * (`backup.action.<code>`). Anything unforeseen is said plainly too, never a blank.
 */
export function backupFailureWords(error: unknown, t: TFunction): { what: string; action: string } {
  if (isBackupError(error)) {
    const reason = typeof error.params.reason === 'string' ? t(`backup.folderReason.${error.params.reason}`, { defaultValue: '' }) : '';
    const group = error.params.group !== undefined ? t('backup.typoGroup', { group: error.params.group }) : '';
    return { what: [t(`backup.error.${error.code}`), reason, group].filter((part) => part !== '').join(' '), action: t(`backup.action.${error.code}`) };
  }
  if (isStorageFull(error)) return { what: t('backup.error.storage-full'), action: t('backup.action.storage-full') };
  return { what: t('backup.error.unknown'), action: t('backup.action.unknown') };
}

/** The rows of a backup per table, labelled as people know them (tables without a label are left out of a list). */
export const TABLE_ORDER = [
  'consultations',
  'caseRows',
  'tombstones',
  'audit',
  'meetings',
  'networks',
  'requesters',
  'profiles',
  'conflicts',
  'quarantine',
  'recommendationDrafts',
  'requestDrafts',
  'exchangeLog',
  'exchangePeers',
  'importedBundles',
  'methods',
  'counters',
  'meta',
] as const;
