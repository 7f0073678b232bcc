import { z } from 'zod';
import type { BridgeMethod } from './methods';

/**
 * The one contract between the renderer and the shell (Electron main, or the browser's web bridge).
 * Every argument and result is parsed with these schemas on both sides of the boundary.
 */

export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  error: 'expected a Uint8Array',
});

/** A file name without any directory part, control character or reserved character. */
export const safeFileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20), {
    error: 'file name must not contain a path, a control character or reserved characters',
  })
  .refine((name) => name !== '.' && name !== '..', 'file name must not be . or ..');

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
    code: z.enum(['too-large', 'read-failed', 'write-failed']),
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
        bytes,
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
} as const satisfies Record<BridgeMethod, { args: z.ZodType; result: z.ZodType }>;

export type BridgeArgs<M extends BridgeMethod> = z.input<(typeof bridgeContract)[M]['args']>;
export type BridgeResult<M extends BridgeMethod> = z.output<(typeof bridgeContract)[M]['result']>;

/** What the renderer sees, whichever shell implements it. */
export type Bridge = { [M in BridgeMethod]: (args: BridgeArgs<M>) => Promise<BridgeResult<M>> };
