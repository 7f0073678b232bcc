import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { useServices } from '../../services/services';
import { similarConsultations, type SimilarItem } from '../../queries/similar';
import { recordSimilarView } from '../../commands/similar-view';

/**
 * The similar earlier consultations of a case, from the in-memory list index (started here if
 * the screen is the first to need it), recomputed when the index changes. Each new list shown is
 * audited once as views of the listed cases — before it is shown. Undefined while loading.
 */
export function useSimilarCases(record: Pick<ConsultationRecord, 'id' | 'caseCode' | 'rev'>): SimilarItem[] | undefined {
  const { caseIndex, commands } = useServices();
  useEffect(() => void caseIndex.start(), [caseIndex]);
  const version = useSyncExternalStore(
    (listener) => caseIndex.subscribe(listener),
    () => caseIndex.getVersion(),
  );
  const [items, setItems] = useState<SimilarItem[] | undefined>(undefined);
  const audited = useRef('');
  const { id, caseCode, rev } = record;

  useEffect(() => {
    if (version === 0) return;
    let live = true;
    similarConsultations({ db: commands.db, profile: commands.profile, now: commands.now() }, caseIndex, id).then(
      async (result) => {
        if (!live) return;
        const listed = result?.items ?? [];
        const key = `${id}|${listed.map((item) => item.id).join(',')}`;
        // Views are logged before they are shown: a list whose views could not be logged is not shown.
        if (listed.length > 0 && audited.current !== key) {
          audited.current = key;
          await recordSimilarView(commands, caseCode, listed.map((item) => item.id)).catch((error: unknown) => {
            audited.current = '';
            throw error;
          });
        }
        if (live) setItems(listed);
      },
    ).catch((error: unknown) => {
      console.error('similar consultations failed, or their views could not be logged', error);
      if (live) setItems([]);
    });
    return () => {
      live = false;
    };
  }, [caseIndex, commands, id, caseCode, rev, version]);
  return items;
}
