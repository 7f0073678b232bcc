import {
  CHANNELS,
  HOPED_OUTCOMES,
  SERVICES_TRIED,
  type IntakeInput,
} from '../../../shared/domain/consultation';
import { CONSENTERS } from '../../../shared/domain/consent';
import { WELLBEING_REGIONS } from '../../../shared/reference/regions';
import { AGE_BAND_CODES, SECTOR_CODES, SERVICE_LEVEL_CODES, THEME_CODES } from '../../../shared/reference/themes';
import { createRandom } from '../../support/random';

/**
 * Synthetic consultation requests for the benchmark: deterministic (seeded PRNG), realistic
 * distributions, no real data. Names are invented first names with obviously synthetic surnames
 * ("Testinen", "Esimerkki", …), organisations are "Esimerkki…" units, contacts use example.invalid,
 * and the free texts contain no digits, so the identifier guard never fires.
 *
 * Distributions (rough, for load shape only — not statistics):
 * - requester region weighted by population (thousands, 2023, rounded); HUS as an organisation;
 * - 1–3 themes (45 / 35 / 20 %), neuropsychiatric, mental-health and welfare-psychiatry themes most common;
 * - urgent 15 %; consent anonymous 80 %, consented 13 %, statutory 7 %;
 * - received dates over `years` years ending yesterday (Finnish date), growing ~12 % a year, few on
 *   weekends, fewer in July, office hours; inputs come out in received order, like a migration file;
 * - a pool of `requesters` professionals (default 400), some asking far more often than others.
 *
 * Status: the app can only create `received` cases so far; the status distribution comes with the
 * lifecycle work (the seed then needs a lifecycle command path to move cases along).
 */

export interface GenerateOptions {
  count: number;
  /** PRNG seed: the same seed and `today` give the same requests. */
  seed?: number;
  /** The Finnish calendar date of "today" (`YYYY-MM-DD`); the newest request is from the day before. */
  today: string;
  years?: number;
  requesters?: number;
}

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

function weighted<T>(random: () => number, table: Weighted<T>): T {
  let total = 0;
  for (const [, weight] of table) total += weight;
  let pick = random() * total;
  for (const [value, weight] of table) {
    pick -= weight;
    if (pick < 0) return value;
  }
  return table[table.length - 1]![0];
}

function pickOne<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Distinct picks from a weighted table. */
function weightedDistinct<T>(random: () => number, table: Weighted<T>, count: number): T[] {
  const left = [...table];
  const picked: T[] = [];
  while (picked.length < count && left.length > 0) {
    const value = weighted(random, left);
    picked.push(value);
    left.splice(
      left.findIndex(([v]) => v === value),
      1,
    );
  }
  return picked;
}

const REGION_POPULATION: Record<string, number> = {
  helsinki: 675,
  hus: 120,
  'ita-uusimaa': 99,
  'keski-uusimaa': 202,
  'lansi-uusimaa': 480,
  'vantaa-kerava': 275,
  kymenlaakso: 162,
  'etela-karjala': 127,
  'paijat-hame': 205,
  'pohjois-savo': 250,
  'keski-suomi': 275,
  'etela-savo': 130,
  'pohjois-karjala': 163,
  pirkanmaa: 530,
  'kanta-hame': 170,
  'etela-pohjanmaa': 190,
  'varsinais-suomi': 485,
  satakunta: 214,
  pohjanmaa: 176,
  'pohjois-pohjanmaa': 418,
  'keski-pohjanmaa': 68,
  kainuu: 71,
  lappi: 177,
};
const REGIONS: Weighted<string> = WELLBEING_REGIONS.map((r) => [r.code, REGION_POPULATION[r.code] ?? 100] as const);
const BILINGUAL = new Set(WELLBEING_REGIONS.filter((r) => r.bilingual).map((r) => r.code));

const THEME_WEIGHT: Record<string, number> = {
  nepsy: 20,
  'mental-health': 18,
  'welfare-psychiatry': 14,
  'school-absence': 7,
  'substitute-care': 6,
  conduct: 6,
  violence: 5,
  'substance-use': 4,
  'self-harm': 4,
  'separation-conflict': 4,
  'eating-disorder': 3,
  disability: 3,
  'sexual-abuse': 2,
  'migrant-children': 2,
  other: 2,
  'expecting-family': 1.5,
  'rare-disease': 1,
  'honour-violence': 0.5,
  radicalisation: 0.3,
  trafficking: 0.2,
};
const THEMES: Weighted<string> = THEME_CODES.map((code) => [code, THEME_WEIGHT[code] ?? 1] as const);

