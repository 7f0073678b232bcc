import { useTranslation } from 'react-i18next';
import { LanguageMenu, LanguageMenuItem } from 'suomifi-ui-components';
import { LANGUAGES } from '../i18n';
import { useUiStore } from '../state/uiStore';

/** The header's language menu (fi/sv/en), on the lock screens and in the app. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  return (
    <LanguageMenu buttonText={t(`language.${language}`)} aria-label={t('language.current', { language: t(`language.${language}`) })}>
      {LANGUAGES.map((code) => (
        <LanguageMenuItem key={code} lang={code} selected={code === language} onSelect={() => setLanguage(code)}>
          {t(`language.${code}`)}
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}
