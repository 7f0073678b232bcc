import { ProtectionError } from './errors';

/**
 * The recovery key: 160 random bits a coordinator writes down (or prints) once at set-up, and the
 * only way back in when the passphrase is forgotten.
 *
 * Written as 8 groups of 5 characters, `7KQ2M-0HX4T-…`: each group is 4 characters of Crockford
 * base32 (0-9 and A-Z without I, L, O, U: 20 bits) and 1 check character. The check is Luhn mod 32
 * over the group's position and its 4 characters, so it catches every single mistyped character,
 * most swaps of neighbours, and a group typed in the wrong place — and names the group
 * (`ProtectionError('recovery-key-typo', …, { group })`), so the person knows where to look.
 *
 * Reading is forgiving where it is safe: case, spaces and dashes do not matter, and O is read as
 * 0, I and L as 1 (Crockford's rule).
 */

export const RECOVERY_KEY_BYTES = 20;
export const RECOVERY_KEY_GROUPS = 8;
const DATA_PER_GROUP = 4;
const GROUP_LENGTH = DATA_PER_GROUP + 1;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;

/** Luhn mod N check value of `codes` (each 0..N-1): the code that makes the sum 0 mod N. */
function luhnCheck(codes: readonly number[]): number {
  let factor = 2;
  let sum = 0;
  for (let i = codes.length - 1; i >= 0; i--) {
    const addend = factor * codes[i]!;
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return (N - (sum % N)) % N;
}

function encodeBase32(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out.push((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out.push((value << (5 - bits)) & 31);
  return out;
}

function decodeBase32(codes: readonly number[]): Uint8Array {
  const out = new Uint8Array(Math.floor((codes.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const code of codes) {
    value = (value << 5) | code;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** The written form of 20 key bytes. */
export function formatRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new RangeError(`a recovery key is ${RECOVERY_KEY_BYTES} bytes`);
  const codes = encodeBase32(bytes);
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_KEY_GROUPS; g++) {
    const data = codes.slice(g * DATA_PER_GROUP, (g + 1) * DATA_PER_GROUP);
    const check = luhnCheck([g, ...data]);
    groups.push([...data, check].map((code) => ALPHABET[code]).join(''));
  }
  return groups.join('-');
}

/** A fresh random recovery key, written out. */
export function createRecoveryKey(): string {
  return formatRecoveryKey(globalThis.crypto.getRandomValues(new Uint8Array(RECOVERY_KEY_BYTES)));
}

function codeOf(char: string): number {
  const mapped = char === 'O' ? '0' : char === 'I' || char === 'L' ? '1' : char;
  return ALPHABET.indexOf(mapped);
}

function typo(group: number | null, message: string): ProtectionError {
  return new ProtectionError('recovery-key-typo', message, group === null ? {} : { group });
}

/**
 * The key bytes of a typed recovery key. Throws `ProtectionError('recovery-key-typo')` with
 * `params.group` (1-based) when a group is wrong, or without it when the length is wrong.
 */
export function parseRecoveryKey(text: string): Uint8Array {
  const upper = text.normalize('NFKC').toUpperCase();
  const typed = upper.split(/[\s\-‐-―]+/u).filter((part) => part !== '');
  const compact = typed.join('');
  if (compact.length !== RECOVERY_KEY_GROUPS * GROUP_LENGTH) {
    // Typed in groups: name the first group of the wrong length.
    if (typed.length === RECOVERY_KEY_GROUPS) {
      const wrong = typed.findIndex((part) => part.length !== GROUP_LENGTH);
      if (wrong >= 0) throw typo(wrong + 1, `recovery key group ${wrong + 1} has ${typed[wrong]!.length} characters`);
    }
    throw typo(null, `a recovery key has ${RECOVERY_KEY_GROUPS * GROUP_LENGTH} characters, not ${compact.length}`);
  }
  const data: number[] = [];
  for (let g = 0; g < RECOVERY_KEY_GROUPS; g++) {
    const codes = [...compact.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH)].map(codeOf);
    if (codes.some((code) => code < 0)) throw typo(g + 1, `recovery key group ${g + 1} has a character that is not used in recovery keys`);
    const groupData = codes.slice(0, DATA_PER_GROUP);
    if (luhnCheck([g, ...groupData]) !== codes[DATA_PER_GROUP]) throw typo(g + 1, `recovery key group ${g + 1} does not match its check character`);
    data.push(...groupData);
  }
  return decodeBase32(data);
}

/** True when `text` reads as a recovery key (no typo found). */
export function isWellFormedRecoveryKey(text: string): boolean {
  try {
    parseRecoveryKey(text);
    return true;
  } catch {
    return false;
  }
}
