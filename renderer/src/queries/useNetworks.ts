import { useLiveQuery } from 'dexie-react-hooks';
import { useQueryContext } from './query-context';

/** The whole network registry (tens of rows), live, ordered by area and name. */
export function useNetworks() {
  const { db } = useQueryContext();
  return useLiveQuery(async () => {
    // Live-query results are frozen (cache: 'immutable'): toSorted returns a sorted copy.
    const rows = await db.networks.toArray();
    return rows.toSorted((a, b) => a.area.localeCompare(b.area) || a.name.fi.localeCompare(b.name.fi, 'fi'));
  }, [db]);
}
