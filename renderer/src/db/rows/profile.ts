import type { KeyEnvelope } from '../../../../shared/protection/key-envelope';
import type { Profile } from '../../../../shared/protection/roles';

/**
 * A local profile as stored (schema v5 `profiles`): who (a name the people of this installation
 * recognise, a role, the binding of an expert or a requester, the UI language) and the key
 * envelope that opens the installation's data key with the profile's passphrase. The row is read
 * while locked (the unlock screen lists profiles), so it holds no case data.
 *
 * `failedAttempts`/`lastFailedAt` drive the growing delay after wrong passphrases.
 */
export type ProfileRow = Profile & {
  envelope: KeyEnvelope;
  createdAt: string;
  failedAttempts: number;
  lastFailedAt: string | null;
};

/** The public part of a profile row (what the session and the command layer use). */
export function profileOf(row: ProfileRow): Profile {
  const base = { id: row.id, name: row.name, language: row.language };
  switch (row.role) {
    case 'coordinator':
      return { ...base, role: 'coordinator' };
    case 'expert':
      return { ...base, role: 'expert', networkId: row.networkId };
    case 'requester':
      return { ...base, role: 'requester', requesterKey: row.requesterKey };
  }
}
