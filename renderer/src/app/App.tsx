import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Heading, LanguageMenu, LanguageMenuItem, Paragraph, SkipLink, Text } from 'suomifi-ui-components';
import { LANGUAGES } from '../i18n';
import { useUiStore } from '../state/uiStore';
import { useServices } from './services';
import { IntakeForm } from '../features/intake/IntakeForm';
import { ConsultationList } from '../features/consultations/ConsultationList';
import type { BridgeResult } from '../../../shared/bridge/contract';

export function App() {
  const { t, i18n } = useTranslation();
  const { bridge } = useServices();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const [info, setInfo] = useState<BridgeResult<'appInfo'>>();

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  useEffect(() => {
    bridge.appInfo({}).then(setInfo, (error: unknown) => console.error('appInfo failed', error));
  }, [bridge]);

  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <Block variant="header" className="otk-header">
        <div>
          <Heading variant="h1">{t('app.title')}</Heading>
          <Text>{t('app.subtitle')}</Text>
        </div>
        <LanguageMenu
          buttonText={t(`language.${language}`)}
          aria-label={t('language.current', { language: t(`language.${language}`) })}
        >
          {LANGUAGES.map((code) => (
            <LanguageMenuItem key={code} lang={code} selected={code === language} onSelect={() => setLanguage(code)}>
              {t(`language.${code}`)}
            </LanguageMenuItem>
          ))}
        </LanguageMenu>
      </Block>
      <Block variant="main" id="main" tabIndex={-1} className="otk-main">
        <IntakeForm />
        <ConsultationList />
      </Block>
      <Block variant="footer" className="otk-footer">
        {info && (
          <Paragraph>
            {t('app.dataLocation', { location: info.dataLocation })} · {t('app.version', { version: info.version })}
          </Paragraph>
        )}
      </Block>
    </>
  );
}
