import { describe, expect, it } from 'vitest';
import { criteriaChoiceSchema, criteriaRecordSchema, criterionLabel, currentCriteria, DEFAULT_CRITERIA, freezeChoice, nextCriteriaVersion } from '../../../../shared/knowledge/ot-criteria';
import { planTransition } from '../../../../shared/lifecycle/plan';
import { transitionAuditDetails } from '../../../../shared/lifecycle/audit-details';

const SAVED = '2026-05-04T09:00:00.000Z';

describe('the OT-level criteria list', () => {
  it('ships a documented default with labels in fi, sv and en and other last', () => {
    expect(DEFAULT_CRITERIA.version).toBe(1);
    expect(DEFAULT_CRITERIA.criteria.map((c) => c.code)).toEqual(['multi-professional', 'services-tried', 'rare-or-most-demanding', 'development-safety-risk', 'other']);
    for (const c of DEFAULT_CRITERIA.criteria) expect([c.fi, c.sv, c.en].every((label) => label.length > 0)).toBe(true);
  });

  it('makes every edit a new version that keeps each code (deactivated at most) and other active and last', () => {
    const edited = [
      { ...DEFAULT_CRITERIA.criteria[4]! },
      ...DEFAULT_CRITERIA.criteria.slice(0, 4).map((c, i) => ({ ...c, active: i !== 1 })),
      { code: 'c-00000001', fi: 'Uusi peruste', sv: 'Ny grund', en: 'New reason', active: true },
    ];
    const next = nextCriteriaVersion(DEFAULT_CRITERIA, edited, SAVED);
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.list.version).toBe(2);
    expect(next.list.criteria.at(-1)!.code).toBe('other');
    expect(next.list.criteria.find((c) => c.code === 'services-tried')!.active).toBe(false);
    expect(currentCriteria([next.list])).toBe(next.list);
    expect(nextCriteriaVersion(next.list, next.list.criteria.filter((c) => c.code !== 'multi-professional'), SAVED)).toEqual({ ok: false, issues: [{ path: 'criteria', message: 'validation.criterionRemoved' }] });
    const noOther = nextCriteriaVersion(DEFAULT_CRITERIA, DEFAULT_CRITERIA.criteria.map((c) => ({ ...c, active: c.code !== 'other' })), SAVED);
    expect(noOther.ok).toBe(false);
    const blank = nextCriteriaVersion(DEFAULT_CRITERIA, [...DEFAULT_CRITERIA.criteria, { code: 'c-00000002', fi: '', sv: 'x', en: 'x' }], SAVED);
    expect(blank).toEqual({ ok: false, issues: [{ path: 'criteria.5.fi', message: 'validation.required' }] });
  });

  it('needs a text with other, and freezes a choice with its version and labels; a deactivated code is refused', () => {
    expect(criteriaChoiceSchema.safeParse({ met: ['other'], otherNote: ' ' }).success).toBe(false);
    const choice = criteriaChoiceSchema.parse({ met: ['services-tried', 'other'], otherNote: 'Synteettinen peruste' });
    const frozen = freezeChoice(DEFAULT_CRITERIA, choice);
    expect(frozen).toMatchObject({ ok: true, record: { met: ['services-tried', 'other'], version: 1, otherNote: 'Synteettinen peruste' } });
    if (frozen.ok) expect(frozen.record.labels['services-tried']!.sv).toBe('Tjänster på bas- och specialnivå har redan prövats');
    const v2 = nextCriteriaVersion(DEFAULT_CRITERIA, DEFAULT_CRITERIA.criteria.map((c) => ({ ...c, active: c.code !== 'services-tried' })), SAVED);
    if (!v2.ok) throw new Error('v2');
    expect(freezeChoice(v2.list, choice)).toEqual({ ok: false, issues: [{ path: 'criteria.met.0', message: 'validation.criterionUnknown' }] });
  });

  it('labels a code from the decision itself first, then any version, then as the code', () => {
    const frozen = { 'c-9': { fi: 'Jäädytetty', sv: 'Fryst', en: 'Frozen' } };
    expect(criterionLabel('c-9', 'sv', [], frozen)).toBe('Fryst');
    expect(criterionLabel('services-tried', 'en', [])).toBe('Basic- and special-level services have been tried');
    expect(criterionLabel('c-unknown', 'fi', [])).toBe('c-unknown');
  });

  it('are transition data of accept and decline, and the audit keeps their codes, never the text', () => {
    const criteria = criteriaRecordSchema.parse({ met: ['rare-or-most-demanding', 'other'], otherNote: 'Salainen synteettinen peruste', version: 3 });
    const accept = planTransition({ status: 'received', hasRecommendation: false }, 'accept', { criteria });
    expect(accept.ok).toBe(true);
    if (!accept.ok) return;
    const details = transitionAuditDetails(accept.event);
    expect(details).toMatchObject({ criteria: 'rare-or-most-demanding other', criteriaVersion: '3' });
    expect(JSON.stringify(details)).not.toContain('Salainen');
    const missingNote = planTransition({ status: 'received', hasRecommendation: false }, 'decline', { reason: 'not-ot-level', whereToTurn: 'Perhekeskus', criteria: { met: ['other'], otherNote: '', version: 1 } });
    expect(missingNote).toMatchObject({ ok: false, code: 'invalid-data', issues: [{ path: 'criteria.otherNote', message: 'validation.criteriaOtherRequired' }] });
    expect(planTransition({ status: 'received', hasRecommendation: false }, 'accept').ok).toBe(true);
  });
});
