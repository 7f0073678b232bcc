/**
 * The identifier guard: scans the free-text fields of a consultation request for things that
 * identify a person, and says which of them stop the request and which only warn.
 *
 *   henkilötunnus   anonymous request → BLOCKING; consented / statutory → warning (remove unless needed)
 *   phone, e-mail,  anonymous request → warning;  consented / statutory → not reported
 *   birth date,
 *   street address
 *
 * Positions: `start`/`end` are UTF-16 indices into the field's text (for highlighting with
 * `slice`); the `position` message parameter is 1-based and counts Unicode code points, which is
 * what a person counting characters sees (an emoji is one character).
 *
 * Nothing here returns a matched value: a Finding's `excerpt` is a masked shape (`######-###*`),
 * safe for logs. The caller has the text and the indices if it must show the value to the user.
 *
 * Message keys (i18n; the renderer translates them; `{{position}}` is the 1-based character position):
 *
 *   guard.henkilotunnusAnonymous
 *     fi: Tekstissä on henkilötunnus (merkki {{position}}). Anonyymiin pyyntöön ei saa kirjata henkilötunnusta – poista se.
 *     sv: Texten innehåller en personbeteckning (tecken {{position}}). En anonym begäran får inte innehålla en personbeteckning – ta bort den.
 *     en: The text contains a personal identity code (character {{position}}). An anonymous request must not contain one – remove it.
 *   guard.henkilotunnusConsented
 *     fi: Tekstissä on henkilötunnus (merkki {{position}}). Poista se, ellei se ole konsultaation kannalta välttämätön.
 *     sv: Texten innehåller en personbeteckning (tecken {{position}}). Ta bort den om den inte är nödvändig för konsultationen.
 *     en: The text contains a personal identity code (character {{position}}). Remove it unless the consultation needs it.
 *   guard.phone
 *     fi: Tekstissä näyttää olevan puhelinnumero (merkki {{position}}). Poista se, jotta pyyntö pysyy anonyyminä.
 *     sv: Texten verkar innehålla ett telefonnummer (tecken {{position}}). Ta bort det så att begäran förblir anonym.
 *     en: The text seems to contain a phone number (character {{position}}). Remove it to keep the request anonymous.
 *   guard.email
 *     fi: Tekstissä näyttää olevan sähköpostiosoite (merkki {{position}}). Poista se, jotta pyyntö pysyy anonyyminä.
 *     sv: Texten verkar innehålla en e-postadress (tecken {{position}}). Ta bort den så att begäran förblir anonym.
 *     en: The text seems to contain an e-mail address (character {{position}}). Remove it to keep the request anonymous.
 *   guard.birthDate
 *     fi: Tekstissä on päivämäärä, joka voi olla syntymäaika (merkki {{position}}). Ilmoita ikä ikäryhmänä ja poista tarkka syntymäaika, jotta pyyntö pysyy anonyyminä.
 *     sv: Texten innehåller ett datum som kan vara ett födelsedatum (tecken {{position}}). Ange åldern som åldersgrupp och ta bort det exakta födelsedatumet så att begäran förblir anonym.
 *     en: The text contains a date that may be a date of birth (character {{position}}). Give the age as an age band and remove the exact date of birth to keep the request anonymous.
 *   guard.streetAddress
 *     fi: Tekstissä näyttää olevan katuosoite (merkki {{position}}). Ilmoita paikka vain hyvinvointialueena ja poista osoite, jotta pyyntö pysyy anonyyminä.
 *     sv: Texten verkar innehålla en gatuadress (tecken {{position}}). Ange platsen endast som välfärdsområde och ta bort adressen så att begäran förblir anonym.
 *     en: The text seems to contain a street address (character {{position}}). Give the place only as a wellbeing services county and remove the address to keep the request anonymous.
 */

import { findBirthDates } from './birth-date';
import { findEmailAddresses } from './email';
import { findHenkilotunnukset } from './henkilotunnus';
import { findPhoneNumbers } from './phone';
import { findStreetAddresses } from './street-address';
import { maskForLog, type Span } from './text-span';

export type FindingKind = 'henkilotunnus' | 'phone' | 'email' | 'birth-date' | 'street-address';