const AGE_WEIGHT: Record<string, number> = { prenatal: 1, '0-2': 4, '3-6': 10, '7-12': 30, '13-15': 30, '16-17': 17, '18-24': 4, family: 4 };
const AGE_BANDS: Weighted<string> = AGE_BAND_CODES.map((code) => [code, AGE_WEIGHT[code] ?? 1] as const);
const LEVEL_WEIGHT: Record<string, number> = { basic: 10, special: 45, demanding: 35, 'most-demanding': 10 };
const LEVELS: Weighted<string> = SERVICE_LEVEL_CODES.map((code) => [code, LEVEL_WEIGHT[code] ?? 1] as const);
const SECTOR_WEIGHT: Record<string, number> = { social: 45, health: 25, education: 20, justice: 3, ngo: 5, other: 2 };
const SECTORS: Weighted<string> = SECTOR_CODES.map((code) => [code, SECTOR_WEIGHT[code] ?? 1] as const);
const CHANNEL_WEIGHT: Record<string, number> = { phone: 35, email: 30, form: 30, letter: 2, 'imported-file': 3 };
const CHANNEL_TABLE: Weighted<(typeof CHANNELS)[number]> = CHANNELS.map((code) => [code, CHANNEL_WEIGHT[code] ?? 1] as const);
const OUTCOME_WEIGHT: Record<string, number> = { guidance: 45, 'joint-meeting': 30, 'referral-advice': 20, other: 5 };
const OUTCOMES: Weighted<(typeof HOPED_OUTCOMES)[number]> = HOPED_OUTCOMES.map((code) => [code, OUTCOME_WEIGHT[code] ?? 1] as const);

const TITLES: Record<string, readonly string[]> = {
  social: ['Sosiaalityöntekijä', 'Johtava sosiaalityöntekijä', 'Perhetyöntekijä', 'Sosiaaliohjaaja'],
  health: ['Lastenpsykiatri', 'Psykologi', 'Psykiatrinen sairaanhoitaja', 'Nuorisopsykiatri', 'Terveydenhoitaja'],
  education: ['Koulukuraattori', 'Koulupsykologi', 'Erityisopettaja', 'Rehtori'],
  justice: ['Poliisi', 'Sovittelija'],
  ngo: ['Järjestötyöntekijä', 'Ohjaaja'],
  other: ['Asiantuntija', 'Ohjaaja'],
};
const UNITS: Record<string, readonly string[]> = {
  social: ['lastensuojelu', 'perhesosiaalityö', 'sijaishuolto', 'vammaispalvelut'],
  health: ['lastenpsykiatria', 'nuorisopsykiatria', 'perheneuvola', 'lastenneurologia'],
  education: ['koulupalvelut', 'oppilashuolto', 'erityisopetus'],
  justice: ['poliisilaitos', 'sovittelutoimisto'],
  ngo: ['perhejärjestö', 'nuorisojärjestö'],
  other: ['kehittämisyksikkö'],
};
const FIRST_NAMES = ['Aino', 'Eino', 'Helmi', 'Väinö', 'Linnea', 'Onni', 'Sofia', 'Leo', 'Emma', 'Elias', 'Aada', 'Oliver', 'Ella', 'Eetu', 'Saga', 'Vilja', 'Niilo', 'Iida', 'Otso', 'Kerttu'];
const SURNAMES = [
  'Testinen', 'Esimerkki', 'Mallinen', 'Kokeilu', 'Harjoitus', 'Näytteinen', 'Keksitty', 'Kuviteltu', 'Demonen', 'Luonnos',
  'Testilä', 'Mallikas', 'Esimerkkinen', 'Kokeilija', 'Aihio', 'Simulaatio', 'Testimaa', 'Mallila', 'Harjoittelu', 'Koepala',
];

