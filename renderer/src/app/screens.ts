import { preloadable } from '../components/Preloadable';

/**
 * Every screen of the open app in its own chunk: none is needed for the lock screen, the first paint
 * (app/preload.ts starts loading them while the passphrase is typed). Each is
 * `{ Component, preload }` (components/Preloadable); App renders `Component` under <Suspense>.
 */
export const screens = {
  worklist: preloadable(() => import('../features/worklist/WorklistScreen').then((m) => m.WorklistScreen)),
  home: preloadable(() => import('../features/home/HomeScreen').then((m) => m.HomeScreen)),
  myRequests: preloadable(() => import('../features/requester-desk/MyRequestsScreen').then((m) => m.MyRequestsScreen)),
  networkDesk: preloadable(() => import('../features/expert-desk/NetworkDeskScreen').then((m) => m.NetworkDeskScreen)),
  requestForm: preloadable(() => import('../features/requester-desk/RequestFormScreen').then((m) => m.RequestFormScreen)),
  deskFiles: preloadable(() => import('../features/desk-files/DeskFilesScreen').then((m) => m.DeskFilesScreen)),
  draft: preloadable(() => import('../features/expert-desk/DraftScreen').then((m) => m.DraftScreen)),
  newCase: preloadable(() => import('../features/intake/NewCaseScreen').then((m) => m.NewCaseScreen)),
  case: preloadable(() => import('../features/case/CaseScreen').then((m) => m.CaseScreen)),
  editCase: preloadable(() => import('../features/case/EditCaseScreen').then((m) => m.EditCaseScreen)),
  meetings: preloadable(() => import('../features/meetings/MeetingsScreen').then((m) => m.MeetingsScreen)),
  agenda: preloadable(() => import('../features/meetings/AgendaScreen').then((m) => m.AgendaScreen)),
  letter: preloadable(() => import('../features/letter/LetterScreen').then((m) => m.LetterScreen)),
  summary: preloadable(() => import('../features/summary/SummaryScreen').then((m) => m.SummaryScreen)),
  national: preloadable(() => import('../features/summary/NationalScreen').then((m) => m.NationalScreen)),
  exchange: preloadable(() => import('../features/exchange/ExchangeScreen').then((m) => m.ExchangeScreen)),
  audit: preloadable(() => import('../features/audit/AuditScreen').then((m) => m.AuditScreen)),
  retention: preloadable(() => import('../features/retention/RetentionScreen').then((m) => m.RetentionScreen)),
  networks: preloadable(() => import('../features/networks/NetworksScreen').then((m) => m.NetworksScreen)),
  methods: preloadable(() => import('../features/knowledge/MethodsScreen').then((m) => m.MethodsScreen)),
  whatIf: preloadable(() => import('../features/routing/WhatIfScreen').then((m) => m.WhatIfScreen)),
  settings: preloadable(() => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen)),
  help: preloadable(() => import('../features/help/HelpScreen').then((m) => m.HelpScreen)),
};

let hold: Promise<void> | null = null;

/**
 * Holds the loading of the remaining screens until `until` settles: the unlocked app's first load
 * (OpenSession: until the list index is ready). Evaluating a screen's chunk is one task of its own
 * (tens of ms for the larger ones); during the index load it would be the longest wait of a click.
 */
export function holdPreloads(until: Promise<unknown>): void {
  const mine: Promise<void> = until.then(
    () => {
      if (hold === mine) hold = null;
    },
    () => {
      if (hold === mine) hold = null;
    },
  );
  hold = mine;
}

/**
 * Starts loading every screen, the ones a desk opens on first (the work list, the home screens):
 * the rest follow one at a time, each when no hold is on (holdPreloads). A failure here is not
 * reported: the screen's own load tries again and its boundary says what went wrong.
 */
export function preloadScreens(): void {
  const first = [screens.worklist, screens.home, screens.myRequests, screens.networkDesk];
  void Promise.allSettled(first.map((screen) => screen.preload())).then(async () => {
    for (const screen of Object.values(screens)) {
      while (hold) await hold;
      await screen.preload().catch(() => {});
    }
  });
}
