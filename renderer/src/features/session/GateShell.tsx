import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Heading, Text } from 'suomifi-ui-components';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useUiStore } from '../../state/uiStore';

/** The frame of the set-up and unlock screens: title, language, and the screen in a main landmark. */
export function GateShell({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = useUiStore((s) => s.language);
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
      </Block>
    </>
  );
}
