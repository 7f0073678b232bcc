import { COOPERATION_AREAS, findRegion } from '../../../../shared/reference/regions';
import { findDefaultNetwork } from '../../../../shared/reference/networks';
import { AGE_BANDS, SECTORS, SERVICE_LEVELS, THEMES } from '../../../../shared/reference/themes';
import type { CsvLabels, CsvLanguage, SummaryHeaderKey } from '../../../../shared/summary/csv';
import type { SummaryDimension } from '../../../../shared/summary/spec';

type Texts = Record<SummaryHeaderKey, string>;

/** The header texts of the summary in the three UI languages (the keys the renderer's locales need). */
export const HEADER_TEXTS: Record<CsvLanguage, Texts> = {
  fi: {
    'summary.csv.producer': 'Tuottaja',
    'summary.csv.period': 'Ajanjakso',
    'summary.csv.total': 'Yhteensä',
    'summary.csv.notRecorded': 'Ei tietoa',
    'summary.csv.lessThanFive': '1–4 tapausta (tarkkaa lukua ei näytetä tietosuojan vuoksi)',
    'summary.csv.hidden': 'Salattu, jotta muita lukuja tai yksittäisen tapauksen tietoa ei voi päätellä (mediaani ja 90. persentiili vain, kun kummallakin puolella on vähintään 5 tapausta)',
    'summary.csv.national': 'Valtakunnallinen yhdistelmä',
    'summary.dimension.month': 'Kuukausi',
    'summary.dimension.area': 'Yhteistyöalue',
    'summary.dimension.region': 'Hyvinvointialue',
    'summary.dimension.theme': 'Teema',
    'summary.dimension.sector': 'Sektori',
    'summary.dimension.ageBand': 'Ikäryhmä',
    'summary.dimension.serviceLevel': 'Palvelujen taso',
    'summary.dimension.consentMode': 'Suostumustapa',
    'summary.dimension.outcome': 'Lopputulos',
    'summary.dimension.otherwiseSought': 'Olisi muuten hakenut vaativampaa palvelua',
    'summary.dimension.network': 'Asiantuntijaverkosto',
    'summary.dimension.method': 'Suositeltu menetelmä',
    'summary.dimension.criterion': 'OT-tason kriteeri',
    'summary.dimension.declineReason': 'Hylkäyksen syy',
    'summary.measure.received': 'Vastaanotetut pyynnöt',
    'summary.measure.accepted': 'Hyväksytyt',
    'summary.measure.declined': 'Hylätyt',
    'summary.measure.consulted': 'Konsultoidut',
    'summary.measure.closed': 'Päätetyt',
    'summary.measure.medianDaysToConsultation': 'Päivää konsultaatioon, mediaani',
    'summary.measure.p90DaysToConsultation': 'Päivää konsultaatioon, 90. persentiili',
    'summary.measure.targetMetShare': 'Tavoiteajassa, %',
    'summary.note.multi-counted': 'Usean teeman pyyntö lasketaan kunkin teemansa kohdalla; yhteensä-luvuissa jokainen pyyntö kerran.',
    'summary.note.stats-not-combined': 'Mediaaneja ja osuuksia ei voi yhdistää keskusten yhteenvedoista.',
  },
  sv: {
    'summary.csv.producer': 'Producent',
    'summary.csv.period': 'Period',
    'summary.csv.total': 'Totalt',
    'summary.csv.notRecorded': 'Uppgift saknas',
    'summary.csv.lessThanFive': '1–4 fall (exakt antal visas inte av dataskyddsskäl)',
    'summary.csv.hidden': 'Skyddat så att andra tal eller ett enskilt falls uppgifter inte kan härledas (median och 90:e percentilen bara när minst 5 fall ligger på vardera sidan)',
    'summary.csv.national': 'Nationell sammanställning',
    'summary.dimension.month': 'Månad',
    'summary.dimension.area': 'Samarbetsområde',
    'summary.dimension.region': 'Välfärdsområde',
    'summary.dimension.theme': 'Tema',
    'summary.dimension.sector': 'Sektor',
    'summary.dimension.ageBand': 'Åldersgrupp',
    'summary.dimension.serviceLevel': 'Servicenivå',
    'summary.dimension.consentMode': 'Samtyckesform',
    'summary.dimension.outcome': 'Resultat',
    'summary.dimension.otherwiseSought': 'Skulle annars ha sökt en mer krävande tjänst',
    'summary.dimension.network': 'Expertnätverk',
    'summary.dimension.method': 'Rekommenderad metod',
    'summary.dimension.criterion': 'OT-nivåkriterium',
    'summary.dimension.declineReason': 'Orsak till avslag',
    'summary.measure.received': 'Mottagna förfrågningar',
    'summary.measure.accepted': 'Godkända',
    'summary.measure.declined': 'Avböjda',
    'summary.measure.consulted': 'Konsulterade',
    'summary.measure.closed': 'Avslutade',
    'summary.measure.medianDaysToConsultation': 'Dagar till konsultation, median',
    'summary.measure.p90DaysToConsultation': 'Dagar till konsultation, 90:e percentilen',
    'summary.measure.targetMetShare': 'Inom måltiden, %',
    'summary.note.multi-counted': 'En förfrågan med flera teman räknas under varje tema; i totalerna räknas varje förfrågan en gång.',
    'summary.note.stats-not-combined': 'Medianer och andelar kan inte kombineras från centrens sammanställningar.',
  },
  en: {
    'summary.csv.producer': 'Producer',
    'summary.csv.period': 'Period',
    'summary.csv.total': 'Total',
    'summary.csv.notRecorded': 'Not recorded',
    'summary.csv.lessThanFive': '1–4 cases (exact number not shown for data protection)',
    'summary.csv.hidden': 'Hidden so that other figures or a single case’s details cannot be derived (median and 90th percentile only with at least 5 cases on each side)',
    'summary.csv.national': 'National combination',
    'summary.dimension.month': 'Month',
    'summary.dimension.area': 'Cooperation area',
    'summary.dimension.region': 'Wellbeing services county',
    'summary.dimension.theme': 'Theme',
    'summary.dimension.sector': 'Sector',
    'summary.dimension.ageBand': 'Age group',
    'summary.dimension.serviceLevel': 'Service level',
    'summary.dimension.consentMode': 'Consent mode',
    'summary.dimension.outcome': 'Outcome',
    'summary.dimension.otherwiseSought': 'Would otherwise have sought a more demanding service',
    'summary.dimension.network': 'Expert network',
    'summary.dimension.method': 'Recommended method',
    'summary.dimension.criterion': 'OT-level criterion',
    'summary.dimension.declineReason': 'Reason for declining',
    'summary.measure.received': 'Requests received',
    'summary.measure.accepted': 'Accepted',
    'summary.measure.declined': 'Declined',
    'summary.measure.consulted': 'Consulted',
    'summary.measure.closed': 'Closed',
    'summary.measure.medianDaysToConsultation': 'Days to consultation, median',
    'summary.measure.p90DaysToConsultation': 'Days to consultation, 90th percentile',
    'summary.measure.targetMetShare': 'Within target, %',
    'summary.note.multi-counted': 'A request with several themes counts under each of its themes; totals count each request once.',
    'summary.note.stats-not-combined': "Medians and shares cannot be combined from the centres' summaries.",
  },
};

