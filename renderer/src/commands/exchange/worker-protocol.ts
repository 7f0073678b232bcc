import type { BundleEntry, BundleHeader } from '../../../../shared/sync/bundle';
import type { DecodeJob, DecodeOutcome, EncodeJob } from '../../../../shared/sync/wire/codec';
import type { EntryType, ExchangeProgress } from '../../../../shared/sync/wire/types';
import type { StoredSource } from './stored-pages';

/**
 * Records per 'decoded-records' message. The UI thread deserialises each message in one task, so a
 * decoded bundle comes back in slices (one message of 100 000 cases would block it for seconds).
 * 250 a message still made 80–130 ms tasks on a busy machine: 100.
 */
export const DECODED_BATCH = 100;

/**
 * Messages between the bundle worker (./bundle.worker.ts, ./worker-host.ts) and its client
 * (./worker-client.ts). Every job has an id; records of an export arrive in batches, so the main
 * thread never has to hold a whole export at once.
 */
export type ToWorker =
  /** `dataKey`: the installation's data key (a CryptoKey crosses by structured clone, extractable or not), to open stored tables. */
  | { kind: 'encode-start'; id: number; job: EncodeJob; dataKey?: CryptoKey }
  | { kind: 'encode-batch'; id: number; batch: readonly BundleEntry[] }
  /** A table to read as stored, in its place among the batches: the worker reads it from its own connection, opens each page with the job's data key (the middleware's function) and projects it. */
  | { kind: 'encode-read'; id: number; source: StoredSource }
  | { kind: 'encode-end'; id: number }
  | { kind: 'decode'; id: number; job: DecodeJob };

export interface SerializedError {
  name: string;
  message: string;
  /** BundleError's code. */
  code?: string;
}

export type FromWorker =
  | { kind: 'progress'; id: number; progress: ExchangeProgress }
  | { kind: 'encoded'; id: number; header: BundleHeader; bytes: Uint8Array }
  /** A slice of a decoded bundle's checked records (DECODED_BATCH at most), before its 'decoded'. */
  | { kind: 'decoded-records'; id: number; type: EntryType; records: unknown[] }
  /** The outcome; when ok, its records arrived in 'decoded-records' messages and it holds none. */
  | { kind: 'decoded'; id: number; outcome: DecodeOutcome }
  | { kind: 'failed'; id: number; error: SerializedError };
