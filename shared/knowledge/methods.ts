import { z } from 'zod';
import { MSG } from '../domain/validation';
import { agesInOrder, findShippedMethod, methodFields, METHOD_CODE, SHIPPED_METHODS, type Method } from '../reference/methods';

/**
 * Local methods (issue 21): a centre's own methods beside the shipped catalogue, kept in a
 * registry like the expert networks — versioned per field, audited, never deleted (deactivated
 * with `activeTo`), and carried to other installations in full, delta and network bundles so an
 * expert desk can cite them and a letter can name them. A local method's code starts with
 * `local-` and is also its record id, so it never collides with a shipped code.
 */

export const LOCAL_METHOD_PREFIX = 'local-';

export const localMethodSchema = methodFields
  .extend({
    /** The record id: the code itself. */
    id: z.string({ error: MSG.invalid }).regex(METHOD_CODE, MSG.invalid),
    /** Last day in use (inclusive); null while in use. Deactivate, never delete. */
    activeTo: z.iso.date({ error: MSG.date }).nullable().default(null),
  })
  .refine(agesInOrder.check, agesInOrder.params)
  .refine((m) => m.id === m.code && m.code.startsWith(LOCAL_METHOD_PREFIX), { path: ['code'], message: MSG.invalid });
export type LocalMethodInput = z.input<typeof localMethodSchema>;
export type LocalMethod = z.output<typeof localMethodSchema>;

/** A code for a new local method from a random UUID (v7: the tail is random). */
export function localMethodCode(uuid: string): string {
  return `${LOCAL_METHOD_PREFIX}${uuid.replace(/-/g, '').slice(-10)}`;
}

/** A method as the app offers it: shipped or local, and whether it can be chosen today. */
export interface CatalogueMethod extends Method {
  origin: 'shipped' | 'local';
  active: boolean;
}

/** Is a local method in use on a Finnish calendar date? */
export function isMethodActiveOn(method: Pick<LocalMethod, 'activeTo'>, date: string): boolean {
  return method.activeTo === null || method.activeTo >= date;
}

/**
 * The catalogue on `date`: the shipped methods in their order, then the local ones by Finnish name.
 * A local record whose code is a shipped code is ignored (shipped data wins).
 */
export function methodCatalogue(local: readonly LocalMethod[], date: string): CatalogueMethod[] {
  const shipped = SHIPPED_METHODS.map((m): CatalogueMethod => ({ ...m, origin: 'shipped', active: true }));
  const own = local
    .filter((m) => !findShippedMethod(m.code))
    .map((m): CatalogueMethod => {
      const { id: _id, activeTo: _activeTo, ...method } = m;
      return { ...method, origin: 'local', active: isMethodActiveOn(m, date) };
    })
    .toSorted((a, b) => a.name.fi.localeCompare(b.name.fi, 'fi'));
  return [...shipped, ...own];
}

/** The method of a code in the catalogue, or undefined (a code from another installation's registry). */
export function methodOf(catalogue: readonly CatalogueMethod[], code: string): CatalogueMethod | undefined {
  return catalogue.find((m) => m.code === code);
}
