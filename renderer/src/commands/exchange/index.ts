/**
 * Exchange between installations by explicit, encrypted `.otk` files (docs/bundle-format.md):
 * export, import with preview, conflicts. The pure core is shared/sync; this is its database side.
 */
export { exportBundle, previewExport, type ExportOptions, type ExportPlan, type ExportResult } from './export';
export { applyImport } from './apply';
export {
  previewImport,
  type ImportOptions,
  type ImportPreview,
  type ImportReady,
  type ImportRefused,
  type ImportResult,
  type PreviewConflict,
} from './import';
export { resolveConflictCommand, type ConflictResolution } from './conflicts';
export { saveInstallationName, peerKeyOf } from './peers';
export { conflictsOfCase, openConflicts, openConflictCount, exchangePeers, exchangeHistory, quarantinedRecords } from '../../queries/exchange';
export { inlineCodec, type BundleCodec } from '../../../../shared/sync/wire/codec';
export { createWorkerCodec, type WorkerCodec } from './worker-client';
export { requesterScopeIdOf } from './requester-scope';
export type { ExchangeProgress, ImportRefusal, ImportRefusalCode, ProgressListener } from '../../../../shared/sync/wire/types';
export type { ExportScope } from '../../../../shared/sync/scope';
export type { ConflictRow, ExchangeLogRow, ExchangePeerRow, QuarantineRow, SyncedConsultation } from '../../db/rows/exchange';
