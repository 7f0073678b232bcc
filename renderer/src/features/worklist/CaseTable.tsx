import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseRow } from '../../../../shared/domain/case-row';
import type { SortKey } from '../../../../shared/worklist/filter';
import { OPEN_STATUSES } from '../../../../shared/worklist/filter';
import { dueState } from '../../../../shared/calendar/target-date';
import { findArea, findRegion } from '../../../../shared/reference/regions';
import { THEMES } from '../../../../shared/reference/themes';
import { labelOf, regionLabel } from '../../../../shared/reference/labels';
import { useUiStore } from '../../state/uiStore';
import { formatDate, formatIsoDate } from '../../format/dates';
import { hrefFor } from '../../services/router';

const ROW_HEIGHT = 44;
const themeByCode = new Map(THEMES.map((theme) => [theme.code, theme]));

interface Column {
  key: SortKey | 'themes';
  label: string;
  sortable: boolean;
}

interface Props {
  rows: readonly CaseRow[];
  today: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
  /** The virtualiser's scroll function, handed up so "jump to end" and tests can use it. */
  scrollRef?: React.RefObject<((index: number) => void) | null>;
}

/**
 * The work list as a real table (screen readers announce rows and columns), virtualised: only the
 * rows in view are in the DOM, with aria-rowcount/aria-rowindex telling assistive technology the
 * whole size. 100 000 rows scroll like 100.
 */
export function CaseTable({ rows, today, sort, dir, onSort, scrollRef }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const parent = useRef<HTMLDivElement>(null);
  // TanStack Virtual's API is not memoisable by the React Compiler; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  if (scrollRef) scrollRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'end' });

  const columns: Column[] = [
    { key: 'caseCode', label: t('list.caseCode'), sortable: true },
    { key: 'receivedAt', label: t('list.received'), sortable: true },
    { key: 'targetDate', label: t('list.target'), sortable: true },
    { key: 'status', label: t('list.status'), sortable: true },
    { key: 'urgency', label: t('list.urgency'), sortable: true },
    { key: 'region', label: t('list.region'), sortable: true },
    { key: 'area', label: t('list.area'), sortable: true },
    { key: 'themes', label: t('list.themes'), sortable: false },
    { key: 'requester', label: t('list.requester'), sortable: true },
  ];
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={parent} className="otk-table-scroll" tabIndex={0} aria-label={t('list.scrollRegion')} role="region">
      <table className="otk-table" aria-rowcount={rows.length + 1} aria-labelledby="worklist-heading">
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={column.key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {column.sortable ? (
                  <button type="button" className="otk-sort" onClick={() => onSort(column.key as SortKey)}>
                    {column.label}
                    <span aria-hidden="true">{column.key === sort ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((item) => {
            const row = rows[item.index]!;
            const region = findRegion(row.region);
            const due = OPEN_STATUSES.has(row.status) ? dueState(row.targetDate, today) : 'on-track';
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }} className={`otk-due-${due}`}>
                <td>
                  <a href={hrefFor({ view: 'case', id: row.id })}>{row.caseCode}</a>
                </td>
                <td>{formatDate(row.receivedAt, language)}</td>
                <td>
                  {formatIsoDate(row.targetDate, language)}
                  {due !== 'on-track' && (
                    <span className={`otk-due-badge otk-due-badge-${due}`}>
                      <span aria-hidden="true">{due === 'overdue' ? '⚠ ' : '⏱ '}</span>
                      {t(`due.${due}`)}
                    </span>
                  )}
                </td>
                <td>{t(`status.${row.status}`)}</td>
                <td>{t(`urgency.${row.urgency}`)}</td>
                <td>{region ? regionLabel(region, language) : row.region}</td>
                <td>{labelOf(findArea(row.area), language)}</td>
                <td>{row.themes.map((code) => (themeByCode.get(code) ? labelOf(themeByCode.get(code)!, language) : code)).join(', ')}</td>
                <td>
                  {row.requesterName}
                  <span className="otk-muted">, {row.organisation}</span>
                </td>
              </tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
