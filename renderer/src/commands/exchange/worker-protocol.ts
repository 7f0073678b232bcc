import type { BundleEntry, BundleHeader, EncodedEntries } from '../../../../shared/sync/bundle';
import type { DecodeJob, DecodeOutcome, EncodeJob } from '../../../../shared/sync/wire/codec';
import type { EntryType, ExchangeProgress } from '../../../../shared/sync/wire/types';
import type { PageRange, StoredSource } from './stored-pages';

/**
 * Records per 'decoded-records' message. The UI thread deserialises each message in one task, so a
 * decoded bundle comes back in slices (one message of 100 000 cases would block it for seconds).
 * 250 a message still made 80–130 ms tasks on a busy machine: 100.
 */
export const DECODED_BATCH = 100;

/**
 * Pages' lines (STORED_PAGE records each, ./stored-pages) a reader may have sent ahead of the
 * encoder's acknowledgements, per table: what can wait in the encoder stays bounded.
 */
export const LINES_AHEAD = 16;

/**
 * Readers per stored table of a full export (see below). 2: at 100 000 cases, in one benchmark run
 * alternating export by export, 8 467 ms against 10 107 with one reader (medians of 6); a third
 * gave nothing more on 2 cores (8 382 against 8 445).
 */
export const READERS_PER_TABLE = 2;

/**
 * Messages between the bundle worker (./bundle.worker.ts, ./worker-host.ts) and its client
 * (./worker-client.ts). Every job has an id; records of an export arrive in batches, so the main
 * thread never has to hold a whole export at once.
 *
 * A full export's big tables take more instances of the worker, joined by MessageChannels per
 * table: READERS (READERS_PER_TABLE) read the table as stored, each from its own connection, taking
 * turns page by page: the lead cuts the table into pages (primary-key ranges, ./stored-pages
 * `pageRanges`) and hands each other reader its share; each opens its pages with the data key (the
 * middleware's function), projects them and serialises them as the payload's lines. The ENCODER
 * takes the readers' pages in turn, so in key order, and compresses and seals them in their place
 * among the other batches. Reading, opening and compressing thus run side by side on several
 * threads while the UI thread only names the tables.
 */
export type ToWorker =
  | { kind: 'encode-start'; id: number; job: EncodeJob }
  | { kind: 'encode-batch'; id: number; batch: readonly BundleEntry[] }
  /**
   * To the encoder: a stored table's lines, in their place among the batches, arriving from its
   * readers over `ports` (the lead's first): one page from each in turn.
   */
  | { kind: 'encode-lines'; id: number; ports: MessagePort[] }
  | { kind: 'encode-end'; id: number }
  | { kind: 'decode'; id: number; job: DecodeJob }
  /**
   * To the reader: `source` read as stored, opened with `dataKey` (the installation's data key; a
   * CryptoKey crosses by structured clone, extractable or not) and sent as lines over `port`: this
   * reader's share of the pages (`share`).
   */
  | { kind: 'read-lines'; source: StoredSource; dataKey?: CryptoKey; port: MessagePort; share: ReadShare };

/**
 * A reader's share of a table. The lead cuts the table into pages, reads pages 0, n, 2n, … (n
 * readers) and posts each follower, over its port, the ranges of pages k, k + n, … (k = 1 … n − 1).
 */
export type ReadShare = { kind: 'lead'; followers: MessagePort[] } | { kind: 'follow'; lead: MessagePort };

/** From the lead to a follower: the pages it reads (none when the lead failed before cutting the table). */
export type LeadToFollower = { kind: 'pages'; ranges: PageRange[] };

/** From the reader to the encoder, over a table's port (the lines' buffer is transferred). */
export type ReaderToEncoder = { kind: 'lines'; lines: EncodedEntries } | { kind: 'end' } | { kind: 'failed'; error: SerializedError };

/** From the encoder to the reader: one page's lines taken, room for another. */
export type EncoderToReader = { kind: 'ack' };

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
