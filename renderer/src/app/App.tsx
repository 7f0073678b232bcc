import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Heading, Paragraph, SkipLink, Text } from 'suomifi-ui-components';
import { useUiStore } from '../state/uiStore';
import { useServices } from '../services/services';
import { parseRoute, useHash } from '../services/router';
import { MainNavigation } from './MainNavigation';
import { ScreenBoundary } from './ScreenBoundary';
import { screens } from './screens';
import { LoadingView } from '../components/Preloadable';
import { NotPermitted } from '../components/NotPermitted';
import { mayOpenScreen } from '../../../shared/protection/screens';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SessionBar } from '../features/session/SessionBar';
import type { BridgeResult } from '../../../shared/bridge/contract';
import { BackupReminder } from '../features/backup/BackupReminder';
import { StorageFullNotice } from '../features/backup/StorageFullNotice';

function Screen() {
  const route = parseRoute(useHash());
  const { role } = useServices().commands.profile;
  // Every address declares what it needs (shared/protection/screens): typing it is not a way in.
  if (!mayOpenScreen(role, route.view)) return <NotPermitted />;
  switch (route.view) {
    case 'home':
      // Each role's desk opens on its own list: the centre's overview, "my requests", the network's cases.
      return role === 'requester' ? <screens.myRequests.Component /> : role === 'expert' ? <screens.networkDesk.Component /> : <screens.home.Component />;
    case 'request':
      return <screens.requestForm.Component id={route.id} />;
    case 'files':
      return <screens.deskFiles.Component />;
    case 'draft':
      return <screens.draft.Component id={route.id} />;
    case 'worklist':
      return <screens.worklist.Component query={route.query} />;
    case 'meetings':
      return <screens.meetings.Component query={route.query} />;
    case 'meeting':
      return <screens.agenda.Component id={route.id} />;
    case 'letter':
      return <screens.letter.Component id={route.id} />;
    case 'summaries':
      return <screens.summary.Component />;
    case 'national':
      return <screens.national.Component />;
    case 'exchange':
      return <screens.exchange.Component />;
    case 'audit':
      return <screens.audit.Component />;
    case 'new':
      return <screens.newCase.Component />;
    case 'case':
      return <screens.case.Component id={route.id} />;
    case 'edit':
      return <screens.editCase.Component id={route.id} />;
    case 'networks':
      return <screens.networks.Component />;
    case 'methods':
      return <screens.methods.Component />;
    case 'what-if':
      return <screens.whatIf.Component />;
    case 'settings':
      return <screens.settings.Component />;
    case 'help':
      return <screens.help.Component />;
    case 'retention':
      return <screens.retention.Component />;
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const { bridge } = useServices();
  const language = useUiStore((s) => s.language);
  const [info, setInfo] = useState<BridgeResult<'appInfo'>>();
  const hash = useHash();

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  // A new screen: move focus to the main region so screen readers start from its top, and drop
  // a notice meant for another screen.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: false });
    const { notice, clearNotice } = useUiStore.getState();
    if (notice && notice.hash !== hash) clearNotice();
  }, [hash]);

  useEffect(() => {
    bridge.appInfo({}).then(setInfo, (error: unknown) => console.error('appInfo failed', error));
  }, [bridge]);

  return (
    <>
      <SkipLink href="#main" className="otk-no-print">{t('app.skipToContent')}</SkipLink>
      <Block variant="header" className="otk-header otk-no-print">
        <div>
          <Heading variant="h1">
            <a href="#/" className="otk-home-link">
              {t('app.title')}
            </a>
          </Heading>
          <Text>{t('app.subtitle')}</Text>
        </div>
        <div className="otk-header-tools">
          <SessionBar />
          <LanguageSwitch />
        </div>
      </Block>
      <MainNavigation view={parseRoute(hash).view} />
      <StorageFullNotice />
      <BackupReminder />
      <Block variant="main" id="main" tabIndex={-1} className="otk-main">
        <ScreenBoundary resetKey={hash}>
          {/* Each screen is its own chunk (app/screens.ts), usually loaded while the passphrase was typed. */}
          <Suspense fallback={<LoadingView />}>
            <Screen />
          </Suspense>
        </ScreenBoundary>
      </Block>
      <Block variant="footer" className="otk-footer otk-no-print">
        {info && (
          <Paragraph>
            {t(info.shell === 'web' ? 'app.dataLocationWeb' : 'app.dataLocation', { location: info.dataLocation })} · {t('app.version', { version: info.version })}
          </Paragraph>
        )}
      </Block>
    </>
  );
}
