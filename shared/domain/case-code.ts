/**
 * Human-readable case codes per centre and year, e.g. `OTK-2026-0042`: what coordinators say on the
 * phone and write in letters instead of the internal id. The sequence is per installation and year.
 */
export const DEFAULT_CASE_CODE_PREFIX = 'OTK';
export const CASE_CODE = /^[A-Z]{2,8}-\d{4}-\d{4,}$/;

export function formatCaseCode(prefix: string, year: number, sequence: number): string {
  if (!/^[A-Z]{2,8}$/.test(prefix)) throw new Error(`case code prefix must be 2–8 capital letters A–Z: ${prefix}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`case sequence must be a positive integer: ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}
