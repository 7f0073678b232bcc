/** Backups of an installation (issue 20): the .otk backup format and what decides about backups. */
export { BACKUP_ERROR_CODES, BackupError, isBackupError, type BackupErrorCode } from './errors';
export { BACKUP_COMPRESSIONS, BACKUP_FORMAT_VERSION, DEFAULT_BACKUP_COMPRESSION, entryTypeOf, tableOf, type BackupCompression, type BackupEntry } from './format';
export { backupHeaderSchema, keySlotSchema, type BackupHeader, type KeySlot } from './header';
export { keySlotsOf, looksLikeRecoveryKey, openInstallationKey, type SlotSource } from './keys';
export { createBackupWriter, encodeLines, type BackupSink, type BackupWriteInput, type BackupWritten, type BackupWriter } from './writer';
export { openBackup, readBackupHeader, type BackupSecret, type OpenedBackup, type OpenOptions, type ReadOptions, type ReadProgress, type ScanResult } from './reader';
export { bytesSource, SequentialReader, type ByteSource } from './source';
export { backupFileName, installationTag, parseBackupFileName, BACKUP_FILE_NAME, DEVICE_TAG } from './file-name';
export { DEFAULT_KEEP, isoWeek, planGenerations, type GenerationPlan, type KeepPolicy } from './generations';
export { DEFAULT_WARN_DAYS, MAX_WARN_DAYS, UNCHANGING_ACTIONS, daysSince, dueAfterChange, dueOnLeaving, isStale } from './due';
