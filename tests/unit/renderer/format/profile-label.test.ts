import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { profileLabel } from '../../../../renderer/src/format/profile-label';

const ROLES: Record<string, string> = { 'session.role.requester': 'pyytäjä', 'session.role.coordinator': 'koordinaattori', 'session.role.expert': 'asiantuntija' };
const t = ((key: string, params?: { name: string; role: string }) => (key === 'session.profileLabel' ? `${params!.name} (${params!.role})` : ROLES[key])) as unknown as TFunction;

describe('profileLabel', () => {
  it('adds the role to a plain name', () => {
    expect(profileLabel(t, { name: 'Riikka', role: 'requester' })).toBe('Riikka (pyytäjä)');
  });

  it('names the role once when the profile name already says it', () => {
    expect(profileLabel(t, { name: 'Riikka (pyytäjä)', role: 'requester' })).toBe('Riikka (pyytäjä)');
    expect(profileLabel(t, { name: 'Keskuksen Koordinaattori', role: 'coordinator' })).toBe('Keskuksen Koordinaattori');
    expect(profileLabel(t, { name: 'Riikka (pyytäjä)', role: 'expert' })).toBe('Riikka (pyytäjä) (asiantuntija)');
  });
});
