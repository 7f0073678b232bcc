import { preloadable } from '../components/Preloadable';
import { loadAllLanguages } from '../i18n';

/**
 * The first paint needs only the lock screen (main.tsx → SessionGate → UnlockScreen): everything
 * else is its own chunk. The set-up, restore, trouble and recovery-key screens load when shown;
 * the open app — OpenSession (services, idle lock, backups), App (header, menu) and every screen
 * (app/screens.ts) — starts loading as soon as the lock screen is on screen (`preloadUnlocked`),
 * while the user types the passphrase, so that unlocking does not wait for it.
 */
export const gateScreens = {
  setup: preloadable(() => import('../features/session/SetupScreen').then((m) => m.SetupScreen)),
  recoveryKey: preloadable(() => import('../features/session/RecoveryKeyScreen').then((m) => m.RecoveryKeyScreen)),
  restore: preloadable(() => import('../features/backup/RestoreScreen').then((m) => m.RestoreScreen)),
  trouble: preloadable(() => import('../features/backup/DatabaseTroubleScreen').then((m) => m.DatabaseTroubleScreen)),
};

export const openSession = preloadable(() => import('./OpenSession').then((m) => m.OpenSession));

// Letters and printouts use a language other than the screen's: every catalogue is there before the app shows.
export const app = preloadable(() => Promise.all([import('./App'), loadAllLanguages()]).then(([m]) => m.App));

let started = false;

/** Starts loading the open app and its screens (once; a failed load is tried again when needed). */
export function preloadUnlocked(): void {
  if (started) return;
  started = true;
  void gateScreens.recoveryKey.preload().catch(() => {});
  void openSession.preload().catch(() => {});
  void app
    .preload()
    .then(() => import('./screens'))
    .then((m) => m.preloadScreens())
    .catch(() => {});
}
