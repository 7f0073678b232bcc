import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUARD_MESSAGE_KEYS, guardRequest, scanText, type GuardInput } from '../../../../shared/privacy/identifier-guard';

const TODAY = new Date(2026, 5, 15);
const ALPHABET = '0123456789ABCDEFHJKLMNPRSTUVWXY';
function code(ddmmyy: string, sign: string, zzz: string): string {
  return `${ddmmyy}${sign}${zzz}${ALPHABET.charAt(Number(ddmmyy + zzz) % 31)}`;
}
/** A synthetic valid code whose check character is a digit, so it also looks like a phone number. */
const NUMERIC_CHECK = (() => {
  for (let zzz = 900; zzz <= 999; zzz++) {
    const value = code('010190', '-', String(zzz));
    if (/\d$/.test(value)) return value;
  }
  throw new Error('no numeric check character found');
})();

const kinds = (text: string) => scanText(text, TODAY).map((f) => [f.kind, text.slice(f.start, f.end)]);

describe('scanText', () => {
  it('finds every kind, in order of position, with masked excerpts', () => {
    const text =
      'Lapsi 131052-308T, s. 3.4.2012, asuu osoitteessa Mannerheimintie 12 B 5. ' +
      'Äidin puhelin 040 123 4567 ja sähköposti maija.meikalainen@example.fi.';
    const findings = scanText(text, TODAY);
    expect(findings.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['henkilotunnus', '131052-308T'],
      ['birth-date', '3.4.2012'],
      ['street-address', 'Mannerheimintie 12 B 5'],
      ['phone', '040 123 4567'],
      ['email', 'maija.meikalainen@example.fi'],
    ]);
    expect(findings.map((f) => f.excerpt)).toEqual([
      '######-###*',
      '#.#.####',
      '*************** ## * #',
      '### ### ####',
      '*****.***********@*******.**',
    ]);
  });

  it('never puts a letter or digit of the match into the excerpt', () => {
    const text = 'hetu 010594Y9032, puh +358 40 123 4567, posti björn.åberg@exempel.ax, Storgatan 3';
    for (const finding of scanText(text, TODAY)) {
      expect(finding.excerpt).toHaveLength(finding.end - finding.start);
      expect(finding.excerpt).not.toMatch(/[\p{L}\p{N}]/u);
    }
  });

  it('reports a henkilötunnus with a numeric check character only as a henkilötunnus, not as a phone number', () => {
    expect(kinds(`Tunnus ${NUMERIC_CHECK}.`)).toEqual([['henkilotunnus', NUMERIC_CHECK]]);
  });

  it('does not report a henkilötunnus look-alike as anything', () => {
    const wrong = NUMERIC_CHECK.slice(0, 10) + String((Number(NUMERIC_CHECK.charAt(10)) + 1) % 10);
    expect(kinds(`Tunnus ${wrong} ja 131052-308U.`)).toEqual([]);
  });

  it('reports digits inside an e-mail address only as the address', () => {
    expect(kinds('matti.0401234567@example.fi')).toEqual([['email', 'matti.0401234567@example.fi']]);
  });

  it.each([
    'Asia OTK-2026-0042 siirrettiin verkostolle.',
    'Vuonna 2025 aloitettu tuki jatkuu.',
    'Tapaaminen klo 13.30 Teamsissa.',
    'Perheessä on 3 lasta, joista 2 koulussa.',
    'Kuraattori 2 kertaa viikossa, hoitopolku 2 käynnissä.',
    'Lapsi 10–12-vuotias, erityistaso, tuki 1.1. alkaen.',
    'Barnet är 10–12 år, stöd sedan vecka 12.',
  ])('keeps false positives low: nothing in %j', (text) => {
    expect(scanText(text, TODAY)).toEqual([]);
  });

  it('finds codes in Finnish and Swedish sentences', () => {
    expect(kinds('Nuoren henkilötunnus on 010594Y9032 ja hän asuu Oulussa.')).toEqual([['henkilotunnus', '010594Y9032']]);
    expect(kinds('Ungdomens personbeteckning är 020516C903K, enligt mamma.')).toEqual([['henkilotunnus', '020516C903K']]);
  });

  it('returns nothing for empty text', () => {
    expect(scanText('', TODAY)).toEqual([]);
  });

  // Linear, not catastrophic: a backtracking blow-up on any of these would run for hours and hit the
  // test's timeout; no wall-clock comparison, so a busy machine cannot fail it.
  it('scans long adversarial text without catastrophic backtracking', { timeout: 120_000 }, () => {
    const texts = [
      '0'.repeat(100_000) + 'x',
      '1'.repeat(100_000),
      'a.'.repeat(50_000) + '@',
      'a@' + 'b.'.repeat(50_000) + '1',
      'Aaaa'.repeat(25_000) + 'katu',
      '040 '.repeat(25_000) + 'x',
      '1.1.'.repeat(25_000),
      '131052-308T '.repeat(5_000),
    ];
    for (const text of texts) expect(Array.isArray(scanText(text, TODAY))).toBe(true);
  });
});