const QUESTION_SENTENCES = [
  'Pyydämme konsultaatiota lapsen tilanteeseen, jossa aiemmat tukitoimet eivät ole riittäneet.',
  'Nuori on ollut pitkään poissa koulusta, ja perhe toivoo apua koulunkäynnin tukemiseen.',
  'Lapsella on todettu neuropsykiatrisia piirteitä, ja arki kotona on kuormittunutta.',
  'Sijoituspaikka kokee, ettei sillä ole riittäviä keinoja vastata nuoren tarpeisiin.',
  'Toivomme arviota siitä, millainen hoidon ja tuen kokonaisuus olisi tarkoituksenmukainen.',
  'Perheessä on ollut väkivaltaa, ja lapsen turvallisuuden arviointiin tarvitaan tukea.',
  'Nuoren mielialaoireet ovat pahentuneet, ja hän on vetäytynyt kaverisuhteista.',
  'Vanhemmat ovat eronneet, ja lapsen asumisesta on jatkuva riita.',
  'Koulu on kokeillut tehostettua ja erityistä tukea ilman riittävää vaikutusta.',
  'Lastensuojelun avohuollon tukitoimet ovat olleet käytössä jo pitkään.',
  'Nuorella on viitteitä päihteiden käytöstä, ja hoitoon sitoutuminen on ollut vaikeaa.',
  'Haluaisimme kuulla monialaisen asiantuntijaryhmän näkemyksen jatkosuunnitelmasta.',
  'Lapsen käytös on muuttunut aggressiivisemmaksi sekä koulussa että kotona.',
  'Perhe on muuttanut Suomeen hiljattain, ja palveluihin ohjaaminen on ollut haastavaa.',
  'Syömiseen liittyvät oireet ovat lisääntyneet, ja paino on laskenut huolestuttavasti.',
  'Nuori on vahingoittanut itseään, ja hoitotaho pohtii osastojakson tarvetta.',
  'Työntekijät kaipaavat tukea yhteisen näkemyksen muodostamiseen eri palvelujen välillä.',
  'Toivomme konsultaatiota ennen seuraavaa verkostopalaveria.',
  'Lapsen kehitys on viivästynyt, ja kuntoutuksen suunnittelu on kesken.',
  'Perheen voimavarat ovat vähissä, ja vanhemmat toivovat konkreettisia neuvoja arkeen.',
  'Kysymme, mitkä tutkimukset olisi syytä tehdä ennen hoitopäätöstä.',
  'Miten tukea nuorta, joka ei tällä hetkellä sitoudu mihinkään tarjottuun palveluun?',
  'Miten eri toimijoiden vastuut kannattaisi jakaa tässä tilanteessa?',
  'Onko tilanteeseen sopivaa erityisen vaativan tason palvelua tarjolla omalla alueella?',
];
const NOTES = ['Kotiin annettava perhetyö', 'Koulun tukitoimet', 'Lyhytterapia', 'Avohuollon tukitoimet', 'Neuvolan tuki'];
const CONSENT_SCOPES = [
  'Tiedot saa käsitellä konsultaatiotyöryhmässä.',
  'Huoltajat ovat antaneet luvan tietojen jakamiseen asiantuntijaverkostolle.',
  'Suostumus koskee tätä konsultaatiota ja sen suositusta.',
];
const STATUTORY_BASES = ['Lastensuojelulain 14 §:n mukainen asiantuntijaryhmä', 'Sosiaalihuoltolain mukainen monialainen arvio'];
const OTHER_OUTCOMES = ['Toivomme kirjallista suositusta jatkotyöskentelyyn.', 'Toivomme konsultaatiota koko työryhmälle.'];

interface Requester {
  name: string;
  title: string;
  organisation: string;
  sector: string;
  region: string;
  phone: string;
  email: string;
  language: 'fi' | 'sv';
}

function ascii(text: string): string {
  return text.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/å/g, 'a').replace(/[^a-z]/g, '');
}

function regionName(code: string): string {
  return WELLBEING_REGIONS.find((r) => r.code === code)?.fi ?? code;
}

function makeRequesters(random: () => number, count: number): Requester[] {
  const list: Requester[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = SURNAMES[Math.floor(i / FIRST_NAMES.length) % SURNAMES.length]!;
    const sector = weighted(random, SECTORS);
    const region = weighted(random, REGIONS);
    const hasPhone = random() < 0.7;
    const number = String(1000 + i).slice(-4);
    list.push({
      // 400 distinct name pairs; beyond that a suffix keeps people distinct (the e-mail differs anyway).
      name: `${first} ${last}${i >= FIRST_NAMES.length * SURNAMES.length ? ' II' : ''}`,
      title: pickOne(random, TITLES[sector] ?? ['Asiantuntija']),
      organisation: `Esimerkki ${pickOne(random, UNITS[sector] ?? ['yksikkö'])}, ${regionName(region)}`,
      sector,
      region,
      phone: hasPhone ? `040 000 ${number}` : '',
      email: `${ascii(first)}.${ascii(last)}.${i}@example.invalid`,
      language: BILINGUAL.has(region) && random() < 0.2 ? 'sv' : 'fi',
    });
  }
  return list;
}

