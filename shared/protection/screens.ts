import { roleMayRun, roleMaySee, type Command, type Role, type View } from './roles';

/**
 * Every screen of the app and what it needs from the role table the commands use (./roles): a
 * command the role may run somewhere, a view (list or desk) the role may see, or nothing ('open').
 * The router shows a screen only when `mayOpenScreen` says so, and the main menu lists exactly the
 * screens a role may open; single cases are still checked one by one (`canRead`) when read.
 */
export const SCREENS = [
  'home',
  'help',
  'case',
  'letter',
  'edit',
  'new',
  'worklist',
  'meetings',
  'meeting',
  'summaries',
  'national',
  'exchange',
  'audit',
  'networks',
  'methods',
  'what-if',
  'settings',
  'retention',
  'request',
  'draft',
  'files',
] as const;
export type Screen = (typeof SCREENS)[number];

export type ScreenNeed = 'open' | { command: Command } | { view: View };

export const SCREEN_NEEDS: Readonly<Record<Screen, ScreenNeed>> = {
  // Each role's own start page, and help.
  home: 'open',
  help: 'open',
  // A case and its letter: the read is checked per case (an expert its network's, a requester its own).
  case: 'open',
  letter: { command: 'consultation.print' },
  edit: { command: 'consultation.update' },
  new: { view: 'intake.record' },
  worklist: { view: 'cases.list' },
  meetings: { view: 'meetings.list' },
  meeting: { view: 'meetings.list' },
  summaries: { command: 'summary.read' },
  national: { command: 'summary.read' },
  exchange: { view: 'exchange.centre' },
  audit: { command: 'audit.read' },
  networks: { command: 'network.update' },
  methods: { command: 'method.update' },
  // Where a request would be routed: the routing decision is the coordinator's.
  'what-if': { command: 'lifecycle.route' },
  settings: { command: 'settings.update' },
  retention: { command: 'retention.review' },
  request: { view: 'desk.requests' },
  draft: { view: 'desk.drafts' },
  files: { view: 'desk.files' },
};

/** May a profile of `role` open `screen`? */
export function mayOpenScreen(role: Role, screen: Screen): boolean {
  const need = SCREEN_NEEDS[screen];
  if (need === 'open') return true;
  return 'command' in need ? roleMayRun(role, need.command) : roleMaySee(role, need.view);
}
