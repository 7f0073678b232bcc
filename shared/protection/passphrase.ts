import { z } from 'zod';
import { MSG } from '../domain/validation';
import { COMMON_PASSPHRASES } from './common-passphrases';
import { PROTECTION_MSG } from './messages';

/**
 * Profile passphrase rules a human can follow: length over complexity. A passphrase is refused
 * only for things a person can see and fix —
 *  - fewer than 12 characters (Unicode code points, after NFC);
 *  - one of the common passwords or phrases (./common-passphrases), ignoring case, diacritics,
 *    spaces and separators, digits and symbols around it, and l33t spelling ('P@ssw0rd2024!');
 *    an entry with only digits or symbols before or after it ('123456' + '7890!') counts too;
 *  - trivially repetitive: one piece over and over ('aaaaaaaaaaaa', 'kissa kissa kissa') or fewer
 *    than 5 different characters;
 *  - one keyboard or alphabet run ('123456789012', 'abcdefghijkl', 'qwertyuiopas').
 * No rules about upper case, digits or symbols.
 *
 * The strength meter is a simple, documented estimate (an upper bound, not a proof):
 *   entropyBits = counted characters × log2(pool) + 8 bits per common word,
 * where `pool` is the sum of the sizes of the character classes present (a–z 26, A–Z 26, digits
 * 10, space 1, ASCII symbols 32, other letters such as å ä ö 30, anything else 100), and every
 * character counts once except: the rest of a run of three or more identical characters, the
 * rest of a run of four or more sequential ones (abcd, 4321, qwer), a character that continues a
 * three-character piece seen earlier, and the letters of a common word (which count 8 bits as a
 * whole, ≈ log2 of the list size). Score: 0 refused, 1 under 45 bits, 2 under 60, 3 under 80,
 * 4 from 80 — so three or four ordinary words reach 4, and twelve letters a–z stay at 2.
 */

export const MIN_PROFILE_PASSPHRASE = 12;
export const MAX_PROFILE_PASSPHRASE = 500;
/** Fewer different characters than this (case and diacritics folded) is "repetitive". */
export const MIN_DISTINCT_CHARACTERS = 5;
/** What one common word adds: about log2 of the size of the common list. */
export const COMMON_WORD_BITS = 8;
/** A run of this many sequential characters inside a passphrase is penalised ('abcd', '4321'). */
export const MIN_SEQUENCE_RUN = 4;
/** Lower bounds of scores 2, 3 and 4 (score 1 is anything acceptable below the first). */
export const SCORE_THRESHOLDS = [45, 60, 80] as const;

export type PassphraseRefusal =
  | typeof PROTECTION_MSG.passphraseTooShort
  | typeof PROTECTION_MSG.passphraseCommon
  | typeof PROTECTION_MSG.passphraseRepetitive
  | typeof PROTECTION_MSG.passphraseSequence;

export interface PassphraseStrength {
  /** 0 = refused, 1 weak … 4 strong. */
  score: 0 | 1 | 2 | 3 | 4;
  /** i18n keys: refusals first, then hints on how to make it stronger. Empty when nothing to say. */
  reasons: string[];
  /** The estimate above, rounded to one decimal. */
  entropyBits: number;
  /** False when a rule refuses the passphrase (score 0). */
  acceptable: boolean;
}

const SEPARATOR = /^[\s\-_.,;:'"·]$/u;

/** One character, lower case and without diacritics (ä → a), always exactly one code point. */
function foldChar(c: string): string {
  const lower = c.toLowerCase();
  const bare = lower.normalize('NFKD').replace(/\p{M}/gu, '');
  if ([...bare].length === 1) return bare;
  return [...lower].length === 1 ? lower : c;
}

/** Code points of the passphrase as typed (NFC). */
function codePoints(text: string): string[] {
  return [...text.normalize('NFC')];
}

/** Folded characters without whitespace and separators, each with its index among the code points. */
function compactOf(chars: readonly string[]): { chars: string[]; at: number[] } {
  const out: string[] = [];
  const at: number[] = [];
  chars.forEach((c, index) => {
    if (SEPARATOR.test(c)) return;
    out.push(foldChar(c));
    at.push(index);
  });
  return { chars: out, at };
}

function fold(text: string): string {
  return compactOf(codePoints(text)).chars.join('');
}

const COMMON_SET: ReadonlySet<string> = new Set(COMMON_PASSPHRASES.map(fold).filter((entry) => entry !== ''));
/** Common entries long enough to look for inside a passphrase, longest first. */
const COMMON_WORDS: readonly string[][] = [...COMMON_SET]
  .filter((entry) => [...entry].length >= 4)
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  .map((entry) => [...entry]);

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '€': 'e', l: 'i' };

/**
 * A loose reading for l33t spelling: digits and symbols read as the letters they stand for, and
 * since '1' may be 'i' or 'l', every 'l' reads as 'i' too ('l3tm31npl3as3' → 'ietmeinpiease').
 */
function loose(text: string): string {
  return [...text].map((c) => LEET[c] ?? c).join('');
}

