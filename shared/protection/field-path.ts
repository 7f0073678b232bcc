/**
 * Dotted field paths ('requester.name', 'consent.details') into plain JSON records: read one value,
 * and write one value into a copy that shares every untouched branch with the original (the input
 * is never changed). Numeric segments index arrays. Paths that would reach the prototype
 * ('__proto__', 'constructor', 'prototype') are refused.
 */

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function pathSegments(path: string): string[] {
  const segments = path.split('.');
  if (segments.some((segment) => segment === '' || FORBIDDEN.has(segment))) throw new TypeError(`invalid field path ${JSON.stringify(path)}`);
  return segments;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function own(container: Record<string, unknown> | unknown[], key: string): unknown {
  return Object.prototype.hasOwnProperty.call(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/** The value at `path`, or undefined when any step is missing. */
export function getPath(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const segment of pathSegments(path)) {
    if (!isContainer(current)) return undefined;
    current = own(current, segment);
  }
  return current;
}

/** A copy of `record` with `value` at `path`; the path's containers must exist (else unchanged). */
export function setPath<T>(record: T, path: string, value: unknown): T {
  const segments = pathSegments(path);
  const write = (node: unknown, depth: number): unknown => {
    if (!isContainer(node)) return node;
    const key = segments[depth]!;
    const copy: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...node };
    if (depth === segments.length - 1) {
      (copy as Record<string, unknown>)[key] = value;
      return copy;
    }
    const child = own(node, key);
    if (!isContainer(child)) return node;
    (copy as Record<string, unknown>)[key] = write(child, depth + 1);
    return copy;
  };
  return write(record, 0) as T;
}
