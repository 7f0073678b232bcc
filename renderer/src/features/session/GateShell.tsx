import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Text } from 'suomifi-ui-components';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useUiStore } from '../../state/uiStore';
import { LoadingView, preloadable } from '../../components/Preloadable';

/** Help is not needed for the lock screen's first paint: its own chunk, loaded when opened. */
const help = preloadable(() => import('../help/HelpScreen').then((m) => m.HelpScreen));

/** The frame of the set-up and unlock screens: title, language, and the screen in a main landmark. */
export function GateShell({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [showHelp, setHelp] = useState(false);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.title = `${title} – ${t('app.title')}`;
  }, [i18n, language, title, t]);
  return (
    <>
      <Block variant="header" className="otk-header">
        <div>
          <Heading variant="h1">{t('app.title')}</Heading>
          <Text>{t('app.subtitle')}</Text>
        </div>
        <LanguageSwitch />
      </Block>
      <Block variant="main" id="main" tabIndex={-1} className="otk-main otk-gate">
        <Heading variant="h2" id="gate-heading">
          {title}
        </Heading>
        {children}
        {/* Help and the accessibility statement are readable before unlocking too. */}
        <Button variant="secondaryNoBorder" aria-expanded={showHelp} onClick={() => setHelp(!showHelp)}>
          {t('help.nav')}
        </Button>
        {showHelp && (
          <Suspense fallback={<LoadingView />}>
            <help.Component />
          </Suspense>
        )}
      </Block>
    </>
  );
}
