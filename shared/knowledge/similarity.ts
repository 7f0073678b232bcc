import { AGE_BAND_CODES } from '../reference/themes';
import type { ConsultationStatus } from '../domain/consultation';

/**
 * Similar earlier consultations (issue 21): for a case, the consulted or closed consultations most
 * like it — an age band the same or next to it, at least one theme in common, the same service
 * level counting for more, weighted by recency — each with why it is listed. Pure: the caller
 * passes the rows of its in-memory index (only the cases its profile may see; purged cases are
 * not there) and the visibility rule again, so the ranking can never widen access.
 *
 * Score = (3 × shared themes + 2 for the same age band or 1 for the next one + 1 for the same
 * service level) × (½ + ½ · 2^(−age in days / 365)): a year-old consultation keeps three quarters
 * of its weight, an old one half, so recency orders equals without burying a close match.
 * Ties: the newer first, then by id. One pass, a top-k buffer: O(n·k), no sort of the whole list;
 * a row whose score without the recency weight is already below the k-th is not weighed at all.
 */

/** What the ranking reads of a case: its id, receipt and identity-free list projection. */
export interface SimilarityRow {
  id: string;
  receivedAt: string;
  summary: { status: ConsultationStatus; ageBand: string; themes: readonly string[]; serviceLevel: string };
}

/** The case the list is for. */
export interface SimilarityProbe {
  id: string;
  ageBand: string;
  themes: readonly string[];
  serviceLevel: string;
}

export type AgeRelation = 'same' | 'adjacent';

export interface SimilarMatch {
  id: string;
  score: number;
  /** The themes both have (codes, in the probe's order). */
  sharedThemes: string[];
  age: AgeRelation;
  sameLevel: boolean;
  receivedAt: string;
}

/** Statuses of a consultation that has been answered (a reopened case is 'consulted' again). */
export const ANSWERED_STATUSES: ReadonlySet<ConsultationStatus> = new Set<ConsultationStatus>(['consulted', 'closed']);
export const DEFAULT_SIMILAR_LIMIT = 5;
const DAY_MS = 86_400_000;
const HALF_LIFE_DAYS = 365;

/** Age bands on one line of growing age; 'family' is only like 'family'. */
const AGE_LINE = AGE_BAND_CODES.filter((band) => band !== 'family');
const AGE_INDEX = new Map(AGE_LINE.map((band, i) => [band, i]));

/** How two age bands relate: the same, next to each other, or neither (null). */
export function ageRelation(a: string, b: string): AgeRelation | null {
  if (a === b) return 'same';
  const i = AGE_INDEX.get(a);
  const j = AGE_INDEX.get(b);
  return i !== undefined && j !== undefined && Math.abs(i - j) === 1 ? 'adjacent' : null;
}

/** The recency weight of a consultation received `days` ago (½ … 1). */
export function recencyWeight(days: number): number {
  return 0.5 + 0.5 * 2 ** (-Math.max(0, days) / HALF_LIFE_DAYS);
}

/** Ranks before: higher score, then newer, then by id. */
function before(a: SimilarMatch, b: SimilarMatch): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.receivedAt !== b.receivedAt) return a.receivedAt > b.receivedAt;
  return a.id < b.id;
}

export function rankSimilar<R extends SimilarityRow>(
  probe: SimilarityProbe,
  rows: Iterable<R>,
  options: { now: Date; limit?: number; visible?: ((row: R) => boolean) | null },
): SimilarMatch[] {
  const limit = options.limit ?? DEFAULT_SIMILAR_LIMIT;
  if (limit <= 0) return [];
  const nowMs = options.now.getTime();
  const visible = options.visible ?? null;
  const themes = new Set(probe.themes);
  const top: SimilarMatch[] = [];
  for (const row of rows) {
    const s = row.summary;
    if (!ANSWERED_STATUSES.has(s.status) || row.id === probe.id) continue;
    const age = ageRelation(probe.ageBand, s.ageBand);
    if (age === null) continue;
    let shared = 0;
    for (const theme of s.themes) if (themes.has(theme)) shared++;
    if (shared === 0) continue;
    if (visible && !visible(row)) continue;
    const sameLevel = s.serviceLevel === probe.serviceLevel;
    const base = 3 * shared + (age === 'same' ? 2 : 1) + (sameLevel ? 1 : 0);
    // The recency weight is at most 1, so the score at most `base`: a row that cannot reach the
    // last listed score is passed over without reading its date (most rows, once the list is full).
    if (top.length === limit && base < top[limit - 1]!.score) continue;
    const score = base * recencyWeight((nowMs - Date.parse(row.receivedAt)) / DAY_MS);
    const candidate: SimilarMatch = { id: row.id, score, sharedThemes: [], age, sameLevel, receivedAt: row.receivedAt };
    if (top.length === limit && !before(candidate, top[limit - 1]!)) continue;
    candidate.sharedThemes = probe.themes.filter((theme) => s.themes.includes(theme));
    let at = top.length;
    while (at > 0 && before(candidate, top[at - 1]!)) at--;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  }
  return top;
}
