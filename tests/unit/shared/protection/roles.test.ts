import { describe, expect, it } from 'vitest';
import {
  CASE_COMMANDS,
  COMMANDS,
  GLOBAL_COMMANDS,
  ProfileSchema,
  assertCanRead,
  assertCanWrite,
  canRead,
  canWrite,
  lifecycleCommand,
  type CaseView,
  type Command,
  type Profile,
} from '../../../../shared/protection/roles';
import { PROTECTION_MSG } from '../../../../shared/protection/messages';
import { LIFECYCLE_ACTIONS } from '../../../../shared/lifecycle/transitions';
import { MSG } from '../../../../shared/domain/validation';
import { thrownProtectionError } from './helpers';

const coordinator = ProfileSchema.parse({ id: 'p-c', name: 'Kaisa Koordinaattori', role: 'coordinator', language: 'fi' });
const expert = ProfileSchema.parse({ id: 'p-e', name: 'Erik Expert', role: 'expert', networkId: 'net-neuro', language: 'sv' });
const requester = ProfileSchema.parse({ id: 'p-r', name: 'Riikka Pyytäjä', role: 'requester', requesterKey: 'req-riikka', language: 'fi' });
const PROFILES: Record<Profile['role'], Profile> = { coordinator, expert, requester };

/** Case views as each profile sees them. */
const VIEWS = {
  'own network, own request': { networkId: 'net-neuro', requesterKey: 'req-riikka' },
  'other network, other requester': { networkId: 'net-trauma', requesterKey: 'req-other' },
  'not routed, own request': { networkId: null, requesterKey: 'req-riikka' },
  'own network, other requester': { networkId: 'net-neuro', requesterKey: 'req-other' },
} as const satisfies Record<string, CaseView>;
type ViewName = keyof typeof VIEWS;

/** Who may read each view — written out, not derived from the implementation. */
const READ: Record<ViewName, Record<Profile['role'], boolean>> = {
  'own network, own request': { coordinator: true, expert: true, requester: true },
  'other network, other requester': { coordinator: true, expert: false, requester: false },
  'not routed, own request': { coordinator: true, expert: false, requester: true },
  'own network, other requester': { coordinator: true, expert: true, requester: false },
};

/** Who may run each command on a case they can read (global commands: at all) — written out. */
const ALLOWED: Record<Command, Record<Profile['role'], boolean>> = {
  'consultation.create': { coordinator: true, expert: false, requester: true },
  'consultation.update': { coordinator: true, expert: false, requester: false },
  'consultation.print': { coordinator: true, expert: true, requester: true },
  'lifecycle.accept': { coordinator: true, expert: false, requester: false },
  'lifecycle.decline': { coordinator: true, expert: false, requester: false },
  'lifecycle.request-information': { coordinator: true, expert: false, requester: false },
  'lifecycle.information-received': { coordinator: true, expert: false, requester: false },
  'lifecycle.route': { coordinator: true, expert: false, requester: false },
  'lifecycle.schedule': { coordinator: true, expert: false, requester: false },
  'lifecycle.consult': { coordinator: true, expert: false, requester: false },
  'lifecycle.send-recommendation': { coordinator: true, expert: false, requester: false },
  'lifecycle.close': { coordinator: true, expert: false, requester: false },
  'lifecycle.cancel': { coordinator: true, expert: false, requester: true },
  'lifecycle.reopen': { coordinator: true, expert: false, requester: false },
  'recommendation.write': { coordinator: true, expert: false, requester: false },
  'recommendation.draft': { coordinator: true, expert: true, requester: false },
  'recommendation.follow-up': { coordinator: true, expert: false, requester: false },
  'meeting.book': { coordinator: true, expert: false, requester: false },
  'conflict.resolve': { coordinator: true, expert: false, requester: false },
  'retention.purge': { coordinator: true, expert: false, requester: false },
  'settings.update': { coordinator: true, expert: false, requester: false },
  'network.create': { coordinator: true, expert: false, requester: false },
  'network.update': { coordinator: true, expert: false, requester: false },
  'method.update': { coordinator: true, expert: false, requester: false },
  'meeting.update': { coordinator: true, expert: false, requester: false },
  'summary.read': { coordinator: true, expert: false, requester: false },
  'audit.read': { coordinator: true, expert: false, requester: false },
  'audit.export': { coordinator: true, expert: false, requester: false },
  'retention.review': { coordinator: true, expert: false, requester: false },
  'profile.manage': { coordinator: true, expert: false, requester: false },
};

const ROLE_NAMES = Object.keys(PROFILES) as Profile['role'][];
const VIEW_NAMES = Object.keys(VIEWS) as ViewName[];

