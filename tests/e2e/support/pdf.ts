import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pdfOptions } from '../../../electron/main/print';

/**
 * What a printed view puts on paper: the page rendered with print media to a PDF exactly as the
 * desktop app's printToPdf does (A4, backgrounds, portrait or landscape; the page's own @page rule
 * sets the margins), then read back as text by poppler's `pdftotext` — one string per sheet. The
 * PDF's text, not the DOM, is what proves a table was not cut off on paper.
 */
export const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? 'pdftotext';

/** Stops the end-to-end run early, saying how to install poppler-utils, when pdftotext is missing. */
export function assertPdftotext(): void {
  try {
    execFileSync(PDFTOTEXT, ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `pdftotext was not found (${PDFTOTEXT}). The end-to-end tests read printed views back from PDF with poppler's pdftotext: ` +
        'install it with `sudo apt-get install -y poppler-utils` (Debian/Ubuntu), or point PDFTOTEXT_PATH at the binary.',
    );
  }
}

/** The text of each page of a PDF, in reading order, whitespace runs collapsed to one space. */
export function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'otk-pdf-'));
  try {
    const file = join(dir, 'printed.pdf');
    writeFileSync(file, pdf);
    // -raw: the order the page draws its text, so a table cell wrapped over two lines stays together.
    const text = execFileSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').map((page) => page.replace(/\s+/g, ' ').trim());
    // pdftotext ends the last page with a form feed too.
    if (pages.at(-1) === '') pages.pop();
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let keptCount = 0;

/** Prints the page as the desktop app would (print media, A4) and returns each sheet's text. */
export async function printedPages(page: Page, options: { landscape?: boolean } = {}): Promise<string[]> {
  const electron = pdfOptions(options.landscape ?? false);
  await page.emulateMedia({ media: 'print' });
  try {
    const pdf = await page.pdf({ format: electron.pageSize as 'A4', landscape: electron.landscape, printBackground: electron.printBackground });
    // KEEP_PDF_DIR=<folder> keeps each printed PDF there, to look at what the test read.
    const keep = process.env.KEEP_PDF_DIR;
    if (keep) writeFileSync(join(keep, `printed${(await page.evaluate(() => window.location.hash)).replace(/[^a-z0-9]+/gi, '-')}-${keptCount++}.pdf`), pdf);
    return pdfPages(pdf);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/** How often `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
