import type { Page } from 'playwright-core';
import { BRIDGE_GLOBAL } from '../../../shared/bridge/methods';
import { BACKUP_FILE_NAME } from '../../../shared/backup/file-name';

/**
 * A stand-in for the desktop shell (Electron's preload) in Chromium, for what only the desktop app
 * does — automatic backups into a chosen folder. The page gets a `window.otkBridge` that answers
 * as Electron's would (`shell: 'electron'`); the backup folder is a Map in the test (it survives
 * the page's reloads), written in parts and renamed into place on commit, like main does. Files
 * the test puts there (older generations, another installation's) are listed like the app's.
 * Everything else of the shell (save, open, print) answers "failed": these tests do not use it.
 */
export class FakeShell {
  readonly folder = '/synteettinen/verkkolevy/varmuuskopiot';
  readonly files = new Map<string, Buffer>();
  private readonly pending = new Map<string, Buffer>();

  /** Installs the shell on the page (call from BrowserSession.start's beforeOpen). */
  async install(page: Page): Promise<void> {
    await page.exposeFunction('__otkFakeShell', (method: string, json: string) => JSON.stringify(this.call(method, JSON.parse(json) as Record<string, unknown>)));
    await page.addInitScript((global) => {
      const toBase64 = (bytes: Uint8Array) => {
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
      };
      const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const call = async (method: string, args: Record<string, unknown>) => {
        const sent = { ...args, ...(args.bytes instanceof Uint8Array ? { bytes: toBase64(args.bytes) } : {}) };
        const fn = (window as unknown as { __otkFakeShell: (m: string, j: string) => Promise<string> }).__otkFakeShell;
        const result = JSON.parse(await fn(method, JSON.stringify(sent))) as Record<string, unknown>;
        return typeof result.bytes === 'string' ? { ...result, bytes: fromBase64(result.bytes) } : result;
      };
      const methods = ['appInfo', 'saveFile', 'openFile', 'printToPdf', 'chooseBackupFolder', 'writeBackupPart', 'readBackupPart', 'listBackupFiles', 'deleteBackupFile', 'openBackupFile', 'readBackupFile', 'closeBackupFile'];
      (window as unknown as Record<string, unknown>)[global] = Object.fromEntries(methods.map((method) => [method, (args: Record<string, unknown>) => call(method, args)]));
    }, BRIDGE_GLOBAL);
  }

  private call(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const name = String(args.name ?? '');
    switch (method) {
      case 'appInfo':
        return { name: 'OT-keskus', version: '0.1.0', shell: 'electron', platform: 'linux', dataLocation: '~/.config/otk-consultation-desk', keyStore: 'plain' };
      case 'chooseBackupFolder':
        return { status: 'chosen', folder: this.folder };
      case 'writeBackupPart': {
        if (args.folder !== this.folder || !BACKUP_FILE_NAME.test(name)) return { status: 'failed', code: 'folder-not-allowed' };
        if (args.action === 'write') {
          const part = Buffer.from(String(args.bytes), 'base64');
          const before = args.offset === 0 ? Buffer.alloc(0) : (this.pending.get(name) ?? Buffer.alloc(0));
          if (before.length !== args.offset) return { status: 'failed', code: 'write-failed' };
          this.pending.set(name, Buffer.concat([before, part]));
        } else if (args.action === 'commit') {
          const written = this.pending.get(name);
          if (!written || written.length !== args.size) return { status: 'failed', code: 'write-failed' };
          this.files.set(name, written);
          this.pending.delete(name);
        } else this.pending.delete(name);
        return { status: 'done' };
      }
      case 'readBackupPart': {
        const file = this.files.get(name);
        if (!file) return { status: 'failed', code: 'not-found' };
        const offset = Number(args.offset);
        return { status: 'read', bytes: file.subarray(offset, offset + Number(args.length)).toString('base64'), size: file.length };
      }
      case 'listBackupFiles':
        return { status: 'listed', files: [...this.files].filter(([file]) => BACKUP_FILE_NAME.test(file)).map(([file, bytes]) => ({ name: file, size: bytes.length })) };
      case 'deleteBackupFile':
        if (!this.files.has(name)) return { status: 'failed', code: 'not-found' };
        if (this.files.get(name)!.subarray(0, 4).toString('latin1') !== 'OTKB') return { status: 'failed', code: 'not-a-backup' };
        this.files.delete(name);
        return { status: 'deleted' };
      case 'openBackupFile':
      case 'readBackupFile':
        return { status: 'failed', code: 'unsupported' };
      case 'closeBackupFile':
        return { status: 'closed' };
      case 'openFile':
      case 'saveFile':
      case 'printToPdf':
        return { status: 'failed', code: 'write-failed' };
      default:
        throw new Error(`the fake shell has no ${method}`);
    }
  }
}
