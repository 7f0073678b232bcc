import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bridgeContract, MAX_FILE_BYTES, pdfFileName, safeFileName } from '../../../../shared/bridge/contract';
import en from '../../../../renderer/src/i18n/locales/en.json';
import fi from '../../../../renderer/src/i18n/locales/fi.json';
import sv from '../../../../renderer/src/i18n/locales/sv.json';

describe('safeFileName', () => {
  it('accepts every name the renderer suggests, in each language', () => {
    const names = [fi, sv, en].flatMap((catalogue) => [
      `${catalogue.audit.fileName}-2026-11-23.jsonl`,
      `${catalogue.meetings.agendaFile}-2026-11-23.pdf`,
      `${catalogue.meetings.icsFile}-2026-11-23.ics`,
      `${catalogue.letter.file}-OTK-2026-0042.pdf`,
      `${catalogue.summary.filePrefix}-2026-01-01-2026-03-31.csv`,
      `${catalogue.summary.filePrefix}-2026-11.json`,
      `${catalogue.summary.filePrefix}.pdf`,
    ]);
    names.push('otk-network-2026-11-23-a1b2c3.otk');
    for (const name of names) expect(safeFileName.safeParse(name).success, name).toBe(true);
  });

  it('accepts letters of any script, digits and space . - _ ( ) ,', () => {
    for (const name of ['Yhteenveto (kevät 2026), versio_2.csv', 'Sammanställning för Åland.pdf', 'Σύνοψη-2026.json', 'отчёт.pdf', '報告.pdf']) {
      expect(safeFileName.safeParse(name).success, name).toBe(true);
    }
  });

  it('normalises to NFC, so a decomposed ä is the letter it looks like', () => {
    expect(safeFileName.parse('kev\u0061\u0308t.pdf')).toBe('kev\u00e4t.pdf');
  });

  it.each([
    ['right-to-left override faking an extension', 'raportti\u202Efdp.exe'],
    ['left-to-right override', 'a\u202Db.pdf'],
    ['right-to-left isolate', 'a\u2067b\u2069.pdf'],
    ['right-to-left mark', 'a\u200Fb.pdf'],
    ['zero-width space', 'a\u200Bb.pdf'],
    ['zero-width joiner', 'a\u200Db.pdf'],
    ['soft hyphen', 'a\u00ADb.pdf'],
    ['byte order mark', '\uFEFFa.pdf'],
    ['a combining mark with no letter to join', '\u0308.pdf'],
    ['fullwidth solidus (looks like a path)', 'a\uFF0Fb.pdf'],
    ['division slash', 'a\u2215b.pdf'],
    ['no-break space', 'a\u00A0b.pdf'],
    ['an emoji', 'a\u{1F600}.pdf'],
    ['slash', 'dir/a.pdf'],
    ['backslash', 'dir\\a.pdf'],
    ['colon (drive letter, NTFS stream)', 'a.pdf:stream'],
    ['newline', 'a\nb.pdf'],
    ['tab', 'a\tb.pdf'],
    ['NUL', 'a\u0000.pdf'],
    ['DEL', 'a\u007F.pdf'],
    ['quote', 'a".pdf'],
    ['asterisk', 'a*.pdf'],
    ['semicolon', 'a;b.pdf'],
    ['a leading dot (hidden file)', '.bashrc'],
    ['a leading space', ' a.pdf'],
    ['a trailing dot (Windows drops it)', 'a.pdf.'],
    ['a trailing space', 'a.pdf '],
    ['dot', '.'],
    ['dot-dot', '..'],
    ['empty', ''],
    ['the console device on Windows', 'CON.pdf'],
    ['a serial port on Windows', 'com1'],
    ['201 characters', `${'a'.repeat(197)}.pdf`],
  ])('refuses %s', (_name, name) => {
    expect(safeFileName.safeParse(name).success).toBe(false);
  });

  it('refuses any name holding a format, control, private-use or unassigned character', () => {
    const bad = fc.constantFrom(0x202e, 0x2066, 0x200e, 0x061c, 0x0000, 0x001b, 0x0085, 0xe000, 0xfff9, 0x0378);
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), bad, fc.string({ maxLength: 20 }), (before, code, after) => {
        expect(safeFileName.safeParse(`${before}${String.fromCodePoint(code)}${after}.pdf`).success).toBe(false);
      }),
    );
  });

  it('a PDF name is a safe name ending in .pdf', () => {
    expect(pdfFileName.safeParse('OTK-2026-0042.PDF').success).toBe(true);
    expect(pdfFileName.safeParse('raportti\u202Efdp.exe').success).toBe(false);
    expect(pdfFileName.safeParse('.pdf').success).toBe(false);
  });
});

describe('saveFile arguments', () => {
  /** A Uint8Array that says it is larger than it is: no need to allocate 256 MiB to test the bound. */
  class Claimed extends Uint8Array {
    constructor(private readonly claimed: number) {
      super(1);
    }
    override get byteLength(): number {
      return this.claimed;
    }
  }

  it(`refuses bytes over MAX_FILE_BYTES (${MAX_FILE_BYTES / 1024 / 1024} MiB), takes them up to it`, () => {
    const args = (bytes: Uint8Array) => bridgeContract.saveFile.args.safeParse({ suggestedName: 'a.otk', bytes }).success;
    expect(args(new Claimed(MAX_FILE_BYTES))).toBe(true);
    expect(args(new Claimed(MAX_FILE_BYTES + 1))).toBe(false);
  });
});
