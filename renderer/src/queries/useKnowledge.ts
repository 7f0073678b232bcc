import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import { currentCriteria, type CriteriaList } from '../../../shared/knowledge/ot-criteria';
import { methodCatalogue, type CatalogueMethod } from '../../../shared/knowledge/methods';
import { useQueryContext } from './query-context';
import { readCriteriaVersions } from './ot-criteria';
import type { MethodRecord } from '../db/method-record';

/**
 * Live reads of issue 21's reference data on this installation: the methods registry (a centre's
 * own methods, tens of rows, read whole), the catalogue a form offers (shipped and local), and
 * the OT-level criteria versions.
 */

/** The local methods, as stored (for the registry screen). */
export function useLocalMethods(): MethodRecord[] | undefined {
  const { db } = useQueryContext();
  return useLiveQuery(() => db.methods.toArray(), [db]);
}

/**
 * Shipped and local methods with whether each can be chosen today. The shipped ones are there at
 * once; the centre's own join when the registry has been read (so a name never flickers to a code).
 */
export function useMethodCatalogue(): CatalogueMethod[] {
  const { now } = useQueryContext();
  const local = useLocalMethods();
  const today = helsinkiDate(now());
  return useMemo(() => methodCatalogue(local ?? [], today), [local, today]);
}

/** Every saved version of the criteria list and the one in force; undefined while loading. */
export function useCriteria(): { versions: CriteriaList[]; current: CriteriaList } | undefined {
  const { db } = useQueryContext();
  const versions = useLiveQuery(() => readCriteriaVersions(db), [db]);
  return useMemo(() => (versions ? { versions, current: currentCriteria(versions) } : undefined), [versions]);
}
