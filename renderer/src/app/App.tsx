import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Heading, Paragraph, SkipLink, Text } from 'suomifi-ui-components';
import { useUiStore } from '../state/uiStore';
import { useServices } from '../services/services';
import { parseRoute, useHash } from '../services/router';
import { WorklistScreen } from '../features/worklist/WorklistScreen';
import { NewCaseScreen } from '../features/intake/NewCaseScreen';
import { CaseScreen } from '../features/case/CaseScreen';
import { EditCaseScreen } from '../features/case/EditCaseScreen';
import { NetworksScreen } from '../features/networks/NetworksScreen';
import { MethodsScreen } from '../features/knowledge/MethodsScreen';
import { WhatIfScreen } from '../features/routing/WhatIfScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { MeetingsScreen } from '../features/meetings/MeetingsScreen';
import { AgendaScreen } from '../features/meetings/AgendaScreen';
import { LetterScreen } from '../features/letter/LetterScreen';
import { SummaryScreen } from '../features/summary/SummaryScreen';
import { NationalScreen } from '../features/summary/NationalScreen';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { RetentionScreen } from '../features/retention/RetentionScreen';
import { MyRequestsScreen } from '../features/requester-desk/MyRequestsScreen';
import { RequestFormScreen } from '../features/requester-desk/RequestFormScreen';
import { NetworkDeskScreen } from '../features/expert-desk/NetworkDeskScreen';
import { DraftScreen } from '../features/expert-desk/DraftScreen';
import { DeskFilesScreen } from '../features/desk-files/DeskFilesScreen';
import { MainNavigation } from './MainNavigation';
import { ScreenBoundary } from './ScreenBoundary';
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
      return role === 'requester' ? <MyRequestsScreen /> : role === 'expert' ? <NetworkDeskScreen /> : <HomeScreen />;
    case 'request':
      return <RequestFormScreen id={route.id} />;
    case 'files':
      return <DeskFilesScreen />;
    case 'draft':
      return <DraftScreen id={route.id} />;
    case 'worklist':
      return <WorklistScreen query={route.query} />;
    case 'meetings':
      return <MeetingsScreen query={route.query} />;
    case 'meeting':
      return <AgendaScreen id={route.id} />;
    case 'letter':
      return <LetterScreen id={route.id} />;
    case 'summaries':
      return <SummaryScreen />;
    case 'national':
      return <NationalScreen />;
    case 'exchange':
      return <ExchangeScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'new':
      return <NewCaseScreen />;
    case 'case':
      return <CaseScreen id={route.id} />;
    case 'edit':
      return <EditCaseScreen id={route.id} />;
    case 'networks':
      return <NetworksScreen />;
    case 'methods':
      return <MethodsScreen />;
    case 'what-if':
      return <WhatIfScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'help':
      return <HelpScreen />;
    case 'retention':
      return <RetentionScreen />;
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
          <Screen />
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
