import { useTranslation } from 'react-i18next';
import type { Route } from '../services/router';
import { mayOpenScreen } from '../../../shared/protection/screens';
import { useServices } from '../services/services';

const ITEMS: Array<{ href: string; label: string; views: Array<Route['view']> }> = [
  { href: '#/', label: 'nav.home', views: ['home', 'request'] },
  { href: '#/cases', label: 'nav.worklist', views: ['worklist', 'case', 'edit', 'new', 'letter', 'draft'] },
  { href: '#/meetings', label: 'nav.meetings', views: ['meetings', 'meeting'] },
  { href: '#/summaries', label: 'nav.summaries', views: ['summaries', 'national'] },
  { href: '#/exchange', label: 'nav.exchange', views: ['exchange'] },
  { href: '#/files', label: 'desk.nav.files', views: ['files'] },
  { href: '#/networks', label: 'nav.networks', views: ['networks'] },
  { href: '#/methods', label: 'knowledge.nav', views: ['methods'] },
  { href: '#/what-if', label: 'nav.whatIf', views: ['what-if'] },
  { href: '#/audit', label: 'nav.audit', views: ['audit'] },
  { href: '#/retention', label: 'retention.nav', views: ['retention'] },
  { href: '#/settings', label: 'nav.settings', views: ['settings'] },
  { href: '#/help', label: 'help.nav', views: ['help'] },
];

/**
 * The app's main sections the profile's role may open (shared/protection/screens, the table the
 * router checks too): an expert works its network's cases and meetings, a requester its own
 * requests; both send and open their files under "Files" (the coordinator's is "Exchange").
 * The current one is marked for screen readers too.
 */
export function MainNavigation({ view }: { view: Route['view'] }) {
  const { t } = useTranslation();
  const { role } = useServices().commands.profile;
  const items = ITEMS.filter((item) => mayOpenScreen(role, item.views[0]!));
  return (
    <nav aria-label={t('nav.label')} className="otk-nav otk-no-print">
      <ul>
        {items.map((item) => {
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
