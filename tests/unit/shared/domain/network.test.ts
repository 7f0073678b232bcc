import { describe, expect, it } from 'vitest';
import { networkSchema, type NetworkInput } from '../../../../shared/domain/network';
import networksJson from '../../../../shared/reference/data/networks.json';
import { DEFAULT_NETWORKS, findDefaultNetwork, NETWORK_TABLE } from '../../../../shared/reference/networks';

/** A synthetic network: invented names and contact, no real person. */
function validNetwork(overrides: Partial<NetworkInput> = {}): NetworkInput {
  return {
    id: '00000000-0000-7000-8000-000000000901',
    name: { fi: 'Testiverkosto', sv: 'Testnätverk', en: 'Test network' },
    area: 'sisa',
    themes: ['nepsy', 'trafficking'],
    ageBands: ['7-12', '13-15'],
    languages: ['fi'],
    nationalThemes: ['trafficking'],
    contact: { person: 'Testi Yhteyshenkilö', channel: 'testi@example.invalid' },
    meetingRhythm: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 2 }],
    targetResponseDays: 7,
    activeFrom: '2024-01-01',
    activeTo: null,
    outOfOffice: [{ from: '2025-07-01', to: '2025-07-31' }],
    example: false,
    ...overrides,
  };
}

function issuesOf(input: unknown) {
  const result = networkSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

const slot = (overrides: Record<string, unknown>) => ({ meetingRhythm: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 2, ...overrides }] }) as Partial<NetworkInput>;

