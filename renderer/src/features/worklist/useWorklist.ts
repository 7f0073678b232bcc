import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { CONSULTATION_STATUSES, URGENCIES } from '../../../../shared/domain/consultation';
import { COOPERATION_AREAS, WELLBEING_REGIONS } from '../../../../shared/reference/regions';
import { regionLabel } from '../../../../shared/reference/labels';
import type { SortKey, WorklistFilter } from '../../../../shared/worklist/filter';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';

/** Orders coded columns by their label in the UI language (status in lifecycle order). */
function useRank() {
  const language = useUiStore((s) => s.language);
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    const ranked = (labels: Array<[string, string]>) =>
      new Map([...labels].toSorted((a, b) => collator.compare(a[1], b[1])).map(([code], index) => [code, index]));
    const maps: Partial<Record<SortKey, Map<string, number>>> = {
      status: new Map(CONSULTATION_STATUSES.map((code, index) => [code, index])),
      urgency: new Map(URGENCIES.map((code, index) => [code, index])),
      region: ranked(WELLBEING_REGIONS.map((r) => [r.code, regionLabel(r, language)])),
      area: ranked(COOPERATION_AREAS.map((a) => [a.code, a[language]])),
    };
    return { rank: (column: SortKey, code: string) => maps[column]?.get(code) ?? Number.MAX_SAFE_INTEGER, key: language };
  }, [language]);
}

/**
 * The rows of the work list for a filter, from the in-memory case index, live. The index starts
 * loading only once `firstPageShown` — the start-up path is the first page, not 100 000 rows.
 */
export function useWorklist(filter: WorklistFilter, firstPageShown: boolean) {
  const { caseIndex, commands } = useServices();
  useEffect(() => {
    if (firstPageShown) void caseIndex.start();
  }, [caseIndex, firstPageShown]);
  const version = useSyncExternalStore(
    (listener) => caseIndex.subscribe(listener),
    () => caseIndex.getVersion(),
  );
  const { rank, key } = useRank();
  const today = helsinkiDate(commands.now());
  return useMemo(() => {
    if (version === 0) return { ready: false as const, rows: [] as const, today };
    return { ready: true as const, rows: caseIndex.query(filter, today, rank, key).rows, today };
  }, [caseIndex, filter, today, rank, key, version]);
}
