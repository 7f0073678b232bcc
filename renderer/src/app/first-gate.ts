// The gate's steps (SessionGate) and the first one, read before React renders (main.tsx).
import type { OtkDatabase } from '../db/schema';
import type { Profile } from '../../../shared/protection/roles';
import type { ProfileRow } from '../db/rows/profile';
import type { DeskNetwork } from '../features/session/DeskNetworkField';
import { listProfiles, networksForSetUp } from '../queries/session';
import { troubleOf, type Trouble } from '../features/backup/database-trouble';
import { rememberedInstallation } from '../features/backup/installation-marker';
import { readInstallation } from '../queries/installation';

export type Gate =
  | { step: 'loading' }
  | { step: 'setup'; networks: DeskNetwork[] }
  /** Restore from a backup (issue 20): a new installation becomes the backed-up one. */
  /** `replace`: into the place of a database that cannot be opened (replaced only when the restore is applied). */
  | { step: 'restore'; replace?: boolean }
  /** The database cannot be opened, or opened empty where there was an installation (features/backup). */
  | { step: 'trouble'; trouble: Trouble }
  | { step: 'locked'; profiles: ProfileRow[] }
  | { step: 'recovery-key'; profile: Profile; recoveryKey: string }
  | { step: 'encrypting'; profile: Profile; done: number }
  | { step: 'open'; profile: Profile; idleMinutes: number };

/**
 * What the gate shows first: the lock screen (profiles), the set-up (none yet), or the trouble screen
 * (the database cannot be opened, or it is empty where this browser profile had an installation).
 * Never rejects. main.tsx starts it before React renders: opening IndexedDB and reading the profiles
 * run while i18n and the first render set up, not after them.
 */
export function readFirstGate(db: OtkDatabase): Promise<Gate> {
  return listProfiles(db).then(
    async (profiles): Promise<Gate> => {
      // A new installation offers its networks (not sealed: readable while locked) to an expert desk.
      let gate: Gate = profiles.length === 0 ? { step: 'setup', networks: await networksForSetUp(db) } : { step: 'locked', profiles };
      // Empty, but this profile had an installation: its data is gone — say so and offer the restore.
      const remembered = rememberedInstallation();
      if (profiles.length === 0 && remembered !== null && remembered !== (await readInstallation(db)).id) gate = { step: 'trouble', trouble: 'lost' };
      return gate;
    },
    (error: unknown): Gate => {
      console.error('the database cannot be opened', error);
      return { step: 'trouble', trouble: troubleOf(error) };
    },
  );
}