describe('guardRequest', () => {
  const request = (consentMode: GuardInput['consentMode'], ...texts: string[]): GuardInput => ({
    consentMode,
    fields: texts.map((text, i) => ({ path: `field${i}`, text })),
  });

  it('blocks a henkilötunnus in an anonymous request, with its 1-based position', () => {
    expect(guardRequest(request('anonymous', 'Hetu 131052-308T.'), TODAY)).toEqual({
      blocking: [{ path: 'field0', kind: 'henkilotunnus', start: 5, end: 16, messageKey: 'guard.henkilotunnusAnonymous', params: { position: 6 } }],
      warnings: [],
    });
  });

  it.each(['consented', 'statutory'] as const)('only warns about a henkilötunnus in a %s request', (mode) => {
    expect(guardRequest(request(mode, '131052-308T'), TODAY)).toEqual({
      blocking: [],
      warnings: [{ path: 'field0', kind: 'henkilotunnus', start: 0, end: 11, messageKey: 'guard.henkilotunnusConsented', params: { position: 1 } }],
    });
  });

  const contact = 'Puh 040 123 4567, maija@example.fi, s. 3.4.2012, Storgatan 3.';

  it('warns about phone, e-mail, birth date and street address in an anonymous request', () => {
    const { blocking, warnings } = guardRequest(request('anonymous', contact), TODAY);
    expect(blocking).toEqual([]);
    expect(warnings.map((w) => [w.kind, w.messageKey, w.params])).toEqual([
      ['phone', 'guard.phone', { position: 5 }],
      ['email', 'guard.email', { position: 19 }],
      ['birth-date', 'guard.birthDate', { position: 40 }],
      ['street-address', 'guard.streetAddress', { position: 50 }],
    ]);
    for (const w of warnings) expect(w.params.position).toBe(w.start + 1);
  });

  it.each(['consented', 'statutory'] as const)('does not report contact details in a %s request', (mode) => {
    expect(guardRequest(request(mode, contact), TODAY)).toEqual({ blocking: [], warnings: [] });
  });

  it('reports per field, in field order, with the field path', () => {
    const result = guardRequest(
      {
        consentMode: 'anonymous',
        fields: [
          { path: 'question', text: 'Ei tunnisteita.' },
          { path: 'background', text: 'Puh 0401234567, hetu 010594Y9032.' },
          { path: 'servicesTried', text: '020516C903K' },
        ],
      },
      TODAY,
    );
    expect(result.blocking.map((i) => [i.path, i.start, i.params.position])).toEqual([
      ['background', 21, 22],
      ['servicesTried', 0, 1],
    ]);
    expect(result.warnings.map((i) => [i.path, i.kind])).toEqual([['background', 'phone']]);
  });

  it('counts the position in characters (code points), not UTF-16 units', () => {
    const text = '😀👪 131052-308T';
    const [issue] = guardRequest(request('anonymous', text), TODAY).blocking;
    expect(issue).toMatchObject({ start: 5, end: 16, params: { position: 4 } });
  });

  it('returns no issues for no fields', () => {
    expect(guardRequest({ consentMode: 'anonymous', fields: [] }, TODAY)).toEqual({ blocking: [], warnings: [] });
  });
});

describe('message keys', () => {
  const source = readFileSync(new URL('../../../../shared/privacy/identifier-guard.ts', import.meta.url), 'utf8');
  const header = source.slice(0, source.indexOf('*/'));

  it.each(Object.values(GUARD_MESSAGE_KEYS))('documents %s with fi, sv and en texts that carry {{position}}', (key) => {
    const block = header.slice(header.indexOf(` *   ${key}\n`));
    expect(block.length).toBeLessThan(header.length);
    const lines = block.split('\n').slice(1, 4);
    expect(lines.map((line) => /^ \* +(fi|sv|en): \S/.exec(line)?.[1])).toEqual(['fi', 'sv', 'en']);
    for (const line of lines) expect(line).toContain('{{position}}');
  });

  it('uses only documented keys', () => {
    const documented = [...header.matchAll(/^ \* {3}(guard\.\w+)$/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.values(GUARD_MESSAGE_KEYS).sort());
  });
});