const LOOSE_SET: ReadonlySet<string> = new Set([...COMMON_SET].map(loose));
const COMMON_ENTRIES: readonly string[] = [...COMMON_SET];

/** Without the digits and symbols around it ('!!salasana2024!' → 'salasana'). */
function stripAffixes(chars: readonly string[]): string[] {
  let start = 0;
  let end = chars.length;
  while (start < end && !/\p{L}/u.test(chars[start]!)) start++;
  while (end > start && !/\p{L}/u.test(chars[end - 1]!)) end--;
  return chars.slice(start, end);
}

interface Sequence {
  chars: string;
  cyclic: boolean;
}

/** Runs people type without thinking: digits, the alphabet, keyboard rows and columns. */
const SEQUENCES: readonly Sequence[] = [
  { chars: '0123456789', cyclic: true },
  { chars: 'abcdefghijklmnopqrstuvwxyz', cyclic: true },
  { chars: 'qwertyuiopasdfghjklzxcvbnm', cyclic: false },
  { chars: '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', cyclic: false },
];

/** +1 or -1 when `b` follows or precedes `a` in the sequence, otherwise 0. */
function step(sequence: Sequence, a: string, b: string): number {
  const from = sequence.chars.indexOf(a);
  const to = sequence.chars.indexOf(b);
  if (from < 0 || to < 0 || a.length !== 1 || b.length !== 1) return 0;
  const n = sequence.chars.length;
  const diff = sequence.cyclic ? (to - from + n) % n : to - from;
  if (diff === 1) return 1;
  if (diff === -1 || (sequence.cyclic && diff === n - 1)) return -1;
  return 0;
}

/** True when all of `chars` (three or more) is one run through one sequence, in one direction. */
function isSequenceRun(chars: readonly string[]): boolean {
  if (chars.length < 3) return false;
  return SEQUENCES.some((sequence) => {
    const direction = step(sequence, chars[0]!, chars[1]!);
    if (direction === 0) return false;
    for (let i = 2; i < chars.length; i++) if (step(sequence, chars[i - 1]!, chars[i]!) !== direction) return false;
    return true;
  });
}

/** True when `chars` is one piece repeated two or more times. */
function isRepetition(chars: readonly string[]): boolean {
  const n = chars.length;
  for (let unit = 1; unit <= n / 2; unit++) {
    if (n % unit !== 0) continue;
    let same = true;
    for (let i = unit; i < n && same; i++) same = chars[i] === chars[i % unit];
    if (same) return true;
  }
  return false;
}

/** The rules a passphrase breaks (i18n keys, most basic first); [] when it may be used. */
export function passphraseProblems(passphrase: string): PassphraseRefusal[] {
  const chars = codePoints(passphrase);
  const problems: PassphraseRefusal[] = [];
  if (chars.length < MIN_PROFILE_PASSPHRASE) problems.push(PROTECTION_MSG.passphraseTooShort);
  const compact = compactOf(chars).chars;
  const core = stripAffixes(compact);
  const exact = [compact.join(''), core.join('')].filter((form) => form !== '');
  const noLetters = (text: string) => !/\p{L}/u.test(text);
  // An entry with only digits or symbols before or after it ('123456' + '2024!', '1q2w3e4r' + '2024').
  const whole = compact.join('');
  const affixed = COMMON_ENTRIES.some(
    (entry) => (whole.startsWith(entry) && noLetters(whole.slice(entry.length))) || (whole.endsWith(entry) && noLetters(whole.slice(0, whole.length - entry.length))),
  );
  if (affixed || exact.some((form) => COMMON_SET.has(form) || LOOSE_SET.has(loose(form)))) problems.push(PROTECTION_MSG.passphraseCommon);
  const meaningful = (part: readonly string[]) => part.length >= 6 || part === compact;
  const parts = [compact, core].filter(meaningful);
  if (new Set(compact).size < MIN_DISTINCT_CHARACTERS || parts.some((part) => part.length > 0 && isRepetition(part))) {
    problems.push(PROTECTION_MSG.passphraseRepetitive);
  } else if (parts.some(isSequenceRun)) {
    problems.push(PROTECTION_MSG.passphraseSequence);
  }
  return problems;
}

/** True when no rule refuses the passphrase. */
export function isAcceptablePassphrase(passphrase: string): boolean {
  return passphraseProblems(passphrase).length === 0;
}

