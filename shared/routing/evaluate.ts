import type { Network } from '../domain/network';
import { activityOn, nextMeetingSlot, outOfOfficeOn } from './availability';
import { addDays } from './calendar';
import { reason } from './reasons';
import type { NextSlot, Reason, RoutingRequest, ThemeCoverage } from './types';

export type LanguageFit = 'match' | 'mismatch' | 'interpreter';

/** A network that passed every check, with what the ranking and the reasons need. */
export interface Evaluated {
  network: Network;
  scope: 'home' | 'national';
  themeCoverage: ThemeCoverage[];
  coveredCount: number;
  language: LanguageFit;
  nextSlot: NextSlot | null;
  reasons: Reason[];
}

/**
 * Why a network cannot take the request on its date, checked in this order: not active on the date
 * (deactivated or not yet started), no requested theme, age band not covered, out of office.
 * Availability comes last so that "out of office" is only said of a network that would otherwise fit.
 */
export function eligibilitySkip(network: Network, request: RoutingRequest, themes: readonly string[]): Reason | undefined {
  const activity = activityOn(network, request.date);
  if (activity === 'not-yet-active') return reason('skip.not-yet-active', { activeFrom: network.activeFrom });
  if (activity === 'ended') return reason('skip.ended', { activeTo: network.activeTo ?? '' });
  if (!themes.some((theme) => network.themes.includes(theme))) {
    return reason('skip.no-theme-overlap', { themes: [...themes], networkThemes: [...network.themes] });
  }
  if (!network.ageBands.includes(request.ageBand)) {
    return reason('skip.age-band', { ageBand: request.ageBand, ageBands: [...network.ageBands] });
  }
  const away = outOfOfficeOn(network, request.date);
  if (away) return reason('skip.out-of-office', { from: away.from, to: away.to });
  return undefined;
}

export function languageFit(network: Network, language: RoutingRequest['language']): LanguageFit {
  if (language === 'fi' || language === 'sv') return network.languages.includes(language) ? 'match' : 'mismatch';
  return 'interpreter';
}

/** The candidate view of an eligible network; `scopeReason` says why it is proposed at all. */
export function evaluate(
  network: Network,
  scope: Evaluated['scope'],
  scopeReason: Reason,
  request: RoutingRequest,
  themes: readonly string[],
  horizonDays: number,
): Evaluated {
  const themeCoverage = themes.map((theme) => ({ theme, covered: network.themes.includes(theme) }));
  const covered = themeCoverage.filter((t) => t.covered).map((t) => t.theme);
  const missing = themeCoverage.filter((t) => !t.covered).map((t) => t.theme);
  const language = languageFit(network, request.language);
  const nextSlot = nextMeetingSlot(network, request.date, horizonDays);

  const reasons: Reason[] = [scopeReason];
  reasons.push(missing.length === 0 ? reason('match.all-themes', { themes: covered }) : reason('match.some-themes', { covered, missing }));
  reasons.push(reason('match.age-band', { ageBand: request.ageBand }));
  if (language === 'match') reasons.push(reason('language.match', { language: request.language }));
  else if (language === 'mismatch') reasons.push(reason('language.mismatch', { language: request.language, languages: [...network.languages] }));
  else reasons.push(reason('language.interpreter', { language: request.language }));
  reasons.push(reason('availability.available', { date: request.date }));
  if (network.meetingRhythm.length === 0) {
    reasons.push(reason('availability.no-rhythm'));
  } else if (nextSlot === null) {
    reasons.push(reason('availability.no-slot', { days: horizonDays }));
  } else {
    reasons.push(reason('availability.next-slot', { ...nextSlot }));
    const targetDate = addDays(request.date, network.targetResponseDays);
    if (nextSlot.date > targetDate) {
      reasons.push(reason('availability.slot-after-target', { date: nextSlot.date, targetDate, days: network.targetResponseDays }));
    }
  }
  if (network.example) reasons.push(reason('match.example-configuration'));

  return { network, scope, themeCoverage, coveredCount: covered.length, language, nextSlot, reasons };
}
