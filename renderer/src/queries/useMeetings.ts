import { useLiveQuery } from 'dexie-react-hooks';
import { useQueryContext } from './query-context';
import { canRead } from '../../../shared/protection/roles';
import { caseViewOf } from '../access/guards';

/** Meetings between two dates (inclusive), of one network or of all; live, in date and time order. */
export function useMeetings(networkId: string | null, from: string, to: string) {
  const { db } = useQueryContext();
  return useLiveQuery(async () => {
    const rows =
      networkId === null
        ? await db.meetings.where('date').between(from, to, true, true).toArray()
        : await db.meetings.where('[networkId+date]').between([networkId, from], [networkId, to], true, true).toArray();
    // Live-query results are frozen (cache: 'immutable'): sort a copy.
    return rows.toSorted((a, b) => (a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : 0));
  }, [db, networkId, from, to]);
}

/** One meeting, live; `null` when it does not exist. */
export function useMeeting(id: string) {
  const { db } = useQueryContext();
  return useLiveQuery(async () => (await db.meetings.get(id)) ?? null, [db, id]);
}

/**
 * The cases booked into a meeting that the profile may read (roles), in booking order (at most its
 * capacity: a handful of reads).
 */
export function useMeetingCases(caseIds: readonly string[] | undefined) {
  const { db, profile } = useQueryContext();
  const key = caseIds?.join(',') ?? '';
  return useLiveQuery(async () => {
    if (!caseIds) return undefined;
    const rows = await db.consultations.bulkGet([...caseIds]);
    return rows.filter((row) => row !== undefined).filter((row) => canRead(profile, caseViewOf(row)));
  }, [db, profile, key]);
}
