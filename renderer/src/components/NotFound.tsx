import { useTranslation } from 'react-i18next';
import { Block, Heading } from 'suomifi-ui-components';

/**
 * A screen whose subject is not there (an unknown or purged case, a meeting that is gone, a letter
 * with no recommendation yet): said as the screen's heading, with the way home — never a screen
 * without a heading.
 */
export function NotFound({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Block variant="section" aria-labelledby="not-found-heading" className="otk-panel" data-testid="screen-not-found">
      <Heading variant="h2" id="not-found-heading">
        {message}
      </Heading>
      <a className="otk-button-link" href="#/">
        {t('screens.failed.home')}
      </a>
    </Block>
  );
}
