import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CommandContext } from '../../access/context';

type OtkDatabase = CommandContext['db'];
import type { Bridge } from '../../../../shared/bridge/contract';
import type { Clock } from '../../../../shared/clock';
import type { Profile } from '../../../../shared/protection/roles';
import { dueAfterChange, dueOnLeaving } from '../../../../shared/backup';
import { readBackupState } from '../../commands/backup/state';
import { changedSinceLastBackup } from '../../commands/backup/changes';
import { writeBackup } from '../../commands/backup/write';
import { APP_VERSION } from '../../services/app-meta';
import { deviceTag } from './device-tag';
import { askPersistentStorage } from './persistent-storage';

/** Wait this long after a change before the day's first automatic backup (the user may be mid-task). */
export const AFTER_CHANGE_DELAY_MS = 5_000;

interface Params {
  db: OtkDatabase;
  bridge: Bridge;
  profile: Profile;
  clock: Clock;
}

/**
 * Automatic backups of the desktop app into the chosen folder: after the first change of a
 * (Finnish) day, and when the session ends — locked by hand, by the idle timer or the shortcut,
 * or the window closed — whenever anything changed since the last verified backup. Closing the
 * window then waits for the backup (a few seconds) and closes it after. A failed automatic backup
 * is recorded and audited by the command and shown on Home and in the banner (./BackupReminder),
 * never silent. The browser cannot write files unasked: there the banner offers the download.
 */
export function useAutomaticBackups({ db, bridge, profile, clock }: Params) {
  const [desktop, setDesktop] = useState(false);
  const [leavingNow, setLeavingNow] = useState(false);
  const leaving = useRef(false);
  const running = useRef<Promise<unknown> | null>(null);
  const watched = useLiveQuery(async () => {
    const state = await readBackupState(db);
    return { state, changed: await changedSinceLastBackup(db, state) };
  }, [db]);
  const current = useRef(watched);
  useEffect(() => {
    current.current = watched;
  }, [watched]);

  useEffect(() => {
    let live = true;
    bridge.appInfo({}).then(
      (info) => {
        if (live) setDesktop(info.shell === 'electron');
        // The browser may clear a site's data when the disk runs low, unless asked to keep it.
        if (info.shell === 'web') void askPersistentStorage();
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  const backUp = useCallback(async () => {
    const folder = current.current?.state.folder;
    if (!folder) return;
    if (running.current) return running.current;
    const ctx = { db, actor: profile.name, profile, now: clock };
    running.current = writeBackup(ctx, bridge, { kind: 'folder', folder }, { appVersion: APP_VERSION, device: deviceTag() })
      .catch((error: unknown) => console.error('automatic backup failed', error))
      .finally(() => (running.current = null));
    return running.current;
  }, [db, bridge, profile, clock]);

  // After the first change of the day.
  const due = desktop && watched !== undefined && watched.state.folder !== null && dueAfterChange({ at: watched.state.last?.at ?? null }, watched.changed, clock());
  useEffect(() => {
    if (!due) return;
    const timer = setTimeout(() => void backUp(), AFTER_CHANGE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [due, backUp]);

  /** Before the session ends (lock, switch profile): a backup when anything changed. Never throws. */
  const beforeLeave = useCallback(async () => {
    leaving.current = true;
    const seen = current.current;
    if (!desktop || !seen?.state.folder || !dueOnLeaving(seen.changed)) return;
    setLeavingNow(true);
    await backUp();
  }, [desktop, backUp]);

  // The window closed with changes not backed up: keep it open until the backup is written.
  useEffect(() => {
    if (!desktop) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const seen = current.current;
      if (leaving.current || !seen?.state.folder || !dueOnLeaving(seen.changed)) return;
      // Electron keeps the window open when the handler sets returnValue (preventDefault alone is not
      // enough there); its close is then repeated by the renderer once the backup is written.
      event.preventDefault();
      event.returnValue = false;
      void beforeLeave().finally(() => window.close());
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [desktop, beforeLeave]);

  return { beforeLeave, leavingNow };
}
