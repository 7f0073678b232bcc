import { MAX_DRIFT_MS, parseStamp } from './hlc';

/**
 * A clock stamped more than 24 h (MAX_DRIFT_MS) ahead of local time is not trusted: applying it
 * would win every later merge and drag every clock forward. Such records are quarantined — kept
 * aside with a message, not applied — until local time catches up or the sender's clock is fixed.
 */

export interface QuarantinedStamp {
  field: string;
  stamp: string;
  /** How far ahead of local time, in milliseconds (more than MAX_DRIFT_MS). */
  aheadMs: number;
}

export interface ClockCheck {
  ok: boolean;
  quarantined: QuarantinedStamp[];
  /** Fields whose stamp is not a stamp at all (a schema error; the record must be refused). */
  malformed: string[];
  /** i18n key of the message to show when `quarantined` is not empty. */
  message?: 'sync.quarantine.clockAhead';
}

/** Checks the stamps of one record (field → stamp; for an audit event pass `{ clock }`). */
export function checkClocks(stamps: Readonly<Record<string, string>>, nowMs: number): ClockCheck {
  const quarantined: QuarantinedStamp[] = [];
  const malformed: string[] = [];
  for (const field of Object.keys(stamps).sort()) {
    const stamp = stamps[field]!;
    let wall: number;
    try {
      wall = parseStamp(stamp).wall;
    } catch {
      malformed.push(field);
      continue;
    }
    const aheadMs = wall - nowMs;
    if (aheadMs > MAX_DRIFT_MS) quarantined.push({ field, stamp, aheadMs });
  }
  const ok = quarantined.length === 0 && malformed.length === 0;
  return quarantined.length > 0 ? { ok, quarantined, malformed, message: 'sync.quarantine.clockAhead' } : { ok, quarantined, malformed };
}
