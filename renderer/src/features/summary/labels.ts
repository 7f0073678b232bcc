import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COOPERATION_AREAS, findRegion } from '../../../../shared/reference/regions';
import { regionLabel } from '../../../../shared/reference/labels';
import { SECTORS, SERVICE_LEVELS, THEMES } from '../../../../shared/reference/themes';
import type { CsvLabels, SummaryHeaderKey } from '../../../../shared/summary/csv';
import type { SummaryDimension } from '../../../../shared/summary/spec';
import { NOT_RECORDED } from '../../../../shared/summary/dimensions';
import { SUMMARY_TEXT } from '../../../../shared/summary/messages';
import { useNetworks } from '../../queries/useNetworks';
import { useCriteria, useMethodCatalogue } from '../../queries/useKnowledge';
import { criterionLabel } from '../../../../shared/knowledge/ot-criteria';
import { useUiStore } from '../../state/uiStore';

const byCode = <T extends { code: string }>(list: readonly T[]) => new Map(list.map((item) => [item.code, item]));
const THEME = byCode(THEMES);
const SECTOR = byCode(SECTORS);
const LEVEL = byCode(SERVICE_LEVELS);
const AREA = byCode(COOPERATION_AREAS);

/**
 * Texts of a summary in the UI language: headers by key, categories by dimension and code (from
 * the reference data, the network registry and the i18n catalogues). The same labels feed the
 * screen, the chart and the CSV export, so they always agree.
 */
export function useSummaryLabels(): CsvLabels {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const networks = useNetworks();
  const methods = useMethodCatalogue();
  const criteria = useCriteria();
  return useMemo(() => {
    const methodName = new Map(methods.map((m) => [m.code, m.name[language]]));
    const networkName = new Map((networks ?? []).map((n) => [n.id, n.name[language]]));
    const label = (dimension: SummaryDimension, code: string): string => {
      if (code === NOT_RECORDED) return t(SUMMARY_TEXT.notRecorded);
      switch (dimension) {
        case 'month':
          return t('summary.monthLabel', { month: Number(code.slice(5, 7)), year: code.slice(0, 4) });
        case 'area':
          return AREA.get(code)?.[language] ?? code;
        case 'region': {
          const region = findRegion(code);
          return region ? regionLabel(region, language) : code;
        }
        case 'theme':
          return THEME.get(code)?.[language] ?? code;
        case 'sector':
          return SECTOR.get(code)?.[language] ?? code;
        case 'serviceLevel':
          return LEVEL.get(code)?.[language] ?? code;
        case 'ageBand':
          return t(`ageBand.${code}`);
        case 'consentMode':
          return t(`consent.${code}`);
        case 'outcome':
          return t(`closeOut.outcomeCode.${code}`);
        case 'otherwiseSought':
          return t(`closeOut.otherwiseSoughtCode.${code}`);
        case 'network':
          return networkName.get(code) ?? t('summary.unknownNetwork');
        case 'method':
          return methodName.get(code) ?? code;
        case 'criterion':
          return criterionLabel(code, language, criteria?.versions ?? []);
        case 'declineReason':
          return t(`lifecycle.declineReasonCode.${code}`);
      }
    };
    return { language, header: (key: SummaryHeaderKey) => t(key), label };
  }, [t, language, networks, methods, criteria]);
}
