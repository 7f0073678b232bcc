import { z } from 'zod';
import regionsJson from './data/regions.json';

/**
 * Hyvinvointialueet → yhteistyöalueet (decree 91/2022), copied verbatim from the team handbook.
 * Boundaries change by decree: this is versioned data (`validFrom`), parsed and typed at load.
 */

export const AREA_CODES = ['etela', 'ita', 'sisa', 'lansi', 'pohjoinen'] as const;
export const areaCode = z.enum(AREA_CODES);
export type AreaCode = z.infer<typeof areaCode>;

const cooperationArea = z.object({
  code: areaCode,
  fi: z.string(),
  sv: z.string(),
  en: z.string(),
  universityHospital: z.string(),
});

const wellbeingRegion = z.object({
  code: z.string().regex(/^[a-z-]+$/),
  area: areaCode,
  fi: z.string(),
  sv: z.string(),
  bilingual: z.boolean(),
  note: z.string().optional(),
  saamiHomeland: z.array(z.string()).optional(),
});

const regionTable = z.object({
  source: z.string(),
  validFrom: z.iso.date(),
  cooperationAreas: z.array(cooperationArea).length(AREA_CODES.length),
  wellbeingRegions: z.array(wellbeingRegion).min(1),
  legacyAliases: z.record(z.string(), areaCode),
});

export type CooperationArea = z.infer<typeof cooperationArea>;
export type WellbeingRegion = z.infer<typeof wellbeingRegion>;

export const REGION_TABLE = regionTable.parse(regionsJson);
export const COOPERATION_AREAS: readonly CooperationArea[] = REGION_TABLE.cooperationAreas;
export const WELLBEING_REGIONS: readonly WellbeingRegion[] = REGION_TABLE.wellbeingRegions;
export const REGION_CODES = WELLBEING_REGIONS.map((r) => r.code) as [string, ...string[]];

const regionByCode = new Map(WELLBEING_REGIONS.map((r) => [r.code, r]));
const areaByCode = new Map(COOPERATION_AREAS.map((a) => [a.code, a]));

export function findRegion(code: string): WellbeingRegion | undefined {
  return regionByCode.get(code);
}

export function findArea(code: AreaCode): CooperationArea {
  const area = areaByCode.get(code);
  if (!area) throw new Error(`unknown cooperation area ${code}`);
  return area;
}

/** The yhteistyöalue of a hyvinvointialue (or Helsinki / HUS). */
export function areaOfRegion(regionCode: string): AreaCode {
  const region = regionByCode.get(regionCode);
  if (!region) throw new Error(`unknown wellbeing region ${regionCode}`);
  return region.area;
}

/** Legacy names still used in OT material ("TAYS-alue", "Länsi-Pohja", …) → area code. */
export function areaOfLegacyName(name: string): AreaCode | undefined {
  const wanted = name.trim().toLocaleLowerCase('fi');
  for (const [alias, area] of Object.entries(REGION_TABLE.legacyAliases)) {
    if (alias.toLocaleLowerCase('fi') === wanted) return area;
  }
  return undefined;
}
