import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../../../renderer/src/i18n/resources';
import { refusalMessage } from '../../../../../renderer/src/features/exchange/refusal-message';
import { fieldLabelOf } from '../../../../../renderer/src/features/exchange/refusal-labels';
import { IMPORT_REFUSAL_CODES, refusal, type ImportRefusal, type RefusalDetail } from '../../../../../shared/sync/wire/types';
import { BUNDLE_ERROR_CODES } from '../../../../../shared/sync/bundle/errors';
import { receivedSchema, requesterSchema, STAMPED_FIELDS, subjectSchema } from '../../../../../shared/domain/consultation';
import { consentSchema } from '../../../../../shared/domain/consent';
import { GUARD_MESSAGE_KEYS } from '../../../../../shared/privacy/identifier-guard';
import { encodeMessage } from '../../../../../shared/domain/messages';
import { MSG } from '../../../../../shared/domain/validation';

/**
 * Every refusal says, in the user's language, what is wrong, where (the record's label and the
 * field's label as the form shows it) and what to do — and no internal key leaks into it.
 */

const LANGUAGES = ['fi', 'sv', 'en'] as const;
const t: Record<string, TFunction> = {};
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: 'fi', fallbackLng: false, interpolation: { escapeValue: false } });
  for (const lang of LANGUAGES) t[lang] = instance.getFixedT(lang);
});

/** Nothing internal shows: no i18n key or field path (a.b), no camelCase member name, no placeholder, no raw key in quotes. */
function expectReadable(message: string, raw?: string): void {
  expect(message).not.toMatch(/\{\{|\}\}/);
  expect(message).not.toMatch(/\b[a-z]{3,}\.[a-z]{3,}/);
  expect(message).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
  expect(message).not.toMatch(/\b(undefined|null|NaN)\b/);
  if (raw !== undefined) for (const quoted of [`”${raw}”`, `“${raw}”`, `"${raw}"`]) expect(message).not.toContain(quoted);
}

/** Every path of the consultation's schema: its stamped and unstamped members and every field of the intake's nested objects (and a list's element). */
function consultationPaths(): string[] {
  const nested = (prefix: string, shape: object) => Object.keys(shape).map((key) => `${prefix}.${key}`);
  const consentKeys = new Set(consentSchema.options.flatMap((option) => Object.keys(option.shape)));
  return [
    ...STAMPED_FIELDS,
    'requestKind',
    'caseCode',
    'receivedAt',
    'targetDate',
    'region',
    'area',
    'createdBy',
    'id',
    'seen',
    'deleted',
    'stamps',
    ...nested('received', receivedSchema.shape),
    ...nested('requester', requesterSchema.shape),
    ...nested('subject', subjectSchema.shape),
    ...[...consentKeys].map((key) => `consent.${key}`),
    'subject.themes.0',
    ...STAMPED_FIELDS.map((field) => `stamps.${field}`),
  ];
}

