import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/services';

/** The whole network registry (tens of rows), live, ordered by area and name. */
export function useNetworks() {
  const { db } = useServices().commands;
  return useLiveQuery(async () => {
    // Live-query results are frozen (cache: 'immutable'): toSorted returns a sorted copy.
    const rows = await db.networks.toArray();
    return rows.toSorted((a, b) => a.area.localeCompare(b.area) || a.name.fi.localeCompare(b.name.fi, 'fi'));
  }, [db]);
}
