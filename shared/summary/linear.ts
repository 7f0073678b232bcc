/**
 * Exact linear algebra for the disclosure audit: which unknowns of a linear system are determined
 * uniquely. Unknown x_j is determined by A·x = b exactly when the unit vector e_j lies in the row
 * space of A, i.e. when the reduced row echelon form of A has a row whose only non-zero entry is in
 * column j. Integer (fraction-free) Gauss–Jordan elimination with gcd reduction; exact: plain
 * numbers while every entry stays a safe integer, BigInt otherwise. Never floating point.
 */

class Overflow extends Error {}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const abs = (v: bigint) => (v < 0n ? -v : v);

function determinedNumber(matrix: number[][], columns: number): number[] {
  const rows = matrix.map((row) => row.slice());
  let rank = 0;
  for (let col = 0; col < columns && rank < rows.length; col++) {
    let p = rank;
    while (p < rows.length && rows[p]![col] === 0) p++;
    if (p === rows.length) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    const a = pivot[col]!;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const b = row[col]!;
      if (i === rank || b === 0) continue;
      let g = 0;
      for (let j = 0; j < columns; j++) {
        const v = row[j]! * a - pivot[j]! * b;
        if (!Number.isSafeInteger(v)) throw new Overflow();
        row[j] = v;
        if (v !== 0) g = gcd(g, Math.abs(v));
      }
      if (g > 1) for (let j = 0; j < columns; j++) row[j] = row[j]! / g;
    }
    rank++;
  }
  return singletons(rows, columns, (v) => v !== 0);
}

function determinedBig(matrix: number[][], columns: number): number[] {
  const rows = matrix.map((row) => row.map((v) => BigInt(v)));
  let rank = 0;
  for (let col = 0; col < columns && rank < rows.length; col++) {
    let p = rank;
    while (p < rows.length && rows[p]![col] === 0n) p++;
    if (p === rows.length) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    const a = pivot[col]!;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const b = row[col]!;
      if (i === rank || b === 0n) continue;
      let g = 0n;
      for (let j = 0; j < columns; j++) {
        const v = row[j]! * a - pivot[j]! * b;
        row[j] = v;
        if (v !== 0n) g = gcdBig(g, abs(v));
      }
      if (g > 1n) for (let j = 0; j < columns; j++) row[j] = row[j]! / g;
    }
    rank++;
  }
  return singletons(rows, columns, (v) => v !== 0n);
}

function singletons<T>(rows: T[][], columns: number, nonZero: (v: T) => boolean): number[] {
  const found: number[] = [];
  for (const row of rows) {
    let at = -1;
    let count = 0;
    for (let j = 0; j < columns && count < 2; j++) {
      if (nonZero(row[j]!)) {
        at = j;
        count++;
      }
    }
    if (count === 1) found.push(at);
  }
  return found.sort((x, y) => x - y);
}

/**
 * The columns (unknowns) that the system `matrix · x = b` determines uniquely, for any consistent
 * right-hand side b. `matrix` holds integer coefficients, one array of `columns` entries per equation.
 */
export function determinedUnknowns(matrix: readonly (readonly number[])[], columns: number): number[] {
  const copy = matrix.map((row) => [...row]);
  try {
    return determinedNumber(copy, columns);
  } catch (error) {
    if (error instanceof Overflow) return determinedBig(copy, columns);
    throw error;
  }
}
