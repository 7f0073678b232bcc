import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime } from '../../format/dates';
import type { NetworkCase } from '../../queries/desk';
import { deskDraftState } from './draft-state';

/** The state of a case's draft in words ("Draft saved 3.2.2026 14.05", "Ready to send", …). */
export function DraftStateText({ item }: { item: Pick<NetworkCase, 'draft' | 'sentAt' | 'recommendationSent'> }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const state = deskDraftState(item);
  switch (state.kind) {
    case 'none':
      return <>{t('expertDesk.state.none')}</>;
    case 'done':
      return <>{t('expertDesk.state.done')}</>;
    case 'changed':
      return <>{t(state.ready ? 'expertDesk.state.changedReady' : 'expertDesk.state.changedDraft', { date: formatDateTime(state.at, language) })}</>;
    default:
      return <>{t(`expertDesk.state.${state.kind}`, { date: formatDateTime(state.at, language) })}</>;
  }
}
