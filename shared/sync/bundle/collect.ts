import type { BundleEntry } from './format';
import type { DecodedBundle } from './decode';

/** All entries of a decoded bundle, grouped by type (for small bundles and tests). */
export async function collectEntries(bundle: DecodedBundle): Promise<Record<string, unknown[]>> {
  const byType: Record<string, unknown[]> = {};
  for await (const entry of bundle.entries() as AsyncGenerator<BundleEntry>) (byType[entry.type] ??= []).push(entry.record);
  return byType;
}
