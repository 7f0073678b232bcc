import { compareText } from './compare';
import type { Evaluated } from './evaluate';
import type { RoutingRequest } from './types';

/**
 * The ranking, as a lexicographic key (the first difference decides):
 *  1. scope — home-area networks before national-responsibility networks from other areas;
 *  2. coverage — more requested themes covered first (covering all of them is the top tier);
 *  3. language — for a Finnish or Swedish request, networks that consult in that language first.
 *     Only within the same coverage: a network that cannot answer the question never outranks one
 *     that can; the mismatch is a reason on the candidate, so the coordinator can arrange
 *     interpreting or override. Saami and other languages do not reorder (no network consults in them);
 *  4. urgency — for an urgent request, the earliest next meeting slot first (no slot last);
 *  5. specificity — fewer themes beyond the requested ones first: the nepsy team before the
 *     multi-professional network for a nepsy question, while the multi-professional network takes
 *     the multi-theme cases nobody else covers;
 *  6. id in code-unit order, then the whole record — so the order never depends on the registry's order.
 */
export function rankingKeys(request: RoutingRequest): string[] {
  const keys = ['scope', 'coverage'];
  if (request.language === 'fi' || request.language === 'sv') keys.push('language');
  if (request.urgency === 'urgent') keys.push('earliest-slot');
  keys.push('specificity', 'id');
  return keys;
}

export function compareCandidates(request: RoutingRequest): (a: Evaluated, b: Evaluated) => number {
  const bySwedishOrFinnish = request.language === 'fi' || request.language === 'sv';
  const urgent = request.urgency === 'urgent';
  return (a, b) => {
    const scope = scopeOrder(a) - scopeOrder(b);
    if (scope) return scope;
    const coverage = b.coveredCount - a.coveredCount;
    if (coverage) return coverage;
    if (bySwedishOrFinnish) {
      const language = languageOrder(a) - languageOrder(b);
      if (language) return language;
    }
    if (urgent) {
      const slot = compareText(a.nextSlot?.date ?? '\uffff', b.nextSlot?.date ?? '\uffff');
      if (slot) return slot;
    }
    const specificity = extraThemes(a) - extraThemes(b);
    if (specificity) return specificity;
    return compareText(a.network.id, b.network.id) || compareText(JSON.stringify(a.network), JSON.stringify(b.network));
  };
}

const scopeOrder = (c: Evaluated) => (c.scope === 'home' ? 0 : 1);
const languageOrder = (c: Evaluated) => (c.language === 'match' ? 0 : 1);
const extraThemes = (c: Evaluated) => c.network.themes.length - c.coveredCount;
