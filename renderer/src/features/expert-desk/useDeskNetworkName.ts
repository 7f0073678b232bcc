import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { useDeskNetworkId } from '../../queries/expert-desk';

/** The desk's network's name in the UI language; undefined while loading, '' when the registry does not know it. */
export function useDeskNetworkName(): string | undefined {
  const language = useUiStore((s) => s.language);
  const networkId = useDeskNetworkId();
  const networks = useNetworks();
  if (!networks) return undefined;
  return networks.find((n) => n.id === networkId)?.name[language] ?? '';
}
