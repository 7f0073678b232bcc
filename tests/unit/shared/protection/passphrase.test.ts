import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COMMON_WORD_BITS,
  MAX_PROFILE_PASSPHRASE,
  MIN_PROFILE_PASSPHRASE,
  isAcceptablePassphrase,
  passphraseProblems,
  passphraseStrength,
  profilePassphraseSchema,
} from '../../../../shared/protection/passphrase';
import { PROTECTION_MSG } from '../../../../shared/protection/messages';
import { COMMON_PASSPHRASES } from '../../../../shared/protection/common-passphrases';
import { MSG } from '../../../../shared/domain/validation';

const issues = (input: unknown) => {
  const result = profilePassphraseSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

const KNOWN_REASONS: ReadonlySet<string> = new Set(Object.values(PROTECTION_MSG).filter((key) => key.startsWith('protection.passphrase.') && key !== PROTECTION_MSG.passphraseMismatch));

describe('profile passphrase rules', () => {
  it('needs 12 characters, counted as characters (not UTF-16 units)', () => {
    expect(MIN_PROFILE_PASSPHRASE).toBe(12);
    expect(passphraseProblems('lumi ja jää')).toContain(PROTECTION_MSG.passphraseTooShort);
    expect(passphraseProblems('sininen jää!')).not.toContain(PROTECTION_MSG.passphraseTooShort);
    // Eleven emoji are 22 UTF-16 units but 11 characters.
    expect(passphraseProblems('🍓🍒🍇🍉🍊🍋🍌🍍🥭🍎🍏')).toContain(PROTECTION_MSG.passphraseTooShort);
    // A decomposed ä counts once (NFC).
    expect(passphraseProblems('sininen ja\u0308a\u0308')).toContain(PROTECTION_MSG.passphraseTooShort);
  });

  it.each([
    'password1234',
    'Password1234!',
    'P@ssw0rd2024',
    'Salasana2024!',
    'salasana 12345',
    '!!SALASANA!!2024',
    'Hyvää päivää!!',
    'hyvaa paivaa 12',
    'HYVÄÄ-PÄIVÄÄ-2025',
    'correct horse battery staple',
    'Correct-Horse-Battery-Staple',
    'Jag älskar dig 123',
    'mitt lösenord 2024',
    'iloveyou1234',
    'tämä on salasana',
    'minä rakastan sinua',
    'joulupukki 2024',
    'l3tm31np13as3',
  ])('refuses the common passphrase %j', (passphrase) => {
    expect(passphraseProblems(passphrase)).toContain(PROTECTION_MSG.passphraseCommon);
    expect(isAcceptablePassphrase(passphrase)).toBe(false);
  });

  it.each(['aaaaaaaaaaaa', '111111111111', 'abababababab', 'kissa kissa kissa', 'aaaa bbbb cccc', 'xyzxyzxyzxyz', 'metsämetsämetsä', 'tupla tupla 2024', '            '])(
    'refuses the repetitive passphrase %j',
    (passphrase) => {
      expect(passphraseProblems(passphrase)).toContain(PROTECTION_MSG.passphraseRepetitive);
    },
  );

  it.each(['123456789012', '098765432109', 'abcdefghijklmnop', 'zyxwvutsrqpo', 'qwertyuiopas', 'QWERTYUIOPASDF', '1qaz2wsx3edc4rfv', '2345678901234'])(
    'refuses the keyboard or alphabet run %j',
    (passphrase) => {
      expect(passphraseProblems(passphrase)).toContain(PROTECTION_MSG.passphraseSequence);
    },
  );

  it.each(['kolme sanaa riittää', 'oli kerran pieni kissa', 'Mökkitie 7 ja sininen vene', 'hevonen juoksee nopeasti', 'Xk9#mP2$vL7q', '847291038571', 'tuulimyllyja', 'Solen går ner vid Åbo slott'])(
    'takes the passphrase %j',
    (passphrase) => {
      expect(passphraseProblems(passphrase)).toEqual([]);
      expect(issues({ passphrase, confirm: passphrase })).toEqual([]);
    },
  );

  it('every entry of the common list is refused as it is, with digits after it', () => {
    for (const entry of COMMON_PASSPHRASES) {
      const padded = entry.length >= MIN_PROFILE_PASSPHRASE ? entry : `${entry}${'2024!'.repeat(3)}`.slice(0, Math.max(MIN_PROFILE_PASSPHRASE, entry.length + 4));
      expect(isAcceptablePassphrase(padded), padded).toBe(false);
    }
    expect(COMMON_PASSPHRASES.length).toBeGreaterThanOrEqual(200);
  });
});

describe('strength meter', () => {
  it('scores refused passphrases 0 and says why', () => {
    const short = passphraseStrength('lyhyt');
    expect(short).toMatchObject({ score: 0, acceptable: false });
    expect(short.reasons[0]).toBe(PROTECTION_MSG.passphraseTooShort);
    expect(passphraseStrength('Salasana2024!').reasons).toContain(PROTECTION_MSG.passphraseCommon);
    expect(passphraseStrength('').entropyBits).toBe(0);
  });

  it('counts character classes × length (documented estimate)', () => {
    // a–z (26) + space (1) + other letters (30): 19 characters, no penalties.
    expect(passphraseStrength('kolme sanaa riittää').entropyBits).toBeCloseTo(19 * Math.log2(57), 1);
    // 12 letters a–z: 12 × log2 26 ≈ 56 bits → score 2, with the hint to add a word.
    const twelve = passphraseStrength('tuulimyllyja');
    expect(twelve.entropyBits).toBeCloseTo(12 * Math.log2(26), 1);
    expect(twelve.score).toBe(2);
    expect(twelve.reasons).toEqual([PROTECTION_MSG.hintLonger]);
    // 12 digits ≈ 40 bits → score 1.
    expect(passphraseStrength('847291038571').score).toBe(1);
    // All classes, 12 characters: (26 + 26 + 10 + 32) → ≈ 78.7 bits → 3.
    expect(passphraseStrength('Xk9#mP2$vL7q').score).toBe(3);
  });

  it('rewards length over complexity: a few ordinary words reach 4', () => {
    expect(passphraseStrength('hevonen juoksee nopeasti').score).toBe(4);
    expect(passphraseStrength('Mökkitie 7 ja sininen vene').score).toBe(4);
    expect(passphraseStrength('hevonen juoksee').score).toBeLessThan(4);
  });

  it('a common word counts as one 8-bit piece and is named in the hints', () => {
    const withWord = passphraseStrength('oli kerran pieni kissa');
    expect(withWord.reasons).toContain(PROTECTION_MSG.hintCommonWord);
    const without = passphraseStrength('oli kerran pieni vksxt');
    expect(without.entropyBits - withWord.entropyBits).toBeGreaterThan(5 * Math.log2(27) - COMMON_WORD_BITS - 0.1);
  });

  it('penalises runs of repeats, sequences and repeated pieces', () => {
    expect(passphraseStrength('ahvenanmaa kesällä 7777').entropyBits).toBeLessThan(passphraseStrength('ahvenanmaa kesällä 7392').entropyBits);
    expect(passphraseStrength('ahvenanmaa kesällä 7777').reasons).toContain(PROTECTION_MSG.hintRepeats);
    expect(passphraseStrength('ahvenanmaa kesällä 1234').entropyBits).toBeLessThan(passphraseStrength('ahvenanmaa kesällä 8152').entropyBits);
    expect(passphraseStrength('ahvenanmaa kesällä 1234').reasons).toContain(PROTECTION_MSG.hintSequence);
    expect(passphraseStrength('porkkana ja porkkana').entropyBits).toBeLessThan(passphraseStrength('porkkana ja pyöräily').entropyBits);
  });

  it('property: score 0 exactly when refused; reasons are known keys; deterministic; bits ≥ 0', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäö ABC0123456789!@#-'.split('')) }), (passphrase) => {
        const strength = passphraseStrength(passphrase);
        expect(strength.acceptable).toBe(isAcceptablePassphrase(passphrase));
        expect(strength.score === 0).toBe(!strength.acceptable);
        expect(strength.entropyBits).toBeGreaterThanOrEqual(0);
        for (const reason of strength.reasons) expect(KNOWN_REASONS.has(reason), reason).toBe(true);
        expect(passphraseStrength(passphrase)).toEqual(strength);
      }),
    );
  });

  it('property: anything under 12 characters is refused, too short first', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MIN_PROFILE_PASSPHRASE - 1, unit: 'grapheme-ascii' }), (passphrase) => {
        expect(passphraseProblems(passphrase)[0]).toBe(PROTECTION_MSG.passphraseTooShort);
      }),
    );
  });

  it('property: appending an unrelated word to an acceptable passphrase never lowers the estimate', () => {
    fc.assert(
      fc.property(fc.constantFrom('kolme sanaa riittää', 'hevonen juoksee nopeasti', 'Xk9#mP2$vL7q'), fc.constantFrom(' vksxt', ' 8152', ' Qzrp'), (passphrase, tail) => {
        expect(passphraseStrength(passphrase + tail).entropyBits).toBeGreaterThanOrEqual(passphraseStrength(passphrase).entropyBits);
      }),
    );
  });
});

