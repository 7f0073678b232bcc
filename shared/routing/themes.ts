import { THEME_CODES } from '../reference/themes';
import { compareText } from './compare';

const position = new Map<string, number>(THEME_CODES.map((code, index) => [code, index]));

/** Requested themes without repeats, in reference-data order (unknown codes last, by code). */
export function canonicalThemes(themes: readonly string[]): string[] {
  return [...new Set(themes)].sort((a, b) => {
    const pa = position.get(a) ?? Infinity;
    const pb = position.get(b) ?? Infinity;
    return pa === pb ? compareText(a, b) : pa - pb;
  });
}
