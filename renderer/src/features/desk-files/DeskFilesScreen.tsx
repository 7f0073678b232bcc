import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { useUiStore } from '../../state/uiStore';
import { useServices } from '../../services/services';
import { ImportPanel } from '../exchange/ImportPanel';
import { SendRequestsPanel } from '../requester-desk/SendRequestsPanel';
import { SendDraftsPanel } from '../expert-desk/SendDraftsPanel';
import { ScreenPanel } from '../../components/ScreenPanel';

/**
 * The desks' files (issue 11): what a requester or an expert sends to the OT-keskus, and opening
 * the files the OT-keskus sends back — the same encrypted bundles, preview and refusals as the
 * coordinator's exchange screen. Which file fits which desk is checked when it is opened.
 */
export function DeskFilesScreen() {
  const { t } = useTranslation();
  const { role } = useServices().commands.profile;
  const notice = useUiStore((s) => s.notice);
  return (
    <ScreenPanel
      headingId="desk-files-heading"
      heading={t('desk.files.title')}
      intro={t(role === 'requester' ? 'desk.files.introRequester' : 'desk.files.introExpert')}
      className="otk-panel"
    >
      <div role="status" className="otk-live">
        {notice && <Paragraph className="otk-notice">{notice.text}</Paragraph>}
      </div>
      {role === 'requester' && <SendRequestsPanel />}
      {role === 'expert' && <SendDraftsPanel />}
      <ImportPanel />
    </ScreenPanel>
  );
}
