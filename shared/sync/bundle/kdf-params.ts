/** Key derivation constants (see ./kdf and docs/bundle-format.md). */
export const KDF_ID = 'PBKDF2-SHA-256';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; ~80 ms in Chromium on the target machines. */
export const DEFAULT_KDF_ITERATIONS = 600_000;
/** The least a real bundle may use; lower only through an explicit `minIterations` (tests). */
export const MIN_KDF_ITERATIONS = 600_000;
/** The most a bundle may ask for (a forged header must not stall the app for minutes). */
export const MAX_KDF_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