describe('refusal messages', () => {
  it.each(LANGUAGES)('every refusal code says what is wrong and what to do (%s)', (lang) => {
    const codes = [...BUNDLE_ERROR_CODES, ...IMPORT_REFUSAL_CODES];
    const seen = new Set<string>();
    for (const code of codes) {
      const message = refusalMessage(refusal(code), t[lang]!);
      expectReadable(message);
      expect(message, code).not.toContain(code);
      // "Not imported:", then what is wrong, then what to do: three sentences at least.
      expect(message.split(/[.!?:](?:\s|$)/).filter((part) => part.trim().length > 3).length, `${lang} ${code}: ${message}`).toBeGreaterThanOrEqual(3);
      seen.add(message);
    }
    expect(seen.size).toBe(codes.length);
  });

  it('says the brief’s case in words: a henkilötunnus in an anonymous request, the field as the form calls it, what the sender must do', () => {
    const found: ImportRefusal = refusal('invalid-record', { type: 'consultation', index: 0, field: 'question', problem: encodeMessage(GUARD_MESSAGE_KEYS.henkilotunnusAnonymous, { position: 12 }), request: true });
    expect(refusalMessage(found, t.fi!)).toBe(
      'Tiedostoa ei tuotu, eikä mitään muutettu: Pyynnössä 1 on henkilötunnus kentässä ”Kysymys asiantuntijoille” (merkki 12). Anonyymiin pyyntöön ei saa kirjata henkilötunnusta. Pyydä lähettäjää poistamaan tunniste ja lähettämään tiedosto uudelleen.',
    );
    expect(refusalMessage(found, t.sv!)).toBe(
      'Filen importerades inte och inget ändrades: I begäran 1 finns en personbeteckning i fältet ”Fråga till experterna” (tecken 12). En anonym begäran får inte innehålla en personbeteckning. Be avsändaren ta bort identifieringsuppgiften och skicka filen på nytt.',
    );
    expect(refusalMessage(found, t.en!)).toBe(
      'The file was not imported and nothing changed: In request 1, the field “Question to the experts” contains a personal identity code (henkilötunnus) (character 12). An anonymous request must not contain a personal identity code. Ask the sender to remove the identifier and send the file again.',
    );
  });

  it.each(LANGUAGES)('names every kind of identifier the guard finds, in words (%s)', (lang) => {
    const words = new Set<string>();
    for (const key of Object.values(GUARD_MESSAGE_KEYS)) {
      const message = refusalMessage(refusal('invalid-record', { type: 'consultation', index: 1, field: 'subject.servicesTriedNote', problem: encodeMessage(key, { position: 3 }), request: true }), t[lang]!);
      expectReadable(message, 'subject.servicesTriedNote');
      expect(message).toContain(t[lang]!('intake.servicesTriedNote'));
      words.add(message);
    }
    expect(words.size).toBe(Object.keys(GUARD_MESSAGE_KEYS).length);
  });

  it.each(LANGUAGES)('maps every field path of the consultation schema to the label the user sees, for every kind of refusal (%s)', (lang) => {
    const tr = t[lang]!;
    for (const path of consultationPaths()) {
      const label = fieldLabelOf('consultation', path);
      expect(label.kind, path).not.toBe('unknown');
      if (label.kind === 'unknown') continue;
      const words = tr(label.key);
      const details: Array<[ImportRefusal['code'], RefusalDetail]> = [
        ['invalid-record', { type: 'consultation', index: 2, field: path }],
        ['invalid-record', { type: 'consultation', index: 2, field: path, caseCode: 'OTK-2026-0042' }],
        ['invalid-record', { type: 'consultation', index: 0, field: path, problem: MSG.required, request: true }],
        ['out-of-scope', { type: 'consultation', index: 0, field: path, scope: 'network' }],
      ];
      for (const [code, detail] of details) {
        const message = refusalMessage(refusal(code, detail), tr);
        expectReadable(message, path);
        if (!(code === 'out-of-scope' && path === 'requester')) expect(message, `${lang} ${path}`).toContain(words);
        // Finnish never borrows an English member name: the key itself is nowhere as a word.
        const key = path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1)!;
        if (lang === 'fi') expect(message, path).not.toMatch(new RegExp(`\\b${key}\\b`, 'i'));
      }
    }
  });

  it.each(LANGUAGES)('names the record by its case code, its position or as a request, and a whole record type in words (%s)', (lang) => {
    const tr = t[lang]!;
    const coded = refusalMessage(refusal('invalid-record', { type: 'consultation', index: 4, field: 'question', caseCode: 'OTK-2026-0042' }), tr);
    expect(coded).toContain('OTK-2026-0042');
    expect(coded).toContain(tr('intake.question'));
    expect(refusalMessage(refusal('invalid-record', { type: 'meeting', index: 4, field: 'location', problem: MSG.tooLong }), tr)).toContain(tr('meetings.location'));
    expect(refusalMessage(refusal('invalid-record', { type: 'network', index: 0, field: 'stamps.note' }), tr)).toContain(tr('network.note'));
    expect(refusalMessage(refusal('unknown-case', { type: 'draft', index: 0, caseCode: 'OTK-2026-0007' }), tr)).toContain('OTK-2026-0007');
    for (const detail of [
      { type: 'audit', index: 9 },
      { type: 'draft', index: 0, field: 'recommendation', caseCode: 'OTK-2026-0001' },
      { type: 'network', index: 0, field: 'nonsenseMember' },
      { type: 'consultation', index: 0, field: 'stamps.nonsenseField' },
      { type: 'recommendation' },
      { type: 'x-unknown', index: 3 },
    ] satisfies RefusalDetail[]) {
      const message = refusalMessage(refusal('invalid-record', detail), tr);
      expectReadable(message, detail.field);
      expect(message).not.toMatch(/nonsense/i);
    }
    for (const type of ['audit', 'draft', 'meeting']) expectReadable(refusalMessage(refusal('out-of-scope', { type, scope: 'network' }), tr));
  });
});
