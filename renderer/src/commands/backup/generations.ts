import type { Bridge } from '../../../../shared/bridge/contract';
import { DEFAULT_KEEP, installationTag, planGenerations, readBackupHeader } from '../../../../shared/backup';
import { failureOf, folderSource } from './files';

/**
 * Removes this installation's older backups from the folder (shared/backup/generations: 7 daily,
 * 4 weekly, 12 monthly), written on this device (`device`; older names without one count too). A file is removed only when its name says it is this installation's
 * backup AND its header says so too (the shell checks again that it begins as a backup). Returns
 * the names removed.
 */
export async function pruneGenerations(bridge: Bridge, folder: string, installationId: string, justWritten: string, device: string | null = null): Promise<string[]> {
  const listed = await bridge.listBackupFiles({ folder });
  if (listed.status === 'failed') throw failureOf(listed.code);
  const plan = planGenerations(
    listed.files.map((file) => file.name),
    installationTag(installationId),
    justWritten,
    DEFAULT_KEEP,
    device,
  );
  const removed: string[] = [];
  for (const name of plan.remove) {
    const header = await readBackupHeader(await folderSource(bridge, folder, name)).catch(() => null);
    if (header?.sender.installationId !== installationId) continue;
    const result = await bridge.deleteBackupFile({ folder, name });
    if (result.status === 'failed') throw failureOf(result.code);
    removed.push(name);
  }
  return removed;
}
