/**
 * Data protection core (issue 8): profile passphrases, the key hierarchy and its envelope, field
 * encryption at rest, the hash-chained audit log, retention and roles. Pure: WebCrypto and zod
 * only; the app layer (renderer commands, Electron safeStorage) builds on it.
 */
export * from './errors';
export * from './messages';
export * from './passphrase';
export * from './recovery-key';
export * from './key-envelope';
export {
  createDataKey,
  newSalt,
  deriveWrappingKey,
  deriveRecoveryWrappingKey,
  wrapDataKey,
  unwrapDataKey,
  createKeyEnvelope,
  openWithPassphrase,
  openWithRecoveryKey,
  changePassphrase,
  replaceRecoveryKey,
  type KdfOptions,
  type UnwrapOptions,
  type EnvelopeOptions,
  type NewKeys,
  type Unlock,
} from './keys';
export * from './field-path';
export * from './field-crypto';
export * from './audit-chain';
export * from './retention';
export * from './roles';
export * from './unlock-delay';
