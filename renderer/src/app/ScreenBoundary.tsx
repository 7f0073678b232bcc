import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Paragraph } from 'suomifi-ui-components';
import { useServices } from '../services/services';

/**
 * No screen goes blank: an error while showing one screen replaces that screen (not the header or
 * the menu) with a message in words and the ways on — home, or lock and open again. Moving to
 * another address (`resetKey`) tries again. Nothing of the case is logged: only the error's name.
 */
export class ScreenBoundary extends Component<{ resetKey: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`a screen failed: ${error.name}`, info.componentStack?.split('\n', 3).join(' '));
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

function ScreenFailed() {
  const { t } = useTranslation();
  const { session } = useServices();
  return (
    <Block variant="section" aria-labelledby="screen-failed-heading" className="otk-panel" data-testid="screen-failed">
      <Heading variant="h2" id="screen-failed-heading">
        {t('screens.failed.heading')}
      </Heading>
      <div role="alert">
        <Paragraph mb="m">{t('screens.failed.text')}</Paragraph>
      </div>
      <div className="otk-row-actions">
        <a className="otk-button-link" href="#/">
          {t('screens.failed.home')}
        </a>
        <Button variant="secondary" onClick={() => void session.lock('button')}>
          {t('screens.failed.lock')}
        </Button>
      </div>
    </Block>
  );
}