describe('profiles', () => {
  it('bind an expert to a network and a requester to a requester key', () => {
    expect(expert).toMatchObject({ role: 'expert', networkId: 'net-neuro' });
    const missing = (input: unknown) => {
      const result = ProfileSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(missing({ id: 'x', name: 'E', role: 'expert', language: 'fi' })).toEqual([['networkId', PROTECTION_MSG.profileNetworkRequired]]);
    expect(missing({ id: 'x', name: 'E', role: 'expert', networkId: '  ', language: 'fi' })).toEqual([['networkId', PROTECTION_MSG.profileNetworkRequired]]);
    expect(missing({ id: 'x', name: 'R', role: 'requester', language: 'fi' })).toEqual([['requesterKey', PROTECTION_MSG.profileRequesterRequired]]);
    expect(missing({ id: 'x', name: '', role: 'coordinator', language: 'fi' })).toEqual([['name', MSG.required]]);
    expect(missing({ id: 'x', name: 'K', role: 'coordinator', language: 'de' })).toEqual([['language', MSG.choose]]);
    expect(missing({ id: 'x', name: 'K', role: 'admin', language: 'fi' }).length).toBeGreaterThan(0);
    // A coordinator carries no binding; a stray one is refused rather than silently ignored.
    expect(missing({ id: 'x', name: 'K', role: 'coordinator', networkId: 'net-neuro', language: 'fi' }).length).toBeGreaterThan(0);
  });
});

describe('command list', () => {
  it('has every lifecycle action and the table covers every command once', () => {
    for (const action of LIFECYCLE_ACTIONS) expect(CASE_COMMANDS).toContain(lifecycleCommand(action));
    expect(Object.keys(ALLOWED).sort()).toEqual([...COMMANDS].sort());
    expect(new Set(COMMANDS).size).toBe(CASE_COMMANDS.length + GLOBAL_COMMANDS.length);
  });
});

describe('canRead', () => {
  const rows = ROLE_NAMES.flatMap((role) => VIEW_NAMES.map((view) => [role, view, READ[view][role]] as const));
  it.each(rows)('%s reading a case (%s) → %s', (role, view, expected) => {
    expect(canRead(PROFILES[role], VIEWS[view])).toBe(expected);
  });

  it('an expert cannot read another network\'s case even by id, and loses access after a re-route', () => {
    expect(canRead(expert, { networkId: 'net-trauma', requesterKey: 'req-riikka' })).toBe(false);
    const view = { networkId: 'net-neuro', requesterKey: 'req-x' };
    expect(canRead(expert, view)).toBe(true);
    expect(canRead(expert, { ...view, networkId: 'net-other' })).toBe(false);
    const error = thrownProtectionError(() => assertCanRead(expert, { ...view, networkId: 'net-other' }));
    expect(error.code).toBe('not-permitted');
  });
});

describe('canWrite: every role × every command × every case view', () => {
  const caseRows = ROLE_NAMES.flatMap((role) =>
    CASE_COMMANDS.flatMap((command) => VIEW_NAMES.map((view) => [role, command, view, READ[view][role] && ALLOWED[command][role]] as const)),
  );
  it.each(caseRows)('%s running %s on a case (%s) → %s', (role, command, view, expected) => {
    expect(canWrite(PROFILES[role], command, VIEWS[view])).toBe(expected);
  });

  const globalRows = ROLE_NAMES.flatMap((role) => GLOBAL_COMMANDS.map((command) => [role, command, ALLOWED[command][role]] as const));
  it.each(globalRows)('%s running %s → %s', (role, command, expected) => {
    expect(canWrite(PROFILES[role], command)).toBe(expected);
    // A case view does not widen a global permission.
    expect(canWrite(PROFILES[role], command, VIEWS['own network, own request'])).toBe(expected);
  });

  it.each(ROLE_NAMES)('%s: case commands without the case view are refused', (role) => {
    for (const command of CASE_COMMANDS) {
      expect(canWrite(PROFILES[role], command)).toBe(false);
      expect(canWrite(PROFILES[role], command, null)).toBe(false);
    }
  });

  it('unknown commands are refused for everyone', () => {
    for (const profile of Object.values(PROFILES)) {
      expect(canWrite(profile, 'consultation.delete-everything', VIEWS['own network, own request'])).toBe(false);
      expect(canWrite(profile, 'lifecycle.teleport', VIEWS['own network, own request'])).toBe(false);
    }
  });

  it('assertCanWrite throws a typed not-permitted error naming the command', () => {
    expect(() => assertCanWrite(coordinator, 'settings.update')).not.toThrow();
    const error = thrownProtectionError(() => assertCanWrite(expert, 'lifecycle.route', VIEWS['own network, own request']));
    expect(error).toMatchObject({ code: 'not-permitted', params: { command: 'lifecycle.route' } });
    expect(error.messageKey).toBe('protection.error.not-permitted');
  });
});
