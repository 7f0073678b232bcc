import { describe, expect, it } from 'vitest';
import { AGE_BAND_CODES, SECTORS, SERVICE_LEVELS, THEMES } from '../../../../shared/reference/themes';

describe('themes reference data', () => {
  it.each([
    ['themes', THEMES, 20],
    ['service levels', SERVICE_LEVELS, 4],
    ['sectors', SECTORS, 6],
  ] as const)('%s: stable unique codes, labels in fi/sv/en', (_name, list, count) => {
    expect(list).toHaveLength(count);
    expect(new Set(list.map((item) => item.code)).size).toBe(count);
    for (const item of list) expect([item.fi, item.sv, item.en].every((label) => label.trim().length > 0)).toBe(true);
  });

  it('has the age bands in order', () => {
    expect(AGE_BAND_CODES).toEqual(['prenatal', '0-2', '3-6', '7-12', '13-15', '16-17', '18-24', 'family']);
  });
});
