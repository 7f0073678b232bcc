import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/protection/roles';

/**
 * A profile as the screens name it: "Riikka (pyytäjä)" — or just the name when it already says the
 * role ("Riikka (pyytäjä)" is not shown as "Riikka (pyytäjä) (pyytäjä)").
 */
export function profileLabel(t: TFunction, profile: { name: string; role: Role }): string {
  const role = t(`session.role.${profile.role}`);
  if (profile.name.toLocaleLowerCase().includes(role.toLocaleLowerCase())) return profile.name;
  return t('session.profileLabel', { name: profile.name, role });
}
