import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageRelation, ANSWERED_STATUSES, rankSimilar, recencyWeight, type SimilarityRow } from '../../../../shared/knowledge/similarity';
import { CONSULTATION_STATUSES, type ConsultationStatus } from '../../../../shared/domain/consultation';
import { AGE_BAND_CODES, SERVICE_LEVEL_CODES, THEME_CODES } from '../../../../shared/reference/themes';
import { canRead, type Profile } from '../../../../shared/protection/roles';

const NOW = new Date('2026-11-23T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const row = (id: string, summary: Partial<SimilarityRow['summary']> & { networkId?: string | null }, days = 30): SimilarityRow & { networkId: string | null } => ({
  id,
  receivedAt: daysAgo(days),
  networkId: summary.networkId ?? null,
  summary: { status: 'consulted', ageBand: '7-12', themes: ['nepsy'], serviceLevel: 'special', ...summary },
});
const probe = { id: 'probe', ageBand: '7-12', themes: ['nepsy', 'school-absence', 'conduct'], serviceLevel: 'special' };

describe('rankSimilar', () => {
  it('lists answered cases of the same or next age band with a theme in common, best first, saying why', () => {
    const rows = [
      row('three-themes', { themes: ['nepsy', 'school-absence', 'conduct'] }),
      row('one-theme-adjacent', { ageBand: '13-15', themes: ['conduct'], serviceLevel: 'basic' }),
      row('not-answered', { status: 'routed', themes: ['nepsy', 'school-absence', 'conduct'] }),
      row('far-age', { ageBand: '18-24', themes: ['nepsy'] }),
      row('no-theme', { themes: ['eating-disorder'] }),
      row('closed-two', { status: 'closed', themes: ['school-absence', 'nepsy'] }),
      row('probe', { themes: ['nepsy'] }),
    ];
    const ranked = rankSimilar(probe, rows, { now: NOW });
    expect(ranked.map((m) => m.id)).toEqual(['three-themes', 'closed-two', 'one-theme-adjacent']);
    expect(ranked[0]).toMatchObject({ sharedThemes: ['nepsy', 'school-absence', 'conduct'], age: 'same', sameLevel: true });
    expect(ranked[1]!.sharedThemes).toEqual(['nepsy', 'school-absence']);
    expect(ranked[2]).toMatchObject({ sharedThemes: ['conduct'], age: 'adjacent', sameLevel: false });
  });

  it('weighs recency: of two equal matches the newer first, and a year-old closer match still above a new looser one', () => {
    const ranked = rankSimilar(probe, [row('old', {}, 900), row('new', {}, 10), row('old-close', { themes: ['nepsy', 'conduct'] }, 365)], { now: NOW });
    expect(ranked.map((m) => m.id)).toEqual(['old-close', 'new', 'old']);
    expect(recencyWeight(0)).toBe(1);
    expect(recencyWeight(365)).toBe(0.75);
    expect(recencyWeight(-5)).toBe(1);
  });

  it('a full list passes over rows that cannot reach it, but not an equal one that wins on the tie', () => {
    // Received today, a match's weight is 1 and its score its base: equal scores, then by id.
    const rows = [row('m-2', {}, 0), row('m-3', {}, 0), row('weaker', { ageBand: '13-15' }, 0), row('m-1', {}, 0)];
    expect(rankSimilar(probe, rows, { now: NOW, limit: 1 }).map((m) => m.id)).toEqual(['m-1']);
    expect(rankSimilar(probe, rows, { now: NOW, limit: 2 }).map((m) => m.id)).toEqual(['m-1', 'm-2']);
    expect(rankSimilar(probe, rows, { now: NOW, limit: 4 }).map((m) => m.id)).toEqual(['m-1', 'm-2', 'm-3', 'weaker']);
  });

  it('relates age bands along the line of ages; family only to family', () => {
    expect(ageRelation('3-6', '7-12')).toBe('adjacent');
    expect(ageRelation('prenatal', '0-2')).toBe('adjacent');
    expect(ageRelation('3-6', '13-15')).toBeNull();
    expect(ageRelation('family', '18-24')).toBeNull();
    expect(ageRelation('family', 'family')).toBe('same');
  });

  const statuses = fc.constantFrom<ConsultationStatus>(...CONSULTATION_STATUSES);
  const networks = ['net-a', 'net-b', 'net-c'];
  const rows = fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
      days: fc.integer({ min: 0, max: 3000 }),
      status: statuses,
      ageBand: fc.constantFrom(...AGE_BAND_CODES),
      themes: fc.uniqueArray(fc.constantFrom(...THEME_CODES.slice(0, 6)), { minLength: 1, maxLength: 3 }),
      serviceLevel: fc.constantFrom(...SERVICE_LEVEL_CODES),
      networkId: fc.constantFrom<string | null>(null, ...networks),
    }),
    { selector: (r) => r.id, maxLength: 80 },
  );
  const profiles = fc.constantFrom<Profile>(
    { id: 'k', name: 'Koordinaattori', language: 'fi', role: 'coordinator' },
    ...networks.map((networkId): Profile => ({ id: `e-${networkId}`, name: 'Asiantuntija', language: 'fi', role: 'expert', networkId })),
  );

  it('property: never the case itself, never a case the profile may not see, never one not answered; the best k of all eligible', () => {
    fc.assert(
      fc.property(rows, profiles, fc.integer({ min: 1, max: 8 }), (generated, profile, limit) => {
        const list = generated.map((g) => row(g.id, g, g.days));
        const self = list[0];
        const p = self ? { id: self.id, ageBand: self.summary.ageBand, themes: self.summary.themes, serviceLevel: self.summary.serviceLevel } : probe;
        const visible = (r: SimilarityRow) => canRead(profile, { networkId: (r as ReturnType<typeof row>).networkId, requesterKey: '' });
        const ranked = rankSimilar(p, list, { now: NOW, limit, visible });
        expect(ranked.length).toBeLessThanOrEqual(limit);
        for (const match of ranked) {
          const listed = list.find((r) => r.id === match.id)!;
          expect(match.id).not.toBe(p.id);
          expect(visible(listed)).toBe(true);
          expect(ANSWERED_STATUSES.has(listed.summary.status)).toBe(true);
          expect(match.sharedThemes.length).toBeGreaterThan(0);
        }
        // The reference: score every eligible row, sort, take k.
        const eligible = list.filter((r) => r.id !== p.id && visible(r) && ANSWERED_STATUSES.has(r.summary.status) && ageRelation(p.ageBand, r.summary.ageBand) !== null && r.summary.themes.some((t) => p.themes.includes(t)));
        const all = rankSimilar(p, eligible, { now: NOW, limit: eligible.length + 1 });
        expect(all.length).toBe(eligible.length);
        expect(ranked.map((m) => m.id)).toEqual(all.slice(0, limit).map((m) => m.id));
        for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
      }),
      { numRuns: 300 },
    );
  });
});
