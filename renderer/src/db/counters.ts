/** The names of the counters the writes keep and the screens read (the `counters` table's keys). */
export const COUNTER_TOTAL = 'consultations:total';
export const COUNTER_REV = 'consultations:rev';
export const statusCounter = (status: string) => `consultations:status:${status}`;
export const caseSequenceCounter = (prefix: string, year: number) => `caseCode:${prefix}:${year}`;
export const COUNTER_OPEN_CONFLICTS = 'conflicts:open';
