import { Dexie, type EntityTable } from 'dexie';
import type { ConsultationRecord } from '../../../shared/domain/consultation';
import type { AuditEvent } from '../../../shared/domain/audit';

/** A key/value row for installation facts (installation id, clock state, settings). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * Counters the UI shows (per status, total), maintained in the same transaction as every write so
 * that no screen ever has to count() a large index (see the handbook's performance design).
 */
export interface CounterRow {
  key: string;
  value: number;
}

/** Expert networks: registry filled by the routing work; the table exists from schema v1. */
export interface NetworkRecord {
  id: string;
  area: string;
  active: 0 | 1;
  name: { fi: string; sv: string; en: string };
}

export const DATABASE_NAME = 'otk-consultation-desk';

export class OtkDatabase extends Dexie {
  consultations!: EntityTable<ConsultationRecord, 'id'>;
  networks!: EntityTable<NetworkRecord, 'id'>;
  audit!: EntityTable<AuditEvent, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  counters!: EntityTable<CounterRow, 'key'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Live queries must not deep-clone cached results (handbook: performance design).
    super(name, { cache: 'immutable', ...options });
    // Schema v1. Index only what a screen filters or sorts on; ids are UUID v7 strings, never ++auto.
    this.version(1).stores({
      consultations: 'id, [receivedAt+id], status',
      networks: 'id, area, active',
      audit: 'id, [entityId+at], at',
      meta: 'key',
      counters: 'key',
    });
  }
}
