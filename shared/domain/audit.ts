/**
 * One entry of the audit log (tiedonhallintalaki 906/2019): who did what to which record, when.
 * Data minimisation: it names the fields that changed and codes (e.g. consent modes), never values.
 */
export const AUDIT_ACTIONS = [
  'consultation.create',
  'consultation.update',
  'consultation.consent-change',
  'consultation.view',
  'consultation.import',
  'consultation.route',
  'consultation.transition',
  'consultation.recommendation-revise',
  'consultation.follow-up-done',
  'consultation.print',
  'meeting.create',
  'meeting.update',
  'meeting.book',
  'meeting.unbook',
  'meeting.export-ics',
  'meeting.print',
  'network.create',
  'network.update',
  'network.deactivate',
  /** A centre's own method was added to the methods registry, changed or taken out of use (issue 21). */
  'method.create',
  'method.update',
  'method.deactivate',
  'settings.update',
  /** A bundle was written for another installation or a named recipient (details: recipient, scope, counts). */
  'exchange.export',
  /** A bundle was imported (details: sender, scope, counts of new/updated/conflicting/quarantined records). */
  'exchange.import',
  /** A coordinator resolved a sync conflict on a case (details: field, resolution). */
  'conflict.resolve',
  /** The audit log was exported for the data protection officer (details: events). */
  'audit.export',
  /** A profile was created (details: role); its passphrase and keys are never logged. */
  'profile.create',
  /** A profile's language or name changed. */
  'profile.update',
  /** A profile was unlocked with its passphrase (or recovery key: details.method). */
  'session.unlock',
  /** A wrong passphrase or recovery key was given for a profile (details: attempts). */
  'session.unlock-failed',
  /** The session was locked (details.reason: idle, shortcut, button, switch). */
  'session.lock',
  /** Existing data was encrypted at rest (details: records per table). */
  'protection.encrypt',
  /** The retention policy changed (fields: which years). */
  'retention.policy',
  /** A case's content was purged under the retention policy; only its tombstone remains. */
  'retention.purge',
  /** An expert saved the recommendation draft of a case (details.state: draft or ready). */
  'recommendation.draft',
  /** A requester saved or discarded an unsent request (details.change: save or discard). */
  'request.draft',
  /** A backup was written and verified (details: where — folder or download —, file, counts, bytes, digest). */
  'backup.write',
  /** A backup could not be written or did not verify (details: stage, reason code). */
  'backup.failed',
  /** The installation was restored from a backup (details: backup id and date, how it was opened, counts). */
  'backup.restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  /** UUID v7. */
  id: string;
  /** ISO 8601 instant. */
  at: string;
  actor: string;
  action: AuditAction;
  entity: 'consultation' | 'network' | 'settings' | 'meeting' | 'exchange' | 'profile' | 'retention' | 'request' | 'method' | 'backup';
  entityId: string;
  /** Names of the fields written, no values. */
  fields: string[];
  /** Codes that explain the event (e.g. { from: 'anonymous', to: 'consented' }); never free text. */
  details?: Record<string, string>;
  /** HLC stamp of the write, so audit events merge as a set across installations. */
  clock: string;
  /**
   * The hash chain of the installation that wrote the event (shared/protection/audit-chain):
   * `prev` is the hash of its previous event, `hash` covers this one. Events written before the
   * chain existed have neither.
   */
  prev?: string;
  hash?: string;
}
