import { useTranslation } from 'react-i18next';
import type { Route } from './router';

const ITEMS: Array<{ href: string; label: string; views: Array<Route['view']> }> = [
  { href: '#/', label: 'nav.home', views: ['home'] },
  { href: '#/cases', label: 'nav.worklist', views: ['worklist', 'case', 'edit', 'new', 'letter'] },
  { href: '#/meetings', label: 'nav.meetings', views: ['meetings', 'meeting'] },
  { href: '#/summaries', label: 'nav.summaries', views: ['summaries', 'national'] },
  { href: '#/exchange', label: 'nav.exchange', views: ['exchange'] },
  { href: '#/networks', label: 'nav.networks', views: ['networks'] },
  { href: '#/what-if', label: 'nav.whatIf', views: ['what-if'] },
  { href: '#/audit', label: 'nav.audit', views: ['audit'] },
  { href: '#/settings', label: 'nav.settings', views: ['settings'] },
];

/** The app's main sections; the current one is marked for screen readers too. */
export function MainNavigation({ view }: { view: Route['view'] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className="otk-nav otk-no-print">
      <ul>
        {ITEMS.map((item) => {
          const current = item.views.includes(view);
          return (
            <li key={item.href}>
              <a href={item.href} aria-current={current ? 'page' : undefined} className={current ? 'otk-nav-current' : undefined}>
                {t(item.label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
