import type { Intake } from './consultation';

/** One part of a requester key as compared: trimmed, lower case (Finnish rules). */
export function requesterKeyPart(text: string): string {
  return text.trim().toLocaleLowerCase('fi');
}

/** Who a request is from: name|organisation|e-mail, normalised (the role policy's requester key). */
export function requesterKey(requester: Intake['requester']): string {
  return [requester.name, requester.organisation, requester.email].map(requesterKeyPart).join('|');
}
