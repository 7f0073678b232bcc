/**
 * Consultation meetings: recurring slots and concrete meetings (./schema), where slots fall on the
 * Finnish calendar (./occurrences), the week view (./week-view), booking decisions (./booking) and
 * the calendar file (./ics). Pure: no DOM, Node, React or Dexie.
 */
export * from './messages';
export * from './schema';
export * from './occurrences';
export * from './week-view';
export * from './booking';
export * from './ics';
