import { BackupError } from './errors';
import { MAX_BACKUP_LINE_CHARS, type BackupEntry } from './format';

/**
 * The payload's lines: `{"type":"<type>","record":<row JSON>}\n`, one per stored row. JSON escapes
 * every line break inside a string, so a line ends at the first `\n` byte; counting lines by type
 * therefore needs no JSON parsing (the check after writing reads 100 000 rows back in that way),
 * and only a restore parses them.
 */

const TYPE = /^[a-z][a-z0-9-]{0,31}$/;
const PREFIX = new TextEncoder().encode('{"type":"');
const NEWLINE = 0x0a;
const QUOTE = 0x22;
/** `{"type":"` + at most 32 characters of type + the closing quote. */
const MAX_PREFIX = PREFIX.length + 33;

function invalid(message: string, cause?: unknown): BackupError {
  return new BackupError('invalid-payload', message, {}, { cause });
}

/** The lines of `rows`, all of one type, as one string. */
export function linesOf(type: string, rows: readonly unknown[]): string {
  if (!TYPE.test(type)) throw new TypeError(`bad entry type ${JSON.stringify(type)}`);
  const head = `{"type":"${type}","record":`;
  let out = '';
  for (const row of rows) {
    const json = JSON.stringify(row) as string | undefined;
    if (json === undefined) throw new TypeError(`a ${type} row is not JSON-serialisable`);
    out += `${head}${json}}\n`;
  }
  return out;
}

/** Counts lines per type in decompressed bytes fed piece by piece, without parsing JSON. */
export class LineCounter {
  readonly counts: Record<string, number> = {};
  #prefix: number[] = [];
  /** True while inside a line whose type is known (skipping to its newline). */
  #inBody = false;
  #lineChars = 0;

  feed(piece: Uint8Array): void {
    let at = 0;
    while (at < piece.length) {
      if (!this.#inBody) {
        // Collect the line's first bytes until the type's closing quote.
        while (at < piece.length && !this.#inBody) {
          const byte = piece[at++]!;
          this.#prefix.push(byte);
          const n = this.#prefix.length;
          if (n <= PREFIX.length) {
            if (byte !== PREFIX[n - 1]) throw invalid('a payload line does not start with its type');
          } else if (byte === QUOTE) {
            const type = String.fromCharCode(...this.#prefix.slice(PREFIX.length, n - 1));
            if (!TYPE.test(type)) throw invalid('a payload line has a bad type');
            this.counts[type] = (this.counts[type] ?? 0) + 1;
            this.#inBody = true;
            this.#lineChars = n;
            this.#prefix = [];
          } else if (n >= MAX_PREFIX) {
            throw invalid('a payload line has a bad type');
          }
        }
        continue;
      }
      const newline = piece.indexOf(NEWLINE, at);
      if (newline === -1) {
        this.#lineChars += piece.length - at;
        if (this.#lineChars > MAX_BACKUP_LINE_CHARS) throw invalid('a payload line is too long');
        return;
      }
      this.#inBody = false;
      at = newline + 1;
    }
  }

  /** Throws when the payload ended inside a line. */
  end(): Record<string, number> {
    if (this.#inBody || this.#prefix.length > 0) throw invalid('the payload does not end with a complete line');
    return this.counts;
  }
}

/** One parsed line. */
export function parseLine(line: string): BackupEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw invalid('a payload line is not JSON', error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('a payload line is not an entry');
  const { type, record } = value as { type?: unknown; record?: unknown };
  if (typeof type !== 'string' || !TYPE.test(type) || typeof record !== 'object' || record === null || Array.isArray(record)) throw invalid('a payload line is not an entry');
  return { type, record };
}

/** Splits decompressed text, fed piece by piece, into parsed entries. */
export class LineParser {
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #carry = '';

  feed(piece: Uint8Array | null): BackupEntry[] {
    try {
      this.#carry += piece === null ? this.#decoder.decode() : this.#decoder.decode(piece, { stream: true });
    } catch (error) {
      throw invalid('the payload is not UTF-8 text', error);
    }
    const out: BackupEntry[] = [];
    let start = 0;
    for (let newline = this.#carry.indexOf('\n'); newline !== -1; newline = this.#carry.indexOf('\n', start)) {
      out.push(parseLine(this.#carry.slice(start, newline)));
      start = newline + 1;
    }
    this.#carry = this.#carry.slice(start);
    if (this.#carry.length > MAX_BACKUP_LINE_CHARS) throw invalid('a payload line is too long');
    if (piece === null && this.#carry !== '') throw invalid('the payload does not end with a complete line');
    return out;
  }
}