const CHARACTER_CLASSES: ReadonlyArray<{ test: RegExp; size: number }> = [
  { test: /[a-z]/, size: 26 },
  { test: /[A-Z]/, size: 26 },
  { test: /[0-9]/, size: 10 },
  { test: /\s/u, size: 1 },
  { test: /[!-/:-@[-`{-~]/, size: 32 },
  { test: /[^\p{ASCII}]/u, size: 30 },
];

/** Sum of the sizes of the character classes present; non-ASCII non-letters count as 100. */
function poolSize(chars: readonly string[]): number {
  let pool = 0;
  const otherLetters = CHARACTER_CLASSES[5]!;
  for (const cls of CHARACTER_CLASSES.slice(0, 5)) if (chars.some((c) => cls.test.test(c))) pool += cls.size;
  if (chars.some((c) => otherLetters.test.test(c) && /\p{L}/u.test(c))) pool += otherLetters.size;
  if (chars.some((c) => otherLetters.test.test(c) && !/\p{L}/u.test(c))) pool += 100;
  return Math.max(pool, 1);
}

interface Penalties {
  weights: number[];
  words: number;
  repeats: boolean;
  sequences: boolean;
}

/** Which characters count (weight 1) and which are free (0), and the common words found. */
function penalties(chars: readonly string[]): Penalties {
  const weights = chars.map(() => 1);
  const folded = chars.map(foldChar);
  let repeats = false;
  let sequences = false;
  // The rest of a run of three or more identical characters.
  for (let start = 0; start < folded.length; ) {
    let end = start + 1;
    while (end < folded.length && folded[end] === folded[start]) end++;
    if (end - start >= 3) {
      repeats = true;
      for (let i = start + 1; i < end; i++) weights[i] = 0;
    }
    start = end;
  }
  const { chars: compact, at } = compactOf(chars);
  const free = (compactIndex: number) => {
    weights[at[compactIndex]!] = 0;
  };
  // The rest of a run of four or more sequential characters (three occur in ordinary words: 'nop').
  for (const sequence of SEQUENCES) {
    for (const direction of [1, -1]) {
      let start = 0;
      for (let i = 1; i <= compact.length; i++) {
        if (i < compact.length && step(sequence, compact[i - 1]!, compact[i]!) === direction) continue;
        if (i - start >= MIN_SEQUENCE_RUN) {
          sequences = true;
          for (let k = start + 1; k < i; k++) free(k);
        }
        start = i;
      }
    }
  }
  // A character that continues a three-character piece seen earlier (not overlapping).
  const firstSeen = new Map<string, number>();
  for (let i = 0; i + 3 <= compact.length; i++) {
    const piece = compact.slice(i, i + 3).join('\u0000');
    const first = firstSeen.get(piece);
    if (first === undefined) firstSeen.set(piece, i);
    else if (first + 3 <= i) {
      repeats = true;
      free(i + 1);
      free(i + 2);
    }
  }
  // Common words: longest first, not overlapping; their letters are free, each word is 8 bits.
  let words = 0;
  const taken = compact.map(() => false);
  for (const word of COMMON_WORDS) {
    for (let i = 0; i + word.length <= compact.length; i++) {
      let match = true;
      for (let k = 0; k < word.length && match; k++) match = !taken[i + k] && compact[i + k] === word[k];
      if (!match) continue;
      words++;
      for (let k = 0; k < word.length; k++) {
        taken[i + k] = true;
        free(i + k);
      }
      i += word.length - 1;
    }
  }
  return { weights, words, repeats, sequences };
}

/** The strength meter (see the module comment for the estimate). */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const chars = codePoints(passphrase);
  const problems = passphraseProblems(passphrase);
  const { weights, words, repeats, sequences } = penalties(chars);
  const counted = weights.reduce((sum, w) => sum + w, 0);
  const bits = chars.length === 0 ? 0 : counted * Math.log2(poolSize(chars)) + words * COMMON_WORD_BITS;
  const entropyBits = Math.round(bits * 10) / 10;
  const acceptable = problems.length === 0;
  const [two, three, four] = SCORE_THRESHOLDS;
  const score = !acceptable ? 0 : entropyBits < two ? 1 : entropyBits < three ? 2 : entropyBits < four ? 3 : 4;
  const reasons: string[] = [...problems];
  if (words > 0 && !problems.includes(PROTECTION_MSG.passphraseCommon)) reasons.push(PROTECTION_MSG.hintCommonWord);
  if (repeats && !problems.includes(PROTECTION_MSG.passphraseRepetitive)) reasons.push(PROTECTION_MSG.hintRepeats);
  if (sequences && !problems.includes(PROTECTION_MSG.passphraseSequence)) reasons.push(PROTECTION_MSG.hintSequence);
  if (acceptable && score < 3) reasons.push(PROTECTION_MSG.hintLonger);
  return { score, reasons, entropyBits, acceptable };
}

/**
 * Setting up a profile passphrase: typed twice. Not trimmed — the passphrase is used exactly as
 * typed (NFC), so what opens the key is what was set.
 */
export const profilePassphraseSchema = z
  .object({
    passphrase: z
      .string({ error: MSG.required })
      .min(1, MSG.required)
      .max(MAX_PROFILE_PASSPHRASE, MSG.tooLong)
      .superRefine((value, ctx) => {
        const [problem] = passphraseProblems(value);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      }),
    confirm: z.string({ error: MSG.required }),
  })
  .refine((value) => value.passphrase === value.confirm, { path: ['confirm'], message: PROTECTION_MSG.passphraseMismatch });

export type ProfilePassphraseInput = z.input<typeof profilePassphraseSchema>;
