import { useLiveQuery } from 'dexie-react-hooks';
import { useQueryContext } from './query-context';
import { consultationById, counterValue, newestCaseRows, recentRequesters, timelineOf } from './consultations';
import { COUNTER_TOTAL, statusCounter } from '../db/counters';
import { isProtectionError } from '../../../shared/protection/errors';

/** The newest list rows straight from the index: the first page while the case index loads. */
export function useNewestCaseRows(limit: number) {
  const { db } = useQueryContext();
  return useLiveQuery(() => newestCaseRows(db, limit), [db, limit]);
}

export function useConsultationTotal() {
  const { db } = useQueryContext();
  return useLiveQuery(() => counterValue(db, COUNTER_TOTAL), [db]);
}

/** How many cases are in a status now (a maintained counter: no index is counted). */
export function useStatusCount(status: string) {
  const { db } = useQueryContext();
  return useLiveQuery(() => counterValue(db, statusCounter(status)), [db, status]);
}

/** One case, live; `null` when it does not exist or the profile may not read it (roles). */
export function useConsultation(id: string) {
  const { db, profile } = useQueryContext();
  return useLiveQuery(
    async () => {
      try {
        return (await consultationById(db, profile, id)) ?? null;
      } catch (error) {
        if (isProtectionError(error, 'not-permitted')) return null;
        throw error;
      }
    },
    [db, profile, id],
  );
}

export function useTimeline(id: string) {
  const { db } = useQueryContext();
  return useLiveQuery(() => timelineOf(db, id), [db, id]);
}

export function useRecentRequesters(limit = 200) {
  const commands = useQueryContext();
  return useLiveQuery(() => recentRequesters(commands, limit), [commands, limit]);
}
