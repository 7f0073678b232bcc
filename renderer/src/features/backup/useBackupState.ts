import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../services/services';
import { readBackupState, type BackupState } from '../../commands/backup/state';
import type { BridgeResult } from '../../../../shared/bridge/contract';

/** The backup settings and the last verified backup, live. */
export function useBackupState(): BackupState | undefined {
  const { db } = useServices().commands;
  return useLiveQuery(() => readBackupState(db), [db]);
}

/** Which shell runs the app: 'electron' writes backups into a folder, 'web' downloads them. */
export function useShell(): BridgeResult<'appInfo'>['shell'] | undefined {
  const { bridge } = useServices();
  const [shell, setShell] = useState<BridgeResult<'appInfo'>['shell']>();
  useEffect(() => {
    let live = true;
    bridge.appInfo({}).then(
      (info) => live && setShell(info.shell),
      () => live && setShell('web'),
    );
    return () => {
      live = false;
    };
  }, [bridge]);
  return shell;
}
