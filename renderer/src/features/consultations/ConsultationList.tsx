import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Paragraph, Table } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { findArea, findRegion } from '../../../../shared/reference/regions';
import { THEMES } from '../../../../shared/reference/themes';
import { labelOf, regionLabel, type UiLanguage } from '../../../../shared/reference/labels';
import { useConsultationTotal, useNewestConsultations } from '../../data/useConsultations';
import { useUiStore } from '../../state/uiStore';
import { formatDate } from '../../format/dates';

const PAGE = 50;
const themeByCode = new Map(THEMES.map((theme) => [theme.code, theme]));

function themeLabels(record: ConsultationRecord, language: UiLanguage): string {
  return record.subject.themes.map((code) => (themeByCode.get(code) ? labelOf(themeByCode.get(code)!, language) : code)).join(', ');
}

/** Saved consultations, newest first. */
export function ConsultationList() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [limit, setLimit] = useState(PAGE);
  const rows = useNewestConsultations(limit);
  const total = useConsultationTotal();

  const columns = [
    { key: 'received', labelText: t('list.received') },
    { key: 'region', labelText: t('list.region') },
    { key: 'area', labelText: t('list.area') },
    { key: 'themes', labelText: t('list.themes') },
    { key: 'status', labelText: t('list.status') },
  ] as const;

  const data = (rows ?? []).map((record) => {
    const region = findRegion(record.region);
    return {
      id: record.id,
      received: formatDate(record.receivedAt, language),
      region: region ? regionLabel(region, language) : record.region,
      area: labelOf(findArea(record.area), language),
      themes: themeLabels(record, language),
      status: t(`status.${record.status}`),
    };
  });

  return (
    <Block variant="section" aria-labelledby="list-heading" className="otk-panel">
      <Heading variant="h2" id="list-heading">
        {t('list.heading')}
      </Heading>
      {total !== undefined && <Paragraph>{t('list.total', { count: total })}</Paragraph>}
      {rows && rows.length === 0 ? (
        <Paragraph>{t('list.empty')}</Paragraph>
      ) : (
        <Table aria-labelledby="list-heading" columns={columns} data={data} loading={rows === undefined} condensed />
      )}
      {rows && total !== undefined && rows.length < total && (
        <Block margin="s">
          <Paragraph>{t('list.showing', { shown: rows.length, total })}</Paragraph>
          <Button variant="secondary" onClick={() => setLimit((n) => n + PAGE)}>
            {t('list.showMore')}
          </Button>
        </Block>
      )}
    </Block>
  );
}
