import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Paragraph } from 'suomifi-ui-components';
import { filterFromQuery, filterToQuery, type SortKey, type WorklistFilter } from '../../../../shared/worklist/filter';
import { navigate } from '../../app/router';
import { useWorklist } from './useWorklist';
import { useNewestCaseRows } from '../../data/useConsultations';
import { FilterBar } from './FilterBar';
import { CaseTable } from './CaseTable';

const FIRST_PAGE = 50;

/** The coordinator's work list: every case, filtered, searched and sorted, with overdue cases marked. */
export function WorklistScreen({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const queryString = query.toString();
  const filter = useMemo(() => filterFromQuery(new URLSearchParams(queryString)), [queryString]);
  const list = useWorklist(filter);
  // Until the in-memory index has loaded, the newest cases come straight from their index.
  const firstPage = useNewestCaseRows(list.ready ? 0 : FIRST_PAGE);
  const rows = list.ready ? list.rows : (firstPage ?? []);
  const scrollTo = useRef<((index: number) => void) | null>(null);
  const sort = filter.sort ?? 'receivedAt';
  const dir = filter.dir ?? 'desc';

  const setFilter = (next: WorklistFilter) => navigate({ view: 'worklist', query: filterToQuery(next) });
  const onSort = (key: SortKey) => {
    const nextDir = key === sort ? (dir === 'asc' ? 'desc' : 'asc') : key === 'receivedAt' ? 'desc' : 'asc';
    setFilter({ ...filter, sort: key, dir: nextDir });
  };

  return (
    <Block variant="section" aria-labelledby="worklist-heading" className="otk-panel">
      <div className="otk-panel-head">
        <Heading variant="h2" id="worklist-heading">
          {t('list.heading')}
        </Heading>
        <Button onClick={() => navigate({ view: 'new' })}>{t('list.new')}</Button>
      </div>
      <FilterBar filter={filter} onChange={setFilter} />
      <Paragraph className="otk-count" aria-live="polite" id="worklist-count">
        {!list.ready
          ? t('app.loading')
          : rows.length > 0
            ? t('list.count', { count: rows.length })
            : Object.keys(filter).length > 0
              ? t('list.noMatches')
              : t('list.empty')}
      </Paragraph>
      {list.ready && rows.length === 0 ? null : (
        <>
          <CaseTable rows={rows} today={list.today} sort={sort} dir={dir} onSort={onSort} scrollRef={scrollTo} />
          {rows.length > FIRST_PAGE && (
            <div className="otk-row-actions">
              <Button variant="secondaryNoBorder" onClick={() => scrollTo.current?.(0)}>
                {t('list.toStart')}
              </Button>
              <Button variant="secondaryNoBorder" onClick={() => scrollTo.current?.(rows.length - 1)}>
                {t('list.toEnd')}
              </Button>
            </div>
          )}
        </>
      )}
    </Block>
  );
}
