import type { PrintToPDFOptions } from 'electron';
import type { BridgeResult } from '../../shared/bridge/contract';
import { saveFile, type FileDeps } from './files';

/** The window whose page is printed, as far as printing uses it. */
export interface PrintableWindow {
  webContents: {
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
}

export const PDF_FILTER = { name: 'PDF', extensions: ['pdf'] };

/** How the page is laid out on paper: A4, with the page's backgrounds and colours. */
export function pdfOptions(landscape: boolean): PrintToPDFOptions {
  return { landscape, printBackground: true, pageSize: 'A4' };
}

/**
 * Renders the page the window shows right now (the renderer has put its print view on screen) to a
 * PDF, then asks where to save it and writes it atomically, private to the user, exactly as
 * saveFile does. The window is the one the sender check returned, so this prints only our own page.
 * A page that cannot be rendered is reported as write-failed: no file was written.
 */
export async function printToPdf<W extends PrintableWindow>(
  deps: FileDeps<W>,
  window: W,
  args: { suggestedName: string; landscape?: boolean | undefined },
): Promise<BridgeResult<'printToPdf'>> {
  let pdf: Uint8Array;
  try {
    pdf = await window.webContents.printToPDF(pdfOptions(args.landscape ?? false));
  } catch {
    return { status: 'failed', code: 'write-failed' };
  }
  return saveFile(deps, window, { suggestedName: args.suggestedName, bytes: pdf, filters: [PDF_FILTER] });
}
