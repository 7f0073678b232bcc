import type { OtkDatabase } from '../db/schema';

/** What every command needs: the database, who acts, and the time (injected so tests control it). */
export interface CommandContext {
  db: OtkDatabase;
  actor: string;
  now: () => Date;
}
