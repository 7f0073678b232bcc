import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/services';
import { counterValue, newestConsultations } from '../queries/consultations';
import { COUNTER_TOTAL } from '../commands/counters';

/** The newest consultations, live: re-renders when a command commits a change. */
export function useNewestConsultations(limit: number) {
  const { db } = useServices().commands;
  return useLiveQuery(() => newestConsultations(db, limit), [db, limit]);
}

export function useConsultationTotal() {
  const { db } = useServices().commands;
  return useLiveQuery(() => counterValue(db, COUNTER_TOTAL), [db]);
}
