import { describe, expect, it } from 'vitest';
import { resources } from '../../../../../renderer/src/i18n/resources';
import { BACKUP_ERROR_CODES } from '../../../../../shared/backup';
import { BACKUP_FAILURE_CODES } from '../../../../../shared/bridge/backup-contract';
import { TABLE_ORDER } from '../../../../../renderer/src/features/backup/backup-words';
import { OtkDatabase } from '../../../../../renderer/src/db/schema';
import { DERIVED_TABLES } from '../../../../../renderer/src/db/index-snapshot';
import { troubleOf } from '../../../../../renderer/src/features/backup/database-trouble';

type Tree = { [key: string]: string | Tree };
const valueAt = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

/** Every backup refusal, folder answer, table and database trouble has its words in fi, sv and en. */
describe('backup words', () => {
  const keys = [
    ...BACKUP_ERROR_CODES.flatMap((code) => [`backup.error.${code}`, `backup.action.${code}`]),
    ...BACKUP_FAILURE_CODES.map((code) => `backup.folderReason.${code}`),
    ...TABLE_ORDER.map((table) => `backup.table.${table}`),
    ...(['newer', 'corrupt', 'full', 'lost'] as const).flatMap((trouble) => [`dbTrouble.${trouble}.title`, `dbTrouble.${trouble}.what`, `dbTrouble.${trouble}.action`]),
    ...['writing', 'verifying', 'saving', 'restoring'].map((phase) => `backup.phase.${phase}`),
    ...['folder', 'download', 'file'].map((where) => `backup.where.${where}`),
    'backup.settings.introDesktop',
    'backup.settings.introWeb',
    'backup.now.introDesktop',
    'backup.now.introWeb',
  ];
  it.each(['fi', 'sv', 'en'] as const)('%s', (lang) => {
    const tree = resources[lang].translation as Tree;
    for (const key of keys) expect(valueAt(tree, key), `${lang}:${key}`).toBeTypeOf('string');
  });

  it('the restore preview labels every table of the database (derived tables are never backed up)', () => {
    const db = new OtkDatabase('words-only');
    expect(db.tables.map((table) => table.name).filter((table) => !DERIVED_TABLES.has(table)).toSorted()).toEqual([...TABLE_ORDER].toSorted());
  });

  it('names why a database did not open', () => {
    expect(troubleOf(new DOMException('The requested version (60) is less than the existing version (70).', 'VersionError'))).toBe('newer');
    expect(troubleOf({ name: 'OpenFailedError', inner: { name: 'VersionError' } })).toBe('newer');
    expect(troubleOf({ name: 'OpenFailedError', inner: new DOMException('quota', 'QuotaExceededError') })).toBe('full');
    expect(troubleOf(new DOMException('Internal error opening backing store', 'UnknownError'))).toBe('corrupt');
  });
});
