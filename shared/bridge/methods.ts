/**
 * The names of every call the renderer may make to the shell, and the IPC channel of each.
 * Kept free of zod so that the sandboxed preload bundle stays tiny: the preload only needs names.
 */
export const BRIDGE_METHODS = ['appInfo', 'saveFile', 'openFile', 'printToPdf', 'chooseBackupFolder', 'writeBackupPart', 'readBackupPart', 'listBackupFiles', 'deleteBackupFile', 'openBackupFile', 'readBackupFile', 'closeBackupFile'] as const;

export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

export const BRIDGE_CHANNEL_PREFIX = 'otk:';

export function channelFor(method: BridgeMethod): string {
  return `${BRIDGE_CHANNEL_PREFIX}${method}`;
}

/** The largest file the bridge opens or saves: 256 MiB (a full bundle of 100 000 cases is far smaller). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The property under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'otkBridge';
