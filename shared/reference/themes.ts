import { z } from 'zod';
import themesJson from './data/themes.json';

/** Consultation themes, service levels, sectors and age bands, copied from the team handbook. */

const labelled = z.object({
  code: z.string().regex(/^[a-z-]+$/),
  fi: z.string(),
  sv: z.string(),
  en: z.string(),
});
export type Labelled = z.infer<typeof labelled>;

const themeTable = z.object({
  note: z.string(),
  themes: z.array(labelled).min(1),
  serviceLevels: z.array(labelled).min(1),
  sectors: z.array(labelled).min(1),
  ageBands: z.array(z.string()).min(1),
});

const TABLE = themeTable.parse(themesJson);

export const THEMES: readonly Labelled[] = TABLE.themes;
export const SERVICE_LEVELS: readonly Labelled[] = TABLE.serviceLevels;
export const SECTORS: readonly Labelled[] = TABLE.sectors;
export const AGE_BANDS: readonly string[] = TABLE.ageBands;

const codes = (list: readonly Labelled[]) => list.map((item) => item.code) as [string, ...string[]];
export const THEME_CODES = codes(THEMES);
export const SERVICE_LEVEL_CODES = codes(SERVICE_LEVELS);
export const SECTOR_CODES = codes(SECTORS);
export const AGE_BAND_CODES = [...AGE_BANDS] as [string, ...string[]];
