/**
 * kdf: deriving the bundle key (PBKDF2-SHA-256, iterations per the handbook), reported apart from
 * export and import. Independent of the record count, so its name has no count suffix.
 */
export default {
  id: 'kdf',
  name: () => 'kdf',
  pending: 'not built yet: bundle key derivation comes with the sync-by-file work',
};
