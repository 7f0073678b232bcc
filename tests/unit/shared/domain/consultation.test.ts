import { describe, expect, it } from 'vitest';
import { createIntakeSchema, type IntakeInput } from '../../../../shared/domain/consultation';
import { decodeMessage } from '../../../../shared/domain/messages';
import { NOW, validIntake } from '../../../fixtures/intake';

const schema = createIntakeSchema(() => '2026-11-23', () => NOW);

function issuesOf(input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

const base = validIntake();
const withRequester = (changes: Partial<IntakeInput['requester']>) => validIntake({ requester: { ...base.requester, ...changes } });
const withSubject = (changes: Partial<IntakeInput['subject']>) => validIntake({ subject: { ...base.subject, ...changes } });

describe('intake schema', () => {
  it('accepts a complete synthetic request and trims text', () => {
    const parsed = schema.parse({ ...base, question: '  Miten tukea koulunkäyntiä?  ' });
    expect(parsed.question).toBe('Miten tukea koulunkäyntiä?');
  });

  it('names every missing required field with an i18n key', () => {
    const empty = { requester: {}, subject: {}, received: {}, consent: {}, question: '' };
    expect(issuesOf(empty)).toEqual(
      expect.arrayContaining([
        ['requestKind', 'validation.choose'],
        ['received.date', 'validation.date'],
        ['received.time', 'validation.time'],
        ['received.channel', 'validation.choose'],
        ['requester.name', 'validation.required'],
        ['requester.title', 'validation.required'],
        ['requester.organisation', 'validation.required'],
        ['requester.sector', 'validation.choose'],
        ['requester.region', 'validation.choose'],
        ['requester.language', 'validation.choose'],
        ['subject.ageBand', 'validation.choose'],
        ['subject.themes', 'validation.chooseAtLeastOne'],
        ['subject.serviceLevel', 'validation.choose'],
        ['subject.serviceLanguage', 'validation.choose'],
        ['question', 'validation.required'],
        ['hopedOutcome', 'validation.choose'],
        ['urgency', 'validation.choose'],
        ['consent.mode', 'validation.choose'],
      ]),
    );
  });

  it('treats whitespace as empty', () => {
    expect(issuesOf(withRequester({ name: '   ' }))).toEqual([['requester.name', 'validation.required']]);
  });

  it('needs a phone number or an e-mail address, each well formed', () => {
    expect(issuesOf(withRequester({ phone: '', email: '' }))).toEqual([['requester.phone', 'validation.contactRequired']]);
    expect(issuesOf(withRequester({ phone: '', email: 'x@example.invalid' }))).toEqual([]);
    expect(issuesOf(withRequester({ phone: 'soita', email: '' }))).toEqual(
      expect.arrayContaining([['requester.phone', 'validation.phone']]),
    );
    expect(issuesOf(withRequester({ email: 'ei-osoite' }))).toEqual([['requester.email', 'validation.email']]);
    for (const phone of ['040 123 4567', '+358 40 123 4567', '09-123 4567', '0401234567']) {
      expect(issuesOf(withRequester({ phone })), phone).toEqual([]);
    }
  });

  it('requires at least one theme, refuses unknown or repeated themes', () => {
    expect(issuesOf(withSubject({ themes: [] }))).toEqual([['subject.themes', 'validation.chooseAtLeastOne']]);
    expect(issuesOf(withSubject({ themes: ['astrology'] }))).toEqual([['subject.themes.0', 'validation.invalid']]);
    expect(issuesOf(withSubject({ themes: ['nepsy', 'nepsy'] }))).toEqual([['subject.themes', 'validation.invalid']]);
  });

  it('refuses codes outside the reference data and over-long text', () => {
    expect(issuesOf(withRequester({ region: 'atlantis' }))).toEqual([['requester.region', 'validation.choose']]);
    expect(issuesOf({ ...base, question: 'x'.repeat(5001) })).toEqual([['question', 'validation.tooLong']]);
  });

  it('refuses a receipt in the future and impossible dates and times', () => {
    expect(issuesOf({ ...base, received: { ...base.received, date: '2026-11-24' } })).toEqual([['received.date', 'validation.futureDate']]);
    expect(issuesOf({ ...base, received: { ...base.received, date: '2026-02-30' } })).toEqual([['received.date', 'validation.date']]);
    expect(issuesOf({ ...base, received: { ...base.received, time: '24:10' } })).toEqual([['received.time', 'validation.time']]);
  });

  it('refuses a forensic investigation request with the message that names where it belongs', () => {
    expect(issuesOf({ ...base, requestKind: 'forensic-investigation' })).toEqual([['requestKind', 'validation.forensicRefused']]);
  });

  it('asks what else when the hoped outcome is "other"', () => {
    expect(issuesOf({ ...base, hopedOutcome: 'other', hopedOutcomeNote: '' })).toEqual([['hopedOutcomeNote', 'validation.required']]);
  });

  describe('consent', () => {
    const consented = { mode: 'consented', consentedBy: 'guardians', date: '2026-11-18', scope: 'Konsultaatio OT-verkostossa', expiry: '', withdrawn: '' } as const;

    it('records who consented, when, the scope and an optional expiry', () => {
      expect(issuesOf({ ...base, consent: consented })).toEqual([]);
      expect(issuesOf({ ...base, consent: { ...consented, expiry: '2027-05-18' } })).toEqual([]);
    });

    it('refuses an expiry not after the consent date, and a consent date in the future', () => {
      expect(issuesOf({ ...base, consent: { ...consented, expiry: '2026-11-18' } })).toEqual([['consent.expiry', 'validation.dateOrder']]);
      expect(issuesOf({ ...base, consent: { ...consented, date: '2026-12-01' } })).toEqual([['consent.date', 'validation.futureDate']]);
      expect(issuesOf({ ...base, consent: { mode: 'consented' } })).toEqual(
        expect.arrayContaining([['consent.consentedBy', 'validation.choose'], ['consent.scope', 'validation.required']]),
      );
    });

    it('needs the statutory basis for a statutory group', () => {
      expect(issuesOf({ ...base, consent: { mode: 'statutory', basis: '' } })).toEqual([['consent.basis', 'validation.required']]);
    });
  });

  describe('identifier guard', () => {
    it('blocks a valid henkilötunnus in an anonymous request and points at the field and position', () => {
      const issues = issuesOf({ ...base, question: 'Lapsi 010594Y9032 tarvitsee tukea.' });
      expect(issues).toHaveLength(1);
      const [path, message] = issues[0]!;
      expect(path).toBe('question');
      expect(decodeMessage(message!)).toEqual({ key: 'guard.henkilotunnusAnonymous', params: { position: '7' } });
    });

    it('lets an invalid look-alike through', () => {
      expect(issuesOf({ ...base, question: 'Lapsi 010594Y9033 tarvitsee tukea.' })).toEqual([]);
    });

    it('does not block the code in a consented case (the form warns instead)', () => {
      const consent = { mode: 'consented', consentedBy: 'both', date: '2026-11-18', scope: 'Konsultaatio', expiry: '', withdrawn: '' } as const;
      expect(issuesOf({ ...base, consent, question: 'Lapsi 010594Y9032 tarvitsee tukea.' })).toEqual([]);
    });

    it('scans every free-text field', () => {
      const issues = issuesOf(withSubject({ servicesTriedNote: 'Tunnus 131052-308T' }));
      expect(issues.map(([path]) => path)).toEqual(['subject.servicesTriedNote']);
    });
  });
});
