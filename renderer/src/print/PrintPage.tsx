import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../shared/reference/labels';
import { PAGE_MARKERS, pageLabelParts, pageRule } from './page-rule';
import { pageNonce } from '../security/page-nonce';

/**
 * The sheet of a printable view (summary report, national view, agenda, letter, audit log): put it
 * in the view and its print — the browser's dialog or Electron's printToPDF — gets A4 paper, the
 * running head `head` and "page n / m" on every sheet, in `language` (a letter prints in its own
 * language whatever the UI's). What the sheet holds comes from the view with the print styles of
 * styles.css: no scrolling box, tables whole with their header on every sheet.
 */
export function PrintPage({ head, language, landscape = false }: { head: string; language?: UiLanguage; landscape?: boolean }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language ?? i18n.language);
  const css = pageRule({ head, landscape, pageLabel: pageLabelParts(t('print.page', PAGE_MARKERS)) });
  // The page's CSP allows a <style> element only with its nonce.
  return <style nonce={pageNonce()}>{css}</style>;
}
