/**
 * i18n keys of the protection core (validation messages and strength-meter reasons). The texts live
 * in the renderer's locale files under these keys; errors use `protection.error.<code>` (./errors).
 */
export const PROTECTION_MSG = {
  /** Refusals: the passphrase cannot be used. */
  passphraseTooShort: 'protection.passphrase.tooShort',
  passphraseCommon: 'protection.passphrase.common',
  passphraseRepetitive: 'protection.passphrase.repetitive',
  passphraseSequence: 'protection.passphrase.sequence',
  passphraseMismatch: 'protection.passphrase.mismatch',
  /** Strength-meter hints: usable, but it could be stronger. */
  hintLonger: 'protection.passphrase.hint.longer',
  hintCommonWord: 'protection.passphrase.hint.commonWord',
  hintRepeats: 'protection.passphrase.hint.repeats',
  hintSequence: 'protection.passphrase.hint.sequence',
  /** Retention policy: anonymous cases may be kept shorter, never longer. */
  retentionAnonymousLonger: 'protection.retention.anonymousLonger',
  /** Profiles. */
  profileNetworkRequired: 'protection.profile.networkRequired',
  profileRequesterRequired: 'protection.profile.requesterRequired',
} as const;

export type ProtectionMessage = (typeof PROTECTION_MSG)[keyof typeof PROTECTION_MSG];
