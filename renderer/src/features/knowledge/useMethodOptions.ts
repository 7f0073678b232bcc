import { useMemo } from 'react';
import { useUiStore } from '../../state/uiStore';
import { useMethodCatalogue } from '../../queries/useKnowledge';

/**
 * The methods a recommendation form offers: those in use today (shipped and the centre's own),
 * and any the recommendation already names (taken out of use since, or from another
 * installation's registry), so editing never drops one silently. Labels in the UI language.
 */
export function useMethodOptions(named: readonly string[]): Array<{ value: string; label: string }> {
  const language = useUiStore((s) => s.language);
  const catalogue = useMethodCatalogue();
  const key = named.join(' ');
  return useMemo(() => {
    const keep = new Set(key === '' ? [] : key.split(' '));
    const offered = catalogue.filter((m) => m.active || keep.has(m.code)).map((m) => ({ value: m.code, label: m.name[language] }));
    const known = new Set(offered.map((o) => o.value));
    return [...offered, ...[...keep].filter((code) => !known.has(code)).map((code) => ({ value: code, label: code }))];
  }, [catalogue, language, key]);
}
