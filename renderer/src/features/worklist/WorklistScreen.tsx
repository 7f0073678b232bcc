import { useMemo, useRef } from 'react';
import { ScreenPanel } from '../../components/ScreenPanel';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { FILTER_KEYS, filterFromQuery, filterToQuery, type SortKey, type WorklistFilter } from '../../../../shared/worklist/filter';
import { navigate } from '../../services/router';
import { useWorklist } from './useWorklist';
import { useConsultationTotal, useNewestCaseRows } from '../../queries/useConsultations';
import { FilterBar } from './FilterBar';
import { CaseTable } from './CaseTable';

const FIRST_PAGE = 50;

/** The coordinator's work list: every case, filtered, searched and sorted, with overdue cases marked. */
export function WorklistScreen({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const queryString = query.toString();
  const filter = useMemo(() => filterFromQuery(new URLSearchParams(queryString)), [queryString]);
  // Until the in-memory index has loaded, the newest cases come straight from their index, and
  // the total from the maintained counter; the index loads after that first page is on screen.
  const firstPage = useNewestCaseRows(FIRST_PAGE);
  const total = useConsultationTotal();
  const list = useWorklist(filter, firstPage !== undefined);
  const unfiltered = FILTER_KEYS.every((key) => key === 'sort' || key === 'dir' || filter[key] === undefined) && (filter.sort ?? 'receivedAt') === 'receivedAt' && (filter.dir ?? 'desc') === 'desc';
  const rows = list.ready ? list.rows : unfiltered ? (firstPage ?? []) : [];
  const count = list.ready ? rows.length : unfiltered && total !== undefined && firstPage !== undefined ? total : null;
  const scrollTo = useRef<((index: number) => void) | null>(null);
  const sort = filter.sort ?? 'receivedAt';
  const dir = filter.dir ?? 'desc';

  const setFilter = (next: WorklistFilter) => navigate({ view: 'worklist', query: filterToQuery(next) });
  const onSort = (key: SortKey) => {
    const nextDir = key === sort ? (dir === 'asc' ? 'desc' : 'asc') : key === 'receivedAt' ? 'desc' : 'asc';
    setFilter({ ...filter, sort: key, dir: nextDir });
  };

  return (
    <ScreenPanel
      headingId="worklist-heading"
      heading={t('list.heading')}
      className="otk-panel"
      actions={<Button onClick={() => navigate({ view: 'new' })}>{t('list.new')}</Button>}
    >
      <FilterBar filter={filter} onChange={setFilter} />
      <Paragraph className="otk-count" aria-live="polite" id="worklist-count">
        {count === null
          ? t('app.loading')
          : count > 0
            ? t('list.count', { count })
            : Object.keys(filter).length > 0
              ? t('list.noMatches')
              : t('list.empty')}
      </Paragraph>
      {rows.length === 0 ? null : (
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
    </ScreenPanel>
  );
}
