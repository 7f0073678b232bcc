import { useTranslation } from 'react-i18next';
import { Block, Heading, Paragraph } from 'suomifi-ui-components';

/**
 * A screen the profile's role may not open (shared/protection/screens): said in words, with the
 * way home. The same block serves the router and the screens that check a permission themselves
 * (with the screen's own heading, and its own sentence where the screen has one).
 */
export function NotPermitted({ heading, message }: { heading?: string; message?: string }) {
  const { t } = useTranslation();
  return (
    <Block variant="section" aria-labelledby="not-permitted-heading" className="otk-panel" data-testid="screen-not-permitted">
      <Heading variant="h2" id="not-permitted-heading">
        {heading ?? t('screens.notPermitted.heading')}
      </Heading>
      <Paragraph mb="m">{message ?? t('roles.screenNotPermitted')}</Paragraph>
      <a className="otk-button-link" href="#/">
        {t('screens.failed.home')}
      </a>
    </Block>
  );
}
