import { useLiveQuery } from 'dexie-react-hooks';
import { useQueryContext } from './query-context';
import { readSettings } from './settings';

/** The installation's settings (target-date rules, case-code prefix), live. */
export function useSettings() {
  const { db } = useQueryContext();
  return useLiveQuery(() => readSettings(db), [db]);
}
