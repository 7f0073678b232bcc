import { criteriaListSchema, type CriteriaList } from '../../../shared/knowledge/ot-criteria';
import type { OtkDatabase } from '../db/schema';

/**
 * The OT-level criteria's saved versions, stored under one meta key (the shipped default is
 * version 1 and is not stored). Read by the live hooks and by the commands that save a version or
 * freeze one with a decision.
 */
export const CRITERIA_KEY = 'otCriteria';

export async function readCriteriaVersions(db: OtkDatabase): Promise<CriteriaList[]> {
  const value = (await db.meta.get(CRITERIA_KEY))?.value as { versions?: unknown[] } | undefined;
  return (value?.versions ?? []).flatMap((version) => {
    const parsed = criteriaListSchema.safeParse(version);
    return parsed.success ? [parsed.data] : [];
  });
}