describe('set-up schema', () => {
  it('refuses a weak passphrase on the passphrase field with the first rule it breaks', () => {
    expect(issues({ passphrase: 'lyhyt', confirm: 'lyhyt' })).toEqual([['passphrase', PROTECTION_MSG.passphraseTooShort]]);
    expect(issues({ passphrase: 'Salasana2024!', confirm: 'Salasana2024!' })).toEqual([['passphrase', PROTECTION_MSG.passphraseCommon]]);
    expect(issues({ passphrase: 'aaaaaaaaaaaa', confirm: 'aaaaaaaaaaaa' })).toEqual([['passphrase', PROTECTION_MSG.passphraseRepetitive]]);
    expect(issues({ passphrase: 'abcdefghijklmn', confirm: 'abcdefghijklmn' })).toEqual([['passphrase', PROTECTION_MSG.passphraseSequence]]);
  });

  it('refuses a mismatch on the confirm field, an empty or missing one as required, and a huge one as too long', () => {
    expect(issues({ passphrase: 'kolme sanaa riittää', confirm: 'kolme sanaa riittaa' })).toEqual([['confirm', PROTECTION_MSG.passphraseMismatch]]);
    expect(issues({ passphrase: '', confirm: '' })[0]).toEqual(['passphrase', MSG.required]);
    expect(issues({ confirm: '' })[0]).toEqual(['passphrase', MSG.required]);
    const huge = 'kolme sanaa riittää '.repeat(30).slice(0, MAX_PROFILE_PASSPHRASE + 1);
    expect(issues({ passphrase: huge, confirm: huge })[0]).toEqual(['passphrase', MSG.tooLong]);
  });

  it('does not trim: the passphrase is used exactly as typed', () => {
    const result = profilePassphraseSchema.parse({ passphrase: ' kolme sanaa riittää ', confirm: ' kolme sanaa riittää ' });
    expect(result.passphrase).toBe(' kolme sanaa riittää ');
  });

  it('property: the schema agrees with the rules', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom(...'aeiknrstuäö 1234!'.split('')) }), (passphrase) => {
        expect(issues({ passphrase, confirm: passphrase }).length === 0).toBe(isAcceptablePassphrase(passphrase));
      }),
    );
  });
});
