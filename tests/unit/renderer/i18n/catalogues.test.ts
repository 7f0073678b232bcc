import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resources } from '../../../../renderer/src/i18n/resources';
import { MSG } from '../../../../shared/domain/validation';
import { CHANNELS, CONSULTATION_STATUSES, HOPED_OUTCOMES, REQUEST_KINDS, SERVICE_LANGUAGES, SERVICES_TRIED, URGENCIES } from '../../../../shared/domain/consultation';
import { CONSENT_MODES, CONSENTERS } from '../../../../shared/domain/consent';
import { GUARD_MESSAGE_KEYS } from '../../../../shared/privacy/identifier-guard';
import { AUDIT_ACTIONS } from '../../../../shared/domain/audit';
import { AGE_BAND_CODES } from '../../../../shared/reference/themes';
import { LIFECYCLE_ACTIONS } from '../../../../shared/lifecycle/transitions';
import { DECLINE_REASONS } from '../../../../shared/lifecycle/transition-data';
import { CLOSE_OUT_OUTCOMES, OTHERWISE_SOUGHT } from '../../../../shared/lifecycle/close-out';
import { LIFECYCLE_LABEL_PREFIX, LIFECYCLE_MSG } from '../../../../shared/lifecycle/messages';
import { MEETING_MSG } from '../../../../shared/meetings/messages';
import { MEETING_MODES, PARTICIPANT_ROLES } from '../../../../shared/meetings/schema';
import { HOME_LISTS } from '../../../../shared/worklist/home';
import { SUMMARY_DIMENSIONS, SUMMARY_MEASURES } from '../../../../shared/summary/spec';
import { SUMMARY_NOTES } from '../../../../shared/summary/tables';
import { SUMMARY_ERROR_CODES } from '../../../../shared/summary/errors';
import { SUMMARY_LABEL_PREFIX, SUMMARY_MSG, SUMMARY_TEXT } from '../../../../shared/summary/messages';
import { BUNDLE_ERROR_CODES } from '../../../../shared/sync/bundle/errors';
import { PASSPHRASE_MSG } from '../../../../shared/sync/passphrase';
import { IMPORT_REFUSAL_CODES } from '../../../../shared/sync/wire/types';
import { COMMAND_ERROR_CODES } from '../../../../renderer/src/access/errors';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueAt(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

const catalogues = Object.fromEntries(Object.entries(resources).map(([lang, r]) => [lang, r.translation as Tree]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('i18n catalogues', () => {
  const finnishKeys = keysOf(catalogues.fi!).sort();

  it.each(['sv', 'en'])('%s has exactly the Finnish keys, none empty', (lang) => {
    expect(keysOf(catalogues[lang]!).sort()).toEqual(finnishKeys);
    for (const key of finnishKeys) expect(String(valueAt(catalogues[lang]!, key)).trim()).not.toBe('');
  });

  it('has a message for every validation key the shared schemas use', () => {
    for (const key of Object.values(MSG)) for (const lang of ['fi', 'sv', 'en']) expect(valueAt(catalogues[lang]!, key), `${lang}:${key}`).toBeTypeOf('string');
  });

  it('labels every code the domain defines (statuses, channels, consent modes, guard messages, audit actions…)', () => {
    const keys = [
      ...CONSULTATION_STATUSES.map((s) => `status.${s}`),
      ...URGENCIES.map((u) => `urgency.${u}`),
      ...CONSENT_MODES.map((c) => `consent.${c}`),
      ...AGE_BAND_CODES.map((a) => `ageBand.${a}`),
      ...CHANNELS.map((c) => `channel.${c}`),
      ...HOPED_OUTCOMES.map((h) => `hopedOutcome.${h}`),
      ...REQUEST_KINDS.map((k) => `requestKind.${k}`),
      ...SERVICE_LANGUAGES.map((l) => `serviceLanguage.${l}`),
      ...SERVICES_TRIED.map((s) => `serviceTried.${s}`),
      ...CONSENTERS.map((c) => `consenter.${c}`),
      ...Object.values(GUARD_MESSAGE_KEYS),
      'guard.removeBeforeAnonymous',
      ...AUDIT_ACTIONS.map((a) => `audit.${a}`),
      ...COMMAND_ERROR_CODES.map((c) => `commandError.${c}`),
      ...LIFECYCLE_ACTIONS.flatMap((a) => [`${LIFECYCLE_LABEL_PREFIX.action}${a}`, `lifecycle.done.${a}`]),
      ...DECLINE_REASONS.map((r) => `${LIFECYCLE_LABEL_PREFIX.declineReason}${r}`),
      ...CLOSE_OUT_OUTCOMES.map((o) => `${LIFECYCLE_LABEL_PREFIX.outcome}${o}`),
      ...OTHERWISE_SOUGHT.map((o) => `${LIFECYCLE_LABEL_PREFIX.otherwiseSought}${o}`),
      ...Object.values(LIFECYCLE_MSG),
      ...Object.values(MEETING_MSG),
      ...MEETING_MODES.map((m) => `meetingMode.${m}`),
      ...PARTICIPANT_ROLES.map((r) => `participantRole.${r}`),
      ...HOME_LISTS.map((l) => `home.${l}`),
      ...SUMMARY_DIMENSIONS.map((d) => `${SUMMARY_LABEL_PREFIX.dimension}${d}`),
      ...SUMMARY_MEASURES.map((m) => `${SUMMARY_LABEL_PREFIX.measure}${m}`),
      ...SUMMARY_NOTES.map((n) => `${SUMMARY_LABEL_PREFIX.note}${n}`),
      ...SUMMARY_ERROR_CODES.map((c) => `${SUMMARY_LABEL_PREFIX.error}${c}`),
      ...Object.values(SUMMARY_MSG),
      ...Object.values(SUMMARY_TEXT),
      ...BUNDLE_ERROR_CODES.map((c) => `bundle.error.${c}`),
      ...IMPORT_REFUSAL_CODES.map((c) => `exchange.refusal.${c}`),
      ...Object.values(PASSPHRASE_MSG),
    ];
    for (const key of keys) expect(finnishKeys).toContain(key);
  });

  it('has every key the renderer asks for with a literal t("…") call', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('renderer/src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(finnishKeys, key).toContain(key);
  });
});
