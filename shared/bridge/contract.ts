import { z } from 'zod';
import { MAX_FILE_BYTES, type BridgeMethod } from './methods';
import { backupContract } from './backup-contract';

/**
 * The one contract between the renderer and the shell (Electron main, or the browser's web bridge).
 * Every argument and result is parsed with these schemas on both sides of the boundary.
 */

export { MAX_FILE_BYTES };

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  error: 'expected a Uint8Array',
});

/** Bytes the shell may be asked to write: at most MAX_FILE_BYTES. */
const boundedBytes = bytes.refine((value) => value.byteLength <= MAX_FILE_BYTES, {
  error: `a file must not be larger than ${MAX_FILE_BYTES} bytes`,
});

/**
 * The characters a suggested file name may hold: letters and digits of any script, and space . - _ ( ) ,
 * Nothing else: no path separator, no control, format or bidirectional character (U+202E can make
 * "raportti\u202Efdp.exe" look like "raporttiexe.pdf" in the save dialog), no look-alike punctuation.
 */
const FILE_NAME_CHARACTERS = /^[\p{L}\p{N} ._\-(),]+$/u;

/** Device names Windows reserves whatever the extension (CON.pdf is the console). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name without any directory part, in NFC: letters, digits and a short list of punctuation
 * (FILE_NAME_CHARACTERS), neither starting with a dot or a space nor ending with one, and not a
 * Windows device name.
 */
export const safeFileName = z
  .string()
  .normalize('NFC')
  .min(1)
  .max(200)
  .refine((name) => FILE_NAME_CHARACTERS.test(name), {
    error: 'file name may hold only letters, digits, spaces and . - _ ( ) ,',
  })
  .refine((name) => !/^[. ]|[. ]$/.test(name), 'file name must not start or end with a dot or a space')
  .refine((name) => !WINDOWS_DEVICE.test(name), 'file name must not be a Windows device name');

export const fileFilter = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,12}$/i)).min(1).max(20),
  })
  .strict();
export type FileFilter = z.infer<typeof fileFilter>;

/** Why a file operation failed; the renderer turns the code into a message in the user's language. */
export const fileFailure = z
  .object({
    status: z.literal('failed'),
    /** not-a-file: the chosen path is a folder, a named pipe, a device or a socket — never opened. */
    code: z.enum(['too-large', 'not-a-file', 'read-failed', 'write-failed']),
  })
  .strict();

const cancelled = z.object({ status: z.literal('cancelled') }).strict();

/** A safe file name that names a PDF: something before a `.pdf` extension (any letter case). */
export const pdfFileName = safeFileName.refine((name) => /^.+\.pdf$/i.test(name), 'file name must end in .pdf');

export const bridgeContract = {
  appInfo: {
    args: z.object({}).strict(),
    result: z
      .object({
        name: z.string(),
        version: z.string(),
        shell: z.enum(['electron', 'web']),
        platform: z.string(),
        /** Where the database lives, in words a user can follow. */
        dataLocation: z.string(),
        /**
         * What the operating system offers to keep secrets (Electron safeStorage): 'os' a real key
         * store (Keychain, DPAPI, libsecret/kwallet), 'plain' none (Linux without a keyring:
         * safeStorage would only obfuscate), 'browser' none reachable from a web page. The data key
         * is always protected by the profile passphrase; the settings screen says which case holds.
         */
        keyStore: z.enum(['os', 'plain', 'browser']),
      })
      .strict(),
  },
  saveFile: {
    args: z
      .object({
        suggestedName: safeFileName,
        bytes: boundedBytes,
        filters: z.array(fileFilter).max(10).optional(),
      })
      .strict(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), location: z.string() }).strict(),
      cancelled,
      fileFailure,
    ]),
  },
  openFile: {
    args: z
      .object({
        filters: z.array(fileFilter).max(10),
        maxBytes: z.number().int().positive().max(MAX_FILE_BYTES).optional(),
      })
      .strict(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('opened'), name: z.string(), bytes }).strict(),
      cancelled,
      fileFailure,
    ]),
  },
  /**
   * Prints the CURRENT page of the app window, as it is on screen at the moment of the call: the
   * renderer first shows a print view (styled with `@media print`), then calls this. Electron renders
   * that page to an A4 PDF (backgrounds included) and saves it through the save dialog, written
   * atomically; the web bridge opens the browser's print dialog instead and answers `printed`.
   */
  printToPdf: {
    args: z
      .object({
        suggestedName: pdfFileName,
        landscape: z.boolean().optional(),
      })
      .strict(),
    result: z.discriminatedUnion('status', [
      /** Electron: the PDF was written to `location`. */
      z.object({ status: z.literal('saved'), location: z.string() }).strict(),
      /** Web: the browser's print dialog was opened; whether the user printed or saved is unknown. */
      z.object({ status: z.literal('printed') }).strict(),
      cancelled,
      fileFailure,
    ]),
  },
  // Backups in a folder the coordinator chose (./backup-contract).
  ...backupContract,
} as const satisfies Record<BridgeMethod, { args: z.ZodType; result: z.ZodType }>;

export type BridgeArgs<M extends BridgeMethod> = z.input<(typeof bridgeContract)[M]['args']>;
export type BridgeResult<M extends BridgeMethod> = z.output<(typeof bridgeContract)[M]['result']>;

/** What the renderer sees, whichever shell implements it. */
export type Bridge = { [M in BridgeMethod]: (args: BridgeArgs<M>) => Promise<BridgeResult<M>> };
