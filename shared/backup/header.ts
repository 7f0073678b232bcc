import { z } from 'zod';
import { UUID_V7 } from '../ids';
import { fromBase64 } from '../sync/bundle/bytes';
import { MAX_CHUNK_BYTES, MIN_CHUNK_BYTES } from '../sync/bundle/format';
import { passphraseWrapSchema, recoveryWrapSchema } from '../protection/key-envelope';
import { BACKUP_COMPRESSIONS, BACKUP_FORMAT_VERSION } from './format';

/**
 * The backup header (format version 2): plain JSON, readable without a key (so: ids, dates, counts
 * and wrapped key material, never personal data), authenticated by the header tag and bound into
 * every chunk. docs/bundle-format.md, "Backups".
 */

const peerId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const base64Of = (bytes: number) =>
  z.string().refine((text) => {
    try {
      return fromBase64(text).length === bytes;
    } catch {
      return false;
    }
  }, `base64 of ${bytes} bytes`);

/**
 * A way to the installation's data key: a coordinator profile's passphrase side, or a profile's
 * recovery-key side, copied from the profile's key envelope (shared/protection/key-envelope).
 */
export const keySlotSchema = z.discriminatedUnion('kind', [
  passphraseWrapSchema.extend({ kind: z.literal('passphrase'), profileId: z.string().min(1).max(100) }).strict(),
  recoveryWrapSchema.extend({ kind: z.literal('recovery'), profileId: z.string().min(1).max(100) }).strict(),
]);
export type KeySlot = z.output<typeof keySlotSchema>;

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT_VERSION),
  scope: z.object({ kind: z.literal('backup') }),
  backupId: z.string().regex(UUID_V7),
  created: z.iso.datetime(),
  /** The installation backed up: its id (kept by a restore) and its name. */
  sender: z.object({ installationId: peerId, name: z.string().min(1).max(200) }),
  /** The app version that wrote it, for the words of a refusal. */
  app: z.object({ version: z.string().min(1).max(40) }),
  /** The IndexedDB schema version of the rows inside (renderer/src/db/schema.ts). */
  databaseVersion: z.number().int().min(1).max(1_000_000),
  /** Rows per entry type (table); checked against the payload when it is read. */
  counts: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), z.number().int().min(0)),
  /** Who can open it: coordinators' passphrases and the recovery key (at least one). */
  keys: z.array(keySlotSchema).min(1).max(64),
  /** The backup's own random data key, AES-256-GCM under the installation's data key. */
  key: z.object({ alg: z.literal('AES-256-GCM'), iv: base64Of(12), wrapped: base64Of(48) }),
  payload: z.object({
    encoding: z.literal('json-lines'),
    /** ./format BACKUP_COMPRESSIONS; any other value is refused ('invalid-header'). */
    compression: z.enum(BACKUP_COMPRESSIONS),
    cipher: z.literal('AES-256-GCM'),
    chunkBytes: z.number().int().min(MIN_CHUNK_BYTES).max(MAX_CHUNK_BYTES),
  }),
});
export type BackupHeader = z.output<typeof backupHeaderSchema>;
