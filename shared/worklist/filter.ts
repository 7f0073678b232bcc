import { z } from 'zod';
import { CONSULTATION_STATUSES, URGENCIES } from '../domain/consultation';
import { CONSENT_MODES } from '../domain/consent';
import { AREA_CODES, REGION_CODES } from '../reference/regions';
import { THEME_CODES } from '../reference/themes';
import { isRealDate } from '../domain/validation';
import type { CaseRow } from '../domain/case-row';
import { dueState } from '../calendar/target-date';

/** Statuses whose target date still matters (a closed or cancelled case is never overdue). */
export const OPEN_STATUSES: ReadonlySet<string> = new Set(['received', 'accepted', 'more-information-requested', 'routed', 'scheduled']);

export const SORT_KEYS = ['receivedAt', 'targetDate', 'caseCode', 'status', 'region', 'area', 'urgency', 'requester'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const date = z.string().refine(isRealDate);

/** The work list's filter, as kept in the URL: every field optional, unknown values dropped. */
export const worklistFilterSchema = z.object({
  status: z.enum(CONSULTATION_STATUSES).optional(),
  area: z.enum(AREA_CODES).optional(),
  region: z.enum(REGION_CODES).optional(),
  theme: z.enum(THEME_CODES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  consent: z.enum(CONSENT_MODES).optional(),
  from: date.optional(),
  to: date.optional(),
  due: z.enum(['overdue', 'due-soon']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SORT_KEYS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});
export type WorklistFilter = z.output<typeof worklistFilterSchema>;
export const FILTER_KEYS = Object.keys(worklistFilterSchema.shape) as Array<keyof WorklistFilter>;

/** Reads a filter from URL query parameters, keeping each valid field and dropping the rest. */
export function filterFromQuery(params: URLSearchParams): WorklistFilter {
  const filter: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = worklistFilterSchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== '') filter[key] = parsed.data;
  }
  return filter as WorklistFilter;
}

export function filterToQuery(filter: WorklistFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** Lower-cased text the free-text search looks in: case code, requester and organisation. */
export function searchTextOf(row: CaseRow): string {
  return `${row.caseCode}\u0000${row.requesterName}\u0000${row.organisation}`.toLocaleLowerCase('fi');
}

/** A predicate for the filter, as of `today` (Finnish calendar date) for the due-date filters. */
export function rowMatcher(filter: WorklistFilter, today: string, searchText: (row: CaseRow) => string = searchTextOf) {
  const q = filter.q?.toLocaleLowerCase('fi');
  return (row: CaseRow): boolean =>
    (filter.status === undefined || row.status === filter.status) &&
    (filter.area === undefined || row.area === filter.area) &&
    (filter.region === undefined || row.region === filter.region) &&
    (filter.theme === undefined || row.themes.includes(filter.theme)) &&
    (filter.urgency === undefined || row.urgency === filter.urgency) &&
    (filter.consent === undefined || row.consentMode === filter.consent) &&
    (filter.from === undefined || row.receivedDate >= filter.from) &&
    (filter.to === undefined || row.receivedDate <= filter.to) &&
    (filter.due === undefined || (OPEN_STATUSES.has(row.status) && dueState(row.targetDate, today) === filter.due)) &&
    (q === undefined || searchText(row).includes(q));
}

/**
 * Orders rows by a column, ties broken newest first and then by id, so every sort is total and
 * stable. `rank` orders coded columns (status, region, area, urgency) by their label in the UI
 * language; codes missing from it sort last.
 */
export function rowComparator(sort: SortKey, dir: 'asc' | 'desc', rank: (column: SortKey, code: string) => number) {
  const sign = dir === 'asc' ? 1 : -1;
  const key = (row: CaseRow): string | number => {
    switch (sort) {
      case 'receivedAt':
        return row.receivedAt;
      case 'targetDate':
        return row.targetDate;
      case 'caseCode':
        return row.caseCode;
      case 'requester':
        return row.requesterName.toLocaleLowerCase('fi');
      case 'status':
        return rank(sort, row.status);
      case 'region':
        return rank(sort, row.region);
      case 'area':
        return rank(sort, row.area);
      case 'urgency':
        return rank(sort, row.urgency);
    }
  };
  return (a: CaseRow, b: CaseRow): number => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? 1 : -1;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  };
}
