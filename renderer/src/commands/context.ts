import type { Profile } from '../../../shared/protection/roles';
import type { OtkDatabase } from '../db/schema';
import type { Clock } from '../../../shared/clock';

/** What every command needs: the database, who acts, and the time (injected so tests control it). */
export interface CommandContext {
  db: OtkDatabase;
  actor: string;
  /** The unlocked profile acting: the command layer checks its role before every write. */
  profile: Profile;
  now: Clock;
}
