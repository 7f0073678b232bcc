import { useLiveQuery } from 'dexie-react-hooks';
import { useQueryContext } from './query-context';
import { draftForCase, lastSentByCase, networkCases } from './desk';

/** The expert desk's network id ('' for another role). */
export function useDeskNetworkId(): string {
  const { profile } = useQueryContext();
  return profile.role === 'expert' ? profile.networkId : '';
}

/** The cases routed to the desk's network with their drafts, live (an import or a save shows at once). */
export function useNetworkCases() {
  const commands = useQueryContext();
  return useLiveQuery(() => networkCases(commands), [commands]);
}

/** A case's draft on this desk and when it was last sent back, live; undefined while loading. */
export function useDeskDraft(caseId: string) {
  const commands = useQueryContext();
  return useLiveQuery(async () => {
    const [draft, sent] = await Promise.all([draftForCase(commands, caseId), lastSentByCase(commands)]);
    return { draft: draft ?? null, sentAt: sent.get(caseId) ?? null };
  }, [commands, caseId]);
}
