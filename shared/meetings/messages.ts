/**
 * i18n keys of the meetings' own messages (`meetings.*`). Field messages reuse `validation.*`
 * (MSG in ../domain/validation) wherever one fits; parameters travel encoded with the key
 * (`meetings.full?capacity=2`, see ../domain/messages).
 */
export const MEETING_MSG = {
  /** params: capacity — more cases booked than the meeting has room for. */
  full: 'meetings.full',
  /** A slot's last valid day lies before its first. */
  validUntilBeforeFrom: 'meetings.validUntilBeforeFrom',
  /** The date is not the slot's weekday. */
  slotNotOnThatDay: 'meetings.slotNotOnThatDay',
  /** The date lies outside the slot's validity period. */
  slotNotValidOnDate: 'meetings.slotNotValidOnDate',
  /** The slot is switched off. */
  slotInactive: 'meetings.slotInactive',
  /** The date is a Finnish public holiday (or Midsummer Eve / Christmas Eve): recurring slots skip it. */
  holiday: 'meetings.holiday',
  /** The same case appears twice in one meeting. */
  caseTwice: 'meetings.caseTwice',
  /** The same participant role is listed twice (give one row per role, with a count). */
  roleTwice: 'meetings.roleTwice',
  /** Booking refused: the case is already booked in this meeting. */
  alreadyBooked: 'meetings.alreadyBooked',
  /** Booking refused: the meeting is cancelled. */
  cancelled: 'meetings.cancelled',
  /** Booking refused: the meeting's date has passed. */
  past: 'meetings.past',
} as const;

export type MeetingMessage = (typeof MEETING_MSG)[keyof typeof MEETING_MSG];