const CONSENT: Record<string, Record<CsvLanguage, string>> = {
  anonymous: { fi: 'Anonyymi', sv: 'Anonym', en: 'Anonymous' },
  consented: { fi: 'Suostumus', sv: 'Samtycke', en: 'Consent' },
  statutory: { fi: 'Lakisääteinen ryhmä', sv: 'Lagstadgad grupp', en: 'Statutory group' },
};

/** Category labels from the reference data, as the renderer would give them. */
export function csvLabels(language: CsvLanguage, extra: Record<string, string> = {}): CsvLabels {
  const label = (dimension: SummaryDimension, code: string): string => {
    if (extra[code] !== undefined) return extra[code];
    const lang = language;
    switch (dimension) {
      case 'month':
        return `${Number(code.slice(5))}/${code.slice(0, 4)}`;
      case 'area':
        return COOPERATION_AREAS.find((a) => a.code === code)?.[lang] ?? code;
      case 'region': {
        const region = findRegion(code);
        return region ? (lang === 'sv' ? region.sv : region.fi) : code;
      }
      case 'theme':
        return THEMES.find((t) => t.code === code)?.[lang] ?? code;
      case 'sector':
        return SECTORS.find((t) => t.code === code)?.[lang] ?? code;
      case 'serviceLevel':
        return SERVICE_LEVELS.find((t) => t.code === code)?.[lang] ?? code;
      case 'ageBand':
        return AGE_BANDS.includes(code) ? code : code;
      case 'consentMode':
        return CONSENT[code]?.[lang] ?? code;
      case 'network':
        return findDefaultNetwork(code)?.name[lang] ?? code;
      default:
        return code;
    }
  };
  return { language, header: (key) => HEADER_TEXTS[language][key], label };
}