describe('network schema', () => {
  it('accepts a complete synthetic network and trims text', () => {
    const parsed = networkSchema.parse(validNetwork({ name: { fi: '  Testiverkosto ', sv: 'Testnätverk', en: 'Test network' } }));
    expect(parsed.name.fi).toBe('Testiverkosto');
  });

  it('fills the defaults a new network starts with', () => {
    const { nationalThemes: _n, meetingRhythm: _m, targetResponseDays: _t, activeTo: _a, outOfOffice: _o, example: _e, ...minimal } = validNetwork();
    const parsed = networkSchema.parse(minimal);
    expect(parsed).toMatchObject({ nationalThemes: [], meetingRhythm: [], targetResponseDays: 7, activeTo: null, outOfOffice: [], example: false });
  });

  it('names every missing required field with an i18n key at its path', () => {
    expect(issuesOf({ name: {}, contact: {} })).toEqual(
      expect.arrayContaining([
        ['id', 'validation.invalid'],
        ['name.fi', 'validation.required'],
        ['name.sv', 'validation.required'],
        ['name.en', 'validation.required'],
        ['area', 'validation.choose'],
        ['themes', 'validation.chooseAtLeastOne'],
        ['ageBands', 'validation.chooseAtLeastOne'],
        ['languages', 'validation.chooseAtLeastOne'],
        ['contact.person', 'validation.required'],
        ['contact.channel', 'validation.required'],
        ['activeFrom', 'validation.required'],
      ]),
    );
  });

  it('treats whitespace as empty and bounds free text', () => {
    expect(issuesOf(validNetwork({ contact: { person: '   ', channel: 'x' } }))).toEqual([['contact.person', 'validation.required']]);
    expect(issuesOf(validNetwork({ note: 'x'.repeat(2001) }))).toEqual([['note', 'validation.tooLong']]);
  });

  it.each([
    ['themes', { themes: [], nationalThemes: [] }, 'themes', 'validation.chooseAtLeastOne'],
    ['unknown theme', { themes: ['astrology'], nationalThemes: [] }, 'themes.0', 'validation.invalid'],
    ['repeated theme', { themes: ['nepsy', 'nepsy'], nationalThemes: [] }, 'themes', 'validation.invalid'],
    ['age bands', { ageBands: [] }, 'ageBands', 'validation.chooseAtLeastOne'],
    ['unknown age band', { ageBands: ['99-100'] }, 'ageBands.0', 'validation.invalid'],
    ['languages', { languages: [] }, 'languages', 'validation.chooseAtLeastOne'],
    ['consulting in Saami is not offered', { languages: ['se'] }, 'languages.0', 'validation.invalid'],
    ['unknown area', { area: 'atlantis' }, 'area', 'validation.choose'],
    ['bad id', { id: 'network-1' }, 'id', 'validation.invalid'],
  ] as const)('refuses %s', (_name, overrides, path, key) => {
    expect(issuesOf(validNetwork(overrides as Partial<NetworkInput>))).toEqual([[path, key]]);
  });

  it('requires national responsibility only for themes the network covers', () => {
    expect(issuesOf(validNetwork({ themes: ['nepsy'], nationalThemes: ['nepsy', 'trafficking'] }))).toEqual([['nationalThemes.1', 'validation.nationalThemeNotCovered']]);
    expect(issuesOf(validNetwork({ nationalThemes: [] }))).toEqual([]);
    expect(issuesOf(validNetwork({ themes: [] }))).toEqual([
      ['themes', 'validation.chooseAtLeastOne'],
      ['nationalThemes.0', 'validation.nationalThemeNotCovered'],
    ]);
  });

  it.each([
    ['weekday 0', { weekday: 0 }, 'meetingRhythm.0.weekday', 'validation.choose'],
    ['weekday 8', { weekday: 8 }, 'meetingRhythm.0.weekday', 'validation.choose'],
    ['time without leading zero', { start: '9:00' }, 'meetingRhythm.0.start', 'validation.time'],
    ['time 24:00', { end: '24:00' }, 'meetingRhythm.0.end', 'validation.time'],
    ['empty time', { start: '' }, 'meetingRhythm.0.start', 'validation.required'],
    ['missing time', { end: undefined }, 'meetingRhythm.0.end', 'validation.required'],
    ['end before start', { start: '11:00', end: '09:00' }, 'meetingRhythm.0.end', 'validation.timeOrder'],
    ['end equal to start', { start: '11:00', end: '11:00' }, 'meetingRhythm.0.end', 'validation.timeOrder'],
    ['capacity 0', { capacity: 0 }, 'meetingRhythm.0.capacity', 'validation.outOfRange'],
    ['fractional capacity', { capacity: 1.5 }, 'meetingRhythm.0.capacity', 'validation.outOfRange'],
  ] as const)('refuses a meeting slot with %s', (_name, overrides, path, key) => {
    expect(issuesOf(validNetwork(slot(overrides)))).toEqual([[path, key]]);
  });

  it.each([0, 61, 2.5])('refuses a target response time of %s days', (days) => {
    expect(issuesOf(validNetwork({ targetResponseDays: days }))).toEqual([['targetResponseDays', 'validation.outOfRange']]);
  });

  it('checks that dates exist and come in order; activeTo is the inclusive last day', () => {
    expect(issuesOf(validNetwork({ activeFrom: '2023-02-29' }))).toEqual([['activeFrom', 'validation.date']]);
    expect(issuesOf(validNetwork({ activeFrom: '1.1.2024' }))).toEqual([['activeFrom', 'validation.date']]);
    expect(issuesOf(validNetwork({ activeFrom: '2024-02-29' }))).toEqual([]);
    expect(issuesOf(validNetwork({ activeTo: '2023-12-31' }))).toEqual([['activeTo', 'validation.dateOrder']]);
    expect(issuesOf(validNetwork({ activeTo: '2024-01-01' }))).toEqual([]);
    expect(issuesOf(validNetwork({ outOfOffice: [{ from: '2025-07-31', to: '2025-07-01' }] }))).toEqual([['outOfOffice.0.to', 'validation.dateOrder']]);
    expect(issuesOf(validNetwork({ outOfOffice: [{ from: '2025-07-01', to: '2025-07-01' }] }))).toEqual([]);
    expect(issuesOf(validNetwork({ outOfOffice: [{ from: '2025-06-31', to: '2025-07-01' }] }))).toEqual([['outOfOffice.0.from', 'validation.date']]);
    expect(issuesOf(validNetwork({ activeFrom: 'x', activeTo: '2023-01-01' }))).toEqual([['activeFrom', 'validation.date']]);
  });
});

describe('default networks (example configuration)', () => {
  it('parses every shipped network with the schema, with unique ids', () => {
    expect(NETWORK_TABLE.networks).toHaveLength(35);
    for (const raw of networksJson.networks) expect(issuesOf(raw)).toEqual([]);
    expect(new Set(DEFAULT_NETWORKS.map((n) => n.id)).size).toBe(DEFAULT_NETWORKS.length);
    expect(findDefaultNetwork('00000000-0000-7000-8000-000000000011')?.area).toBe('etela');
    expect(findDefaultNetwork('00000000-0000-7000-8000-000000000099')).toBeUndefined();
  });

  it('is marked clearly as example configuration to be adapted', () => {
    expect(NETWORK_TABLE.note).toMatch(/EXAMPLE CONFIGURATION, to be adapted/);
    expect(DEFAULT_NETWORKS.every((n) => n.example)).toBe(true);
    for (const network of DEFAULT_NETWORKS.filter((n) => n.nationalThemes.length > 0)) {
      expect(network.note).toMatch(/^Example configuration: the national responsibility/);
    }
  });
});
