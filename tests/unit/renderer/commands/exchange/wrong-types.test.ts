import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TFunction } from 'i18next';
import { refusalMessage } from '../../../../../renderer/src/features/exchange/refusal-message';
import { STAMPED_FIELDS, type StampedField } from '../../../../../shared/domain/consultation';
import { NOW } from '../../../../fixtures/intake';
import { closeAll, forged, installation, NEPSY, preview, routedCase, snapshot, finnishTexts } from './helpers';

/**
 * Issue 19: a consultation that arrives in a file meets the same zod schemas as the forms
 * (shared/sync/wire/consultation-fields). Every stamped field of a case is given a value of the
 * wrong type — and, for the fields that hold objects or lists, a wrong type one level down — in an
 * authentic full bundle: the import refuses it, names the case and the field by its label, and
 * writes nothing.
 */

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

let fi: TFunction;
beforeAll(async () => {
  fi = await finnishTexts();
});

type Loose = Record<string, unknown>;

/** Wrong values per field: a wrong type for the field, and where it holds an object or a list, inside it (paths into a routed case). */
function wrongValues(): Record<StampedField, Array<[path: string, value: unknown]>> {
  return {
    received: [['received', '2026-11-23'], ['received.date', 20261123], ['received.channel', 'kirjekyyhky']],
    requester: [['requester', ['Terhi']], ['requester.email', 42], ['requester.sector', null]],
    subject: [['subject', 7], ['subject.themes', 'koulu'], ['subject.interpreterNeeded', 'ei']],
    question: [['question', 42], ['question', { text: 'x' }], ['question', '']],
    hopedOutcome: [['hopedOutcome', true], ['hopedOutcome', 'kaikki']],
    hopedOutcomeNote: [['hopedOutcomeNote', 1], ['hopedOutcomeNote', null]],
    urgency: [['urgency', 1], ['urgency', 'heti']],
    consent: [['consent', 'kyllä'], ['consent.mode', 3]],
    status: [['status', 5], ['status', 'valmis']],
    routing: [['routing', {}], ['routing.0.networkId', 42], ['routing.0.override', 'no']],
    transitions: [['transitions', 'accepted'], ['transitions.0.at', 5], ['transitions.0.action', 'hyväksy'], ['transitions.0.data', 'x']],
    recommendation: [['recommendation', 'suositus'], ['recommendation', []]],
    closeOut: [['closeOut', 3], ['closeOut', 'suljettu']],
    booking: [['booking', 'huomenna'], ['booking', { meetingId: 1, date: '2026-11-30', time: '10:00' }]],
    followUpDoneAt: [['followUpDoneAt', 1], ['followUpDoneAt', 'eilen']],
  };
}

/** A deep copy of `record` with `value` at the dotted `path`. */
function withValue(record: Loose, path: string, value: unknown): Loose {
  const copy = structuredClone(record);
  const parts = path.split('.');
  let at: Loose = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Loose;
  at[parts.at(-1)!] = value;
  return copy;
}

describe('a consultation of the wrong shape in a file (issue 19)', () => {
  it('is refused field by field, the field named by its label, and nothing is written', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const created = await routedCase(a, NEPSY);
    const { rev: _rev, ...stored } = (await a.db.consultations.get(created.id))! as unknown as Loose & { rev: number; stamps: Record<string, string>; caseCode: string };
    // Every field stamped, so each one is checked.
    const stamp = stored.stamps.question!;
    const record: Loose = { ...stored, stamps: Object.fromEntries(STAMPED_FIELDS.map((field) => [field, stored.stamps[field] ?? stamp])) };

    // The case as it is: accepted.
    const fine = await preview(b, await forged(a, { kind: 'full' }, [{ type: 'consultation', record }]));
    expect(fine.ok).toBe(true);

    const before = await snapshot(b.db);
    const wrong = wrongValues();
    let tried = 0;
    for (const field of STAMPED_FIELDS) {
      expect(wrong[field].length, field).toBeGreaterThan(0);
      for (const [path, value] of wrong[field]) {
        const result = await preview(b, await forged(a, { kind: 'full' }, [{ type: 'consultation', record: withValue(record, path, value) }]));
        if (result.ok) throw new Error(`${path} = ${JSON.stringify(value)} was accepted`);
        expect(result.refusal.code, path).toBe('invalid-record');
        expect(result.refusal.detail?.field?.split('.')[0], path).toBe(field);
        const message = refusalMessage(result.refusal, fi);
        expect(message, path).toContain(`Tapauksessa ${stored.caseCode}`);
        expect(message, path).toMatch(/”[^”]+”/);
        // No internal key reaches the user.
        expect(message, path).not.toMatch(/\{\{|\b[a-z]+[A-Z]\w*\b|\b[a-z]{3,}\.[a-z]{3,}/);
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(2 * STAMPED_FIELDS.length);
    expect(await snapshot(b.db)).toEqual(before);
  });
});
