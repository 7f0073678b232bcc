import type { SealedBytes } from '../../../../shared/protection/field-crypto';

/** The rows of the `indexSnapshot` table (schema v8): see ../index-snapshot.ts. */

export const HEAD_ID = 'head';
/** The id of the snapshot's chunk `i` (they sort in order). */
export const chunkId = (i: number) => `chunk:${String(i).padStart(6, '0')}`;

export interface IndexSnapshotHead {
  id: typeof HEAD_ID;
  format: number;
  shape: number;
  /** The database schema version it was written under. */
  dbVersion: number;
  /** The list revision the rows reflect: every write up to it, nothing after it is missing. */
  rev: number;
  count: number;
  chunks: number;
  /** Random, bound into each chunk's associated data: chunks of two snapshots never mix. */
  snapshotId: string;
}
export interface IndexSnapshotChunk {
  id: string;
  sealed: SealedBytes;
}
export type IndexSnapshotRow = IndexSnapshotHead | IndexSnapshotChunk;
