import type { Profile } from '../../../shared/protection/roles';
import type { OtkDatabase } from '../db/schema';
import type { Clock } from '../../../shared/clock';
import type { Keyring } from '../db/keyring';

/** What every command needs: the database, who acts, and the time (injected so tests control it). */
export interface CommandContext {
  db: OtkDatabase;
  actor: string;
  /** The unlocked profile acting: the command layer checks its role before every write. */
  profile: Profile;
  now: Clock;
}

/**
 * What the commands of the lock screen need before any profile is unlocked — set-up, unlock,
 * recovery and lock: the database, the session's keyring and the app's clock.
 */
export interface GateContext {
  db: OtkDatabase;
  keyring: Keyring;
  now: Clock;
}
