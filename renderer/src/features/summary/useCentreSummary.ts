import { startTransition, useEffect, useState } from 'react';
import { findArea, type AreaCode } from '../../../../shared/reference/regions';
import type { SummaryRequest } from '../../../../shared/summary/spec';
import { useServices } from '../../services/services';
import { runSteps } from '../../queries/run-steps';
import { centreSummarySteps, type CentreSummary } from './centre-summary';

interface Computed {
  key: string;
  summary?: CentreSummary;
  error?: unknown;
}

/**
 * The centre's summary for the screen, computed in slices (never one long task, even over 100 000
 * cases) whenever the request, the centre or the index changes. While a new one is computed the
 * previous stays on screen and `computing` is true; a request that changes meanwhile cancels it.
 * `requestKey` is the validated request as JSON ('' when invalid: nothing is shown).
 */
export function useCentreSummary({ enabled, version, requestKey, area }: { enabled: boolean; version: number; requestKey: string; area: AreaCode | '' }): {
  summary: CentreSummary | null;
  computing: boolean;
} {
  const { caseIndex, commands } = useServices();
  const [computed, setComputed] = useState<Computed | null>(null);
  const wanted = enabled && version !== 0 && requestKey !== '';
  const key = `${version} ${area} ${requestKey}`;

  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    const request = JSON.parse(requestKey) as SummaryRequest;
    const producer = { kind: 'centre' as const, area: area || 'etela', name: area ? `OT-keskus – ${findArea(area).fi}` : 'OT-keskus' };
    runSteps(centreSummarySteps(caseIndex.rows(), request, producer, new Date(commands.now()).toISOString()), { signal: controller.signal }).then(
      // A transition: React renders the tables in slices too.
      (summary) => startTransition(() => setComputed({ key, summary })),
      (error: unknown) => {
        if (!controller.signal.aborted) setComputed({ key, error });
      },
    );
    return () => controller.abort();
  }, [wanted, key, requestKey, area, caseIndex, commands]);

  // A failure is the screen's to show (ScreenBoundary), as when it was computed while rendering.
  if (computed?.key === key && computed.error !== undefined) throw computed.error;
  return { summary: wanted ? (computed?.summary ?? null) : null, computing: wanted && computed?.key !== key };
}
