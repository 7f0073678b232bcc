import { findShippedMethod } from '../../../shared/reference/methods';
import type { OtkDatabase } from '../db/schema';
import { ValidationError } from '../access/errors';

/**
 * Every method a recommendation names must be in this installation's catalogue: shipped, or in
 * the methods registry (a centre's own, in use or not; an expert desk holds the centre's own
 * methods its network's file brought). An unknown code is refused on the item that names it
 * (`<prefix>methods.<item>.<n>`). Read before the writing transaction: the registry is small
 * and a method is never deleted, so the check cannot go stale.
 */
export async function requireKnownMethods(db: OtkDatabase, methods: ReadonlyArray<readonly string[]> | undefined, prefix = ''): Promise<void> {
  const named = (methods ?? []).flatMap((codes, item) => codes.map((code, n) => ({ code, path: `${prefix}methods.${item}.${n}` })));
  const local = named.filter((m) => !findShippedMethod(m.code));
  if (local.length === 0) return;
  const held = await db.methods.bulkGet(local.map((m) => m.code));
  const unknown = local.filter((_, i) => held[i] === undefined);
  if (unknown.length > 0) throw new ValidationError(unknown.map((m) => ({ path: m.path, message: 'validation.methodUnknown' })));
}

/** The methods of a lifecycle action's data, when it is 'consult'. */
export function consultMethods(action: string, data: unknown): ReadonlyArray<readonly string[]> | undefined {
  if (action !== 'consult' || typeof data !== 'object' || data === null) return undefined;
  const methods = (data as { recommendation?: { methods?: unknown } }).recommendation?.methods;
  return Array.isArray(methods) && methods.every((codes) => Array.isArray(codes) && codes.every((code) => typeof code === 'string')) ? (methods as string[][]) : undefined;
}
