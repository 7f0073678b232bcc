import type { LifecycleEvent } from './plan';
import type { CriteriaRecord } from '../knowledge/ot-criteria';

/** The OT-level criteria of an accept or decline as codes: which were met (space-separated) and the list version. */
function criteriaDetails(criteria: CriteriaRecord | undefined): Record<string, string> {
  if (!criteria) return {};
  return { criteria: criteria.met.length > 0 ? criteria.met.join(' ') : 'none', criteriaVersion: String(criteria.version) };
}

/**
 * The audit details of a transition: codes only (action, from, to and the coded choices), never
 * the free text of reasons, questions or recommendations — that stays on the case. Whether a
 * free-text field was given is visible from the action itself (every reason is required).
 */
export function transitionAuditDetails(event: LifecycleEvent): Record<string, string> {
  const details: Record<string, string> = { action: event.action, from: event.from, to: event.to };
  switch (event.action) {
    case 'accept':
      Object.assign(details, criteriaDetails(event.data.criteria));
      break;
    case 'decline':
      details.reason = event.data.reason;
      Object.assign(details, criteriaDetails(event.data.criteria));
      break;
    case 'consult':
      details.language = event.data.recommendation.language;
      details.followUp = event.data.recommendation.followUpDate === '' ? 'no' : 'yes';
      break;
    case 'close':
      details.outcome = event.data.closeOut.outcome;
      details.wouldOtherwiseHaveSought = event.data.closeOut.wouldOtherwiseHaveSought;
      break;
    case 'route':
      details.network = event.data.networkId;
      break;
    default:
      break;
  }
  return details;
}
