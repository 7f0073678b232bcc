import { z } from 'zod';
import { MSG, requiredText } from '../domain/validation';
import { LIFECYCLE_ACTIONS, type LifecycleAction } from '../lifecycle/transitions';
import { ProtectionError } from './errors';
import { PROTECTION_MSG } from './messages';

/**
 * Roles and what they may do — least privilege, as pure policy the command layer checks (the UI
 * only mirrors it):
 *  - coordinator: everything in the centre;
 *  - expert (bound to one network): reads the cases currently routed to that network (a re-route
 *    elsewhere ends the access) and drafts their recommendation ('recommendation.draft'); the
 *    coordinator takes the draft in, records the consultation with it and sends the letter;
 *  - requester (bound to a requester key): reads their own requests and the recommendations on
 *    them, makes new requests of their own and may withdraw them ('lifecycle.cancel').
 * Everything else (routing, booking, recording and sending the recommendation, settings, networks,
 * summaries, the audit log, purging, profiles) is the coordinator's.
 *
 * Commands on a case need its view ({ networkId, requesterKey }): without one, nobody may run
 * them, so a missing lookup can never widen access.
 */

export const ROLES = ['coordinator', 'expert', 'requester'] as const;
export type Role = (typeof ROLES)[number];
export const PROFILE_LANGUAGES = ['fi', 'sv', 'en'] as const;

const base = {
  id: requiredText(100),
  name: requiredText(200),
  language: z.enum(PROFILE_LANGUAGES, { error: MSG.choose }),
};

export const ProfileSchema = z.discriminatedUnion(
  'role',
  [
    z.object({ ...base, role: z.literal('coordinator') }).strict(),
    z.object({ ...base, role: z.literal('expert'), networkId: z.string({ error: PROTECTION_MSG.profileNetworkRequired }).trim().min(1, PROTECTION_MSG.profileNetworkRequired) }).strict(),
    z.object({ ...base, role: z.literal('requester'), requesterKey: z.string({ error: PROTECTION_MSG.profileRequesterRequired }).min(1, PROTECTION_MSG.profileRequesterRequired) }).strict(),
  ],
  { error: MSG.choose },
);

export type Profile = z.output<typeof ProfileSchema>;

/** What a policy decision needs to know about a case. */
export interface CaseView {
  /** The network the case is currently routed to; null when not routed. */
  networkId: string | null;
  /** The requester's key (renderer/src/commands/requesters `requesterKey`). */
  requesterKey: string;
}

export const CASE_COMMANDS = [
  'consultation.create',
  'consultation.update',
  'consultation.print',
  ...LIFECYCLE_ACTIONS.map((action) => `lifecycle.${action}` as const),
  'recommendation.write',
  'recommendation.draft',
  'recommendation.follow-up',
  'meeting.book',
  'conflict.resolve',
  'retention.purge',
] as const;

/** Exchange (writing and opening bundles) is not here: which desk may write or open which bundle is ./exchange-policy. */
export const GLOBAL_COMMANDS = [
  'settings.update',
  'network.create',
  'network.update',
  /** The methods registry: a centre's own methods (issue 21). */
  'method.update',
  'meeting.update',
  'summary.read',
  'audit.read',
  'audit.export',
  'retention.review',
  'profile.manage',
] as const;

export type CaseCommand = (typeof CASE_COMMANDS)[number];
export type GlobalCommand = (typeof GLOBAL_COMMANDS)[number];
export type Command = CaseCommand | GlobalCommand;
export const COMMANDS: readonly Command[] = [...CASE_COMMANDS, ...GLOBAL_COMMANDS];

/** Case commands each bound role may run on the cases it can read. The coordinator may run all. */
const EXPERT_CASE_COMMANDS: ReadonlySet<Command> = new Set<Command>(['recommendation.draft', 'consultation.print']);
const REQUESTER_CASE_COMMANDS: ReadonlySet<Command> = new Set<Command>(['consultation.create', 'lifecycle.cancel', 'consultation.print']);

export function isCaseCommand(command: string): command is CaseCommand {
  return (CASE_COMMANDS as readonly string[]).includes(command);
}

export function isCommand(command: string): command is Command {
  return (COMMANDS as readonly string[]).includes(command);
}

/** The command name of a lifecycle action. */
export function lifecycleCommand(action: LifecycleAction): CaseCommand {
  return `lifecycle.${action}`;
}

/**
 * May the role run `command` on at least some case (its own, its network's) — the question a screen
 * asks before it offers a command at all. Global commands are the coordinator's.
 */
export function roleMayRun(role: Role, command: Command): boolean {
  if (role === 'coordinator') return true;
  if (!isCaseCommand(command)) return false;
  return (role === 'expert' ? EXPERT_CASE_COMMANDS : REQUESTER_CASE_COMMANDS).has(command);
}

/**
 * What each role may see beyond the single cases `canRead` decides: lists and desks. The screens
 * of the renderer declare one of these, or a command (shared/protection/screens).
 */
export const VIEWS = ['cases.list', 'meetings.list', 'intake.record', 'exchange.centre', 'desk.requests', 'desk.drafts', 'desk.files'] as const;
export type View = (typeof VIEWS)[number];

const ROLE_VIEWS: Record<Role, ReadonlySet<View>> = {
  // The centre: the work list, the meetings, recording requests that come by phone, mail or form, and exchange.
  coordinator: new Set<View>(['cases.list', 'meetings.list', 'intake.record', 'exchange.centre']),
  // An expert: its network's cases and meetings, its drafts, its files.
  expert: new Set<View>(['cases.list', 'meetings.list', 'desk.drafts', 'desk.files']),
  // A requesting professional: its own requests and its files.
  requester: new Set<View>(['desk.requests', 'desk.files']),
};

/** May the role see `view`? */
export function roleMaySee(role: Role, view: View): boolean {
  return ROLE_VIEWS[role].has(view);
}

/** May the profile see this case (its record, timeline and recommendation)? */
export function canRead(profile: Profile, caseView: CaseView): boolean {
  switch (profile.role) {
    case 'coordinator':
      return true;
    case 'expert':
      return caseView.networkId !== null && caseView.networkId === profile.networkId;
    case 'requester':
      return caseView.requesterKey === profile.requesterKey;
    default:
      return false;
  }
}

/**
 * May the profile run `command`? Case commands need the case's view (for 'consultation.create',
 * the view of the case being created) and access to it; unknown commands are refused.
 */
export function canWrite(profile: Profile, command: string, caseView?: CaseView | null): boolean {
  if (!isCommand(command)) return false;
  if (isCaseCommand(command)) {
    if (caseView === undefined || caseView === null || !canRead(profile, caseView)) return false;
    if (profile.role === 'coordinator') return true;
    return (profile.role === 'expert' ? EXPERT_CASE_COMMANDS : REQUESTER_CASE_COMMANDS).has(command);
  }
  return profile.role === 'coordinator';
}

/** The command layer's guard: throws `ProtectionError('not-permitted')` unless `canWrite`. */
export function assertCanWrite(profile: Profile, command: string, caseView?: CaseView | null): void {
  if (!canWrite(profile, command, caseView)) {
    throw new ProtectionError('not-permitted', `${profile.role} may not run ${command}${caseView ? ' on this case' : ''}`, { command });
  }
}

/** The command layer's guard for reading: throws `ProtectionError('not-permitted')` unless `canRead`. */
export function assertCanRead(profile: Profile, caseView: CaseView): void {
  if (!canRead(profile, caseView)) throw new ProtectionError('not-permitted', `${profile.role} may not read this case`, { command: 'consultation.read' });
}
