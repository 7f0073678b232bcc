import { contextBridge, ipcRenderer } from 'electron';
// Type-only: erased from the bundle, so the sandboxed preload never loads zod.
import type { Bridge } from '../../shared/bridge/contract';
import { BRIDGE_GLOBAL, channelFor } from '../../shared/bridge/methods';

/**
 * Exactly the named bridge methods, one channel each, one argument each. Never ipcRenderer itself
 * or a generic invoke(channel): the renderer can reach nothing in main but these calls.
 * Main checks the sender and parses every argument and result with the shared contract.
 */
const bridge: Bridge = {
  appInfo: (args) => ipcRenderer.invoke(channelFor('appInfo'), args),
  saveFile: (args) => ipcRenderer.invoke(channelFor('saveFile'), args),
  openFile: (args) => ipcRenderer.invoke(channelFor('openFile'), args),
  printToPdf: (args) => ipcRenderer.invoke(channelFor('printToPdf'), args),
  chooseBackupFolder: (args) => ipcRenderer.invoke(channelFor('chooseBackupFolder'), args),
  writeBackupPart: (args) => ipcRenderer.invoke(channelFor('writeBackupPart'), args),
  readBackupPart: (args) => ipcRenderer.invoke(channelFor('readBackupPart'), args),
  listBackupFiles: (args) => ipcRenderer.invoke(channelFor('listBackupFiles'), args),
  deleteBackupFile: (args) => ipcRenderer.invoke(channelFor('deleteBackupFile'), args),
  openBackupFile: (args) => ipcRenderer.invoke(channelFor('openBackupFile'), args),
  readBackupFile: (args) => ipcRenderer.invoke(channelFor('readBackupFile'), args),
  closeBackupFile: (args) => ipcRenderer.invoke(channelFor('closeBackupFile'), args),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
