import type { BridgeArgs, BridgeResult, FileFilter } from '../../../shared/bridge/contract';
import { MAX_FILE_BYTES, type BridgeMethod } from '../../../shared/bridge/methods';
import { APP_NAME, APP_VERSION } from '../services/app-meta';
import { nextTask } from '../db/next-task';

/**
 * The shell contract implemented with plain browser APIs, so the identical UI runs in Chromium
 * (end-to-end tests, and `npm run web` where the Electron runtime is unavailable).
 */

function appInfo(): BridgeResult<'appInfo'> {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    shell: 'web',
    platform: navigator.platform || 'browser',
    // The site whose data the browser keeps it under (host and port): the footer says it in words.
    dataLocation: window.location.host,
    keyStore: 'browser',
  };
}

/** Bytes copied into a download's Blob per task: a 140 MiB backup is not one long copy on the UI thread. */
const BLOB_PART = 8 * 1024 * 1024;

/**
 * The bytes as a Blob, built a part per task: a Blob made of a Blob and a part copies only the part
 * (the earlier parts are referenced), so no task copies more than `partBytes`.
 */
export async function blobInParts(bytes: Uint8Array, partBytes = BLOB_PART): Promise<Blob> {
  const type = 'application/octet-stream';
  let blob = new Blob([], { type });
  for (let at = 0; at < bytes.length; at += partBytes) {
    if (at > 0) await nextTask();
    blob = new Blob([blob, bytes.subarray(at, at + partBytes) as Uint8Array<ArrayBuffer>], { type });
  }
  return blob;
}

/** A download link: the browser saves the file to its download folder (or asks, per its settings). */
async function saveFile(args: BridgeArgs<'saveFile'>): Promise<BridgeResult<'saveFile'>> {
  const url = URL.createObjectURL(await blobInParts(args.bytes));
  const link = document.createElement('a');
  link.href = url;
  link.download = args.suggestedName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { status: 'saved', location: args.suggestedName };
}

function acceptOf(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');
}

/** A hidden file input: the file the user picks, or null when the picker is cancelled. */
function pickFile(accept: string, title?: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    if (title !== undefined) input.title = title;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    document.body.append(input);
    input.click();
  });
}

/** The picked file's bytes, whole (small files: bundles, summaries). */
async function openFile(args: BridgeArgs<'openFile'>): Promise<BridgeResult<'openFile'>> {
  const maxBytes = args.maxBytes ?? MAX_FILE_BYTES;
  const file = await pickFile(acceptOf(args.filters));
  if (!file) return { status: 'cancelled' };
  if (file.size > maxBytes) return { status: 'failed', code: 'too-large' };
  try {
    return { status: 'opened', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { status: 'failed', code: 'read-failed' };
  }
}

/** Files picked for a restore, by handle: a File is a Blob, read by slices (never whole into memory). */
const openedFiles = new Map<string, File>();
/** At most this many kept; picking another forgets the oldest. */
const MAX_OPENED = 4;

/** The file picker for a backup: the File is kept under an opaque handle and read in parts. */
async function openBackupFile(args: BridgeArgs<'openBackupFile'>): Promise<BridgeResult<'openBackupFile'>> {
  const file = await pickFile('.otk', args.typeName);
  if (!file) return { status: 'cancelled' };
  while (openedFiles.size >= MAX_OPENED) openedFiles.delete(openedFiles.keys().next().value!);
  const handle = crypto.randomUUID();
  openedFiles.set(handle, file);
  return { status: 'opened', handle, name: file.name, size: file.size };
}

async function readBackupFile(args: BridgeArgs<'readBackupFile'>): Promise<BridgeResult<'readBackupFile'>> {
  const file = openedFiles.get(args.handle);
  if (!file) return { status: 'failed', code: 'not-found' };
  try {
    return { status: 'read', bytes: new Uint8Array(await file.slice(args.offset, args.offset + args.length).arrayBuffer()) };
  } catch {
    // The file was changed, moved or deleted after it was picked.
    return { status: 'failed', code: 'read-failed' };
  }
}

/**
 * The browser's own print dialog for the page on screen (the renderer's print view, styled with
 * `@media print`); the user picks a printer or "Save as PDF" there, so the outcome is unknown.
 */
function printToPdf(): BridgeResult<'printToPdf'> {
  window.print();
  return { status: 'printed' };
}

export async function callWebBridge(method: BridgeMethod, args: unknown): Promise<unknown> {
  switch (method) {
    case 'appInfo':
      return appInfo();
    case 'saveFile':
      return saveFile(args as BridgeArgs<'saveFile'>);
    case 'openFile':
      return openFile(args as BridgeArgs<'openFile'>);
    case 'printToPdf':
      return printToPdf();
    // No folders in a browser: backups are downloaded (renderer/src/commands/backup).
    case 'chooseBackupFolder':
    case 'writeBackupPart':
    case 'readBackupPart':
    case 'listBackupFiles':
    case 'deleteBackupFile':
      return { status: 'failed', code: 'unsupported' };
    case 'openBackupFile':
      return openBackupFile(args as BridgeArgs<'openBackupFile'>);
    case 'readBackupFile':
      return readBackupFile(args as BridgeArgs<'readBackupFile'>);
    case 'closeBackupFile':
      openedFiles.delete((args as BridgeArgs<'closeBackupFile'>).handle);
      return { status: 'closed' };
  }
}
