import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/services';
import { readSettings } from '../commands/settings';

/** The installation's settings (target-date rules, case-code prefix), live. */
export function useSettings() {
  const { db } = useServices().commands;
  return useLiveQuery(() => readSettings(db), [db]);
}
