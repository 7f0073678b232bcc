import { ProtectionError, type ProtectionErrorCode } from '../../../../shared/protection/errors';

/** The ProtectionError code a promise rejects with (fails the test on anything else). */
export async function rejectionCode(promise: Promise<unknown>): Promise<ProtectionErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProtectionError) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The ProtectionError a function throws synchronously. */
export function thrownProtectionError(run: () => unknown): ProtectionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProtectionError) return error;
    throw error;
  }
  throw new Error('expected a ProtectionError');
}

/** Fast PBKDF2 for tests (production stays at 600 000). */
export const FAST_KDF = { iterations: 1_000, minIterations: 1_000 } as const;