const DAY_MS = 86_400_000;

function isoOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function dayNumberOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Received dates: uniform over the range, thinned by growth, weekday and July (rejection sampling). */
function receivedDays(random: () => number, count: number, firstDay: number, lastDay: number): number[] {
  const span = lastDay - firstDay + 1;
  const weight = (day: number) => {
    const progress = (day - firstDay) / span;
    const date = new Date(day * DAY_MS);
    const weekday = date.getUTCDay();
    const month = date.getUTCMonth();
    let w = 1 + 1.2 * progress; // ~12 % growth a year over ten years
    if (weekday === 0 || weekday === 6) w *= 0.05;
    if (month === 6) w *= 0.35;
    if (month === 11) w *= 0.8;
    return w;
  };
  const max = 2.2;
  const days: number[] = [];
  while (days.length < count) {
    const day = firstDay + Math.floor(random() * span);
    if (random() * max < weight(day)) days.push(day);
  }
  return days.sort((a, b) => a - b);
}

function question(random: () => number): string {
  const sentences = 2 + Math.floor(random() * 6);
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(pickOne(random, QUESTION_SENTENCES));
  return parts.join(' ');
}

/** `count` synthetic, valid intake inputs in received order. */
export function generateIntakes(options: GenerateOptions): IntakeInput[] {
  const random = createRandom(options.seed ?? 20261123);
  const years = options.years ?? 10;
  const requesters = makeRequesters(random, options.requesters ?? 400);
  // Some requesters ask far more often (Zipf-like): index = floor(n * u^2).
  const pickRequester = () => requesters[Math.floor(requesters.length * random() ** 2)]!;
  const lastDay = dayNumberOf(options.today) - 1;
  const firstDay = lastDay - Math.round(years * 365.25) + 1;
  const days = receivedDays(random, options.count, firstDay, lastDay);

  return days.map((day): IntakeInput => {
    const requester = pickRequester();
    const date = isoOf(day);
    const minutes = 8 * 60 + Math.floor(random() * 9 * 60);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const themeCount = weighted(random, [
      [1, 45],
      [2, 35],
      [3, 20],
    ]);
    const tried = weightedDistinct(
      random,
      SERVICES_TRIED.map((code) => [code, code === 'other' ? 1 : 3] as const),
      Math.floor(random() * 5),
    );
    const consentKind = weighted(random, [
      ['anonymous', 80],
      ['consented', 13],
      ['statutory', 7],
    ] as const);
    const consent: IntakeInput['consent'] =
      consentKind === 'anonymous'
        ? { mode: 'anonymous' }
        : consentKind === 'statutory'
          ? { mode: 'statutory', basis: pickOne(random, STATUTORY_BASES) }
          : {
              mode: 'consented',
              consentedBy: pickOne(random, CONSENTERS),
              date,
              scope: pickOne(random, CONSENT_SCOPES),
              expiry: random() < 0.6 ? isoOf(day + 365) : '',
              withdrawn: '',
            };
    const serviceLanguage =
      requester.language === 'sv' ? 'sv' : requester.region === 'lappi' && random() < 0.03 ? 'se' : random() < 0.04 ? 'other' : 'fi';
    const hopedOutcome = weighted(random, OUTCOMES);
    return {
      requestKind: 'consultation',
      received: { date, time, channel: weighted(random, CHANNEL_TABLE) },
      requester: { ...requester },
      subject: {
        ageBand: weighted(random, AGE_BANDS),
        themes: weightedDistinct(random, THEMES, themeCount),
        serviceLevel: weighted(random, LEVELS),
        servicesTried: tried,
        servicesTriedNote: random() < 0.25 ? pickOne(random, NOTES) : '',
        serviceLanguage,
        interpreterNeeded: serviceLanguage === 'other' ? random() < 0.8 : false,
      },
      question: question(random),
      hopedOutcome,
      hopedOutcomeNote: hopedOutcome === 'other' ? pickOne(random, OTHER_OUTCOMES) : '',
      urgency: random() < 0.15 ? 'urgent' : 'normal',
      consent,
    };
  });
}
