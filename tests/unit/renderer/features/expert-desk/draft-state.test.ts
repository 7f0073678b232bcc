import { describe, expect, it } from 'vitest';
import { deskDraftState, waitsForFile } from '../../../../../renderer/src/features/expert-desk/draft-state';

const saved = '2026-03-02T10:00:00.000Z';
const later = '2026-03-03T09:00:00.000Z';

describe('deskDraftState', () => {
  it('follows a draft from nothing to sent and changed again', () => {
    expect(deskDraftState({ draft: null, sentAt: null, recommendationSent: false })).toEqual({ kind: 'none' });
    expect(deskDraftState({ draft: { state: 'draft', updatedAt: saved }, sentAt: null, recommendationSent: false })).toEqual({ kind: 'draft', at: saved });
    expect(deskDraftState({ draft: { state: 'ready', updatedAt: saved }, sentAt: null, recommendationSent: false })).toEqual({ kind: 'ready', at: saved });
    expect(deskDraftState({ draft: { state: 'ready', updatedAt: saved }, sentAt: later, recommendationSent: false })).toEqual({ kind: 'sent', at: later });
    expect(deskDraftState({ draft: { state: 'draft', updatedAt: later }, sentAt: saved, recommendationSent: false })).toEqual({ kind: 'changed', at: later, ready: false });
    expect(deskDraftState({ draft: { state: 'ready', updatedAt: later }, sentAt: saved, recommendationSent: false })).toEqual({ kind: 'changed', at: later, ready: true });
  });

  it('ends when the centre has sent the recommendation, whatever the draft', () => {
    expect(deskDraftState({ draft: { state: 'ready', updatedAt: saved }, sentAt: null, recommendationSent: true })).toEqual({ kind: 'done' });
    expect(deskDraftState({ draft: null, sentAt: null, recommendationSent: true })).toEqual({ kind: 'done' });
  });

  it('says which drafts wait for the next file', () => {
    expect(waitsForFile({ kind: 'ready', at: saved })).toBe(true);
    expect(waitsForFile({ kind: 'changed', at: later, ready: true })).toBe(true);
    expect(waitsForFile({ kind: 'changed', at: later, ready: false })).toBe(false);
    expect(waitsForFile({ kind: 'sent', at: later })).toBe(false);
    expect(waitsForFile({ kind: 'draft', at: saved })).toBe(false);
  });
});
