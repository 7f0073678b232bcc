/**
 * A small, test-only iCalendar reader: unfolds content lines, splits them into name, parameters and
 * value, and unescapes TEXT. Written independently of shared/meetings/ics-text so that the tests
 * read the output the way a calendar would.
 */

export interface IcsProperty {
  readonly name: string;
  readonly params: Record<string, string>;
  readonly value: string;
}

/** The physical lines of a calendar; throws unless every line ends with CRLF. */
export function physicalLines(ics: string): string[] {
  if (!ics.endsWith('\r\n')) throw new Error('calendar does not end with CRLF');
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) if (/[\r\n]/.test(line)) throw new Error(`bare CR or LF in ${JSON.stringify(line)}`);
  return lines;
}

/** Unfolding (RFC 5545 §3.1): a CRLF followed by one space or tab is removed. */
export function unfold(ics: string): string[] {
  const out: string[] = [];
  for (const line of physicalLines(ics)) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (out.length === 0) throw new Error('continuation without a line');
      out[out.length - 1] += line.slice(1);
    } else {
      out.push(line);
    }
  }
  return out;
}

/** `NAME;P1=v;P2="quoted:value":VALUE` → its parts. */
export function parseLine(line: string): IcsProperty {
  const nameMatch = /^[A-Za-z0-9-]+/.exec(line);
  if (!nameMatch) throw new Error(`no name in ${JSON.stringify(line)}`);
  const name = nameMatch[0];
  let i = name.length;
  const params: Record<string, string> = {};
  while (line[i] === ';') {
    const eq = line.indexOf('=', i);
    const key = line.slice(i + 1, eq);
    i = eq + 1;
    let value: string;
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      value = line.slice(i + 1, close);
      i = close + 1;
    } else {
      const end = line.slice(i).search(/[;:]/);
      value = line.slice(i, i + end);
      i += end;
    }
    params[key] = value;
  }
  if (line[i] !== ':') throw new Error(`no value in ${JSON.stringify(line)}`);
  return { name, params, value: line.slice(i + 1) };
}

/** Unescapes a TEXT value; throws on an escape RFC 5545 does not define. */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)/gu, (_, c: string) => {
    if (c === 'n' || c === 'N') return '\n';
    if (c === '\\' || c === ';' || c === ',') return c;
    throw new Error(`bad escape \\${c}`);
  });
}

/** True when a TEXT value has an unescaped `,` or `;` (which would split it into several values). */
export function hasUnescapedSeparator(value: string): boolean {
  return /(^|[^\\])(\\\\)*[,;]/.test(value);
}

/** All properties of the calendar, in order. */
export function readIcs(ics: string): IcsProperty[] {
  return unfold(ics).map(parseLine);
}

/** The properties between BEGIN:<component> and its END (the first such component). */
export function component(props: readonly IcsProperty[], name: string): IcsProperty[] {
  const start = props.findIndex((p) => p.name === 'BEGIN' && p.value === name);
  const end = props.findIndex((p, i) => i > start && p.name === 'END' && p.value === name);
  if (start < 0 || end < 0) throw new Error(`no ${name}`);
  return props.slice(start + 1, end);
}

/** The one property with this name; throws when absent or repeated. */
export function one(props: readonly IcsProperty[], name: string): IcsProperty {
  const found = props.filter((p) => p.name === name);
  if (found.length !== 1) throw new Error(`${name}: expected once, found ${found.length}`);
  return found[0]!;
}