export interface Finding {
  kind: FindingKind;
  /** UTF-16 index of the first character. */
  start: number;
  /** UTF-16 index just after the last character. */
  end: number;
  /** Masked shape of the match (letters `*`, digits `#`); never the value itself. */
  excerpt: string;
}

/** The consent modes of a request (the same literals as `ConsentMode` in shared/domain/consent.ts). */
export type GuardConsentMode = 'anonymous' | 'consented' | 'statutory';

export interface GuardInput {
  consentMode: GuardConsentMode;
  /** The free-text fields to scan; `path` names the field for the form (e.g. 'question'). */
  fields: ReadonlyArray<{ path: string; text: string }>;
}

export const GUARD_MESSAGE_KEYS = {
  henkilotunnusAnonymous: 'guard.henkilotunnusAnonymous',
  henkilotunnusConsented: 'guard.henkilotunnusConsented',
  phone: 'guard.phone',
  email: 'guard.email',
  birthDate: 'guard.birthDate',
  streetAddress: 'guard.streetAddress',
} as const;

export type GuardMessageKey = (typeof GUARD_MESSAGE_KEYS)[keyof typeof GUARD_MESSAGE_KEYS];

export interface GuardIssue {
  path: string;
  kind: FindingKind;
  start: number;
  end: number;
  messageKey: GuardMessageKey;
  /** `position`: 1-based character (code point) position of the match in the field. */
  params: Record<string, string | number>;
}

export interface GuardResult {
  blocking: GuardIssue[];
  warnings: GuardIssue[];
}

/**
 * Detectors in order of precedence: where two matches overlap, the earlier kind wins and the
 * other is dropped (a henkilötunnus with a numeric check character is not also a phone number;
 * digits inside an e-mail address are not a phone number).
 */
const DETECTORS: ReadonlyArray<readonly [FindingKind, (text: string, today: Date) => Span[]]> = [
  ['henkilotunnus', findHenkilotunnukset],
  ['email', findEmailAddresses],
  ['phone', findPhoneNumbers],
  ['birth-date', findBirthDates],
  ['street-address', findStreetAddresses],
];

/**
 * Every identifier-like match in one text, ordered by position, without overlaps.
 * `today` bounds the birth-date rule (no future dates, the last 30 years); it must be a valid Date.
 */
export function scanText(text: string, today: Date): Finding[] {
  const kept: Finding[] = [];
  for (const [kind, find] of DETECTORS) {
    for (const span of find(text, today)) {
      if (kept.some((other) => span.start < other.end && other.start < span.end)) continue;
      kept.push({ kind, start: span.start, end: span.end, excerpt: maskForLog(text.slice(span.start, span.end)) });
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

const WARNING_KEYS: Record<Exclude<FindingKind, 'henkilotunnus'>, GuardMessageKey> = {
  phone: GUARD_MESSAGE_KEYS.phone,
  email: GUARD_MESSAGE_KEYS.email,
  'birth-date': GUARD_MESSAGE_KEYS.birthDate,
  'street-address': GUARD_MESSAGE_KEYS.streetAddress,
};

/** 1-based position of a UTF-16 index, counted in code points. */
function characterPosition(text: string, index: number): number {
  let position = 1;
  for (let i = 0; i < index; i++) {
    const unit = text.charCodeAt(i);
    // The high half of a surrogate pair followed by its low half is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < index) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    position++;
  }
  return position;
}

/**
 * Applies the consent mode to the findings of every field. Issues are ordered by field (as given),
 * then by position.
 */
export function guardRequest(input: GuardInput, today: Date): GuardResult {
  const result: GuardResult = { blocking: [], warnings: [] };
  const anonymous = input.consentMode === 'anonymous';
  for (const { path, text } of input.fields) {
    for (const finding of scanText(text, today)) {
      const base = { path, kind: finding.kind, start: finding.start, end: finding.end, params: { position: characterPosition(text, finding.start) } };
      if (finding.kind === 'henkilotunnus') {
        if (anonymous) result.blocking.push({ ...base, messageKey: GUARD_MESSAGE_KEYS.henkilotunnusAnonymous });
        else result.warnings.push({ ...base, messageKey: GUARD_MESSAGE_KEYS.henkilotunnusConsented });
      } else if (anonymous) {
        result.warnings.push({ ...base, messageKey: WARNING_KEYS[finding.kind] });
      }
    }
  }
  return result;
}
