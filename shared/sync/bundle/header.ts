import { z } from 'zod';
import { UUID_V7 } from '../../ids';
import { AREA_CODES } from '../../reference/regions';
import { scopeSchema } from '../scope';
import { stampSchema } from '../stamp';
import { fromBase64 } from './bytes';
import { ENTRY_TYPE, FORMAT_VERSION, MAX_CHUNK_BYTES, MIN_CHUNK_BYTES } from './format';
import { KDF_ID, MAX_KDF_ITERATIONS, SALT_BYTES } from './kdf-params';

/**
 * The bundle header: plain JSON, readable without the passphrase (so it holds ids and counts, never
 * personal data), authenticated by the header tag and bound into every chunk's associated data.
 * Unknown members are ignored within one format version (a newer app may add optional ones).
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

export const recipientSchema = z.discriminatedUnion('kind', [
  /** One installation of the app (the import refuses the bundle anywhere else). */
  z.object({ kind: z.literal('installation'), installationId: peerId, name: z.string().min(1).max(200).optional() }),
  /**
   * Whoever holds the passphrase, named for people (e.g. an expert network's contact). A
   * requester's request names the OT-keskus it is for by its cooperation area (`area`, optional
   * member since the desks; a centre set to another area refuses it).
   */
  z.object({ kind: z.literal('named'), name: z.string().min(1).max(200), area: z.enum(AREA_CODES).optional() }),
]);
export type Recipient = z.output<typeof recipientSchema>;

export const kdfParamsSchema = z.object({
  id: z.literal(KDF_ID),
  iterations: z.number().int().min(1).max(MAX_KDF_ITERATIONS),
  salt: base64Of(SALT_BYTES),
});
export type KdfParams = z.output<typeof kdfParamsSchema>;

export const bundleHeaderSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  schemaVersion: z.number().int().min(1).max(1_000_000),
  bundleId: z.string().regex(UUID_V7),
  created: z.iso.datetime(),
  sender: z.object({ installationId: peerId, name: z.string().min(1).max(200) }),
  recipient: recipientSchema,
  scope: scopeSchema,
  clock: z
    .object({ from: stampSchema.nullable(), to: stampSchema })
    .refine((range) => range.from === null || range.from <= range.to, 'clock.from after clock.to'),
  counts: z.record(z.string().regex(ENTRY_TYPE), z.number().int().min(0)),
  /** For each peer: the newest clock of its full/delta bundles the sender has imported. */
  acknowledged: z.record(peerId, stampSchema).default({}),
  kdf: kdfParamsSchema,
  key: z.object({ alg: z.literal('AES-256-GCM'), iv: base64Of(12), wrapped: base64Of(48) }),
  payload: z.object({
    encoding: z.literal('json-lines'),
    compression: z.literal('deflate-raw'),
    cipher: z.literal('AES-256-GCM'),
    chunkBytes: z.number().int().min(MIN_CHUNK_BYTES).max(MAX_CHUNK_BYTES),
  }),
});
export type BundleHeader = z.output<typeof bundleHeaderSchema>;
