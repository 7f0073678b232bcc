/** Members of a registry record that are not stamped: its identity and the local bookkeeping. */
const UNSTAMPED = new Set(['id', 'rev', 'updatedAt', 'stamp', 'stamps', 'seen']);

/** The record's stamps with `fields` (those that are stamped) set to `stamp`, over `previous`. */
export function fieldStamps(record: object, fields: readonly string[], stamp: string, previous: Record<string, string> = {}): Record<string, string> {
  const stamps = { ...previous };
  for (const field of fields) if (!UNSTAMPED.has(field) && field in record) stamps[field] = stamp;
  return stamps;
}
