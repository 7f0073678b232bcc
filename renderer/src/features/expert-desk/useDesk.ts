import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { useNetworks } from '../../data/useNetworks';
import { useUiStore } from '../../state/uiStore';
import { draftForCase, lastSentByCase, networkCases } from '../../queries/desk';

/** The expert desk's network id ('' for another role). */
export function useDeskNetworkId(): string {
  const { profile } = useServices().commands;
  return profile.role === 'expert' ? profile.networkId : '';
}

/** The desk's network's name in the UI language; undefined while loading, '' when the registry does not know it. */
export function useDeskNetworkName(): string | undefined {
  const language = useUiStore((s) => s.language);
  const networkId = useDeskNetworkId();
  const networks = useNetworks();
  if (!networks) return undefined;
  return networks.find((n) => n.id === networkId)?.name[language] ?? '';
}

/** The cases routed to the desk's network with their drafts, live (an import or a save shows at once). */
export function useNetworkCases() {
  const { commands } = useServices();
  return useLiveQuery(() => networkCases(commands), [commands]);
}

/** A case's draft on this desk and when it was last sent back, live; undefined while loading. */
export function useDeskDraft(caseId: string) {
  const { commands } = useServices();
  return useLiveQuery(async () => {
    const [draft, sent] = await Promise.all([draftForCase(commands, caseId), lastSentByCase(commands)]);
    return { draft: draft ?? null, sentAt: sent.get(caseId) ?? null };
  }, [commands, caseId]);
}
