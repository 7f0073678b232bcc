import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useExchangeHistory, useInstallationIdentity, useOpenConflicts } from '../../queries/useExchange';
import { saveInstallationName } from '../../commands/exchange';
import { useCommand } from '../../forms/useCommand';
import { formatDateTime } from '../../format/dates';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ConflictList } from './ConflictList';
import { ScreenPanel } from '../../components/ScreenPanel';
import { Section } from '../../components/Section';

function Identity() {
  const { t } = useTranslation();
  const flash = useUiStore((s) => s.flash);
  const { commands } = useServices();
  const identity = useInstallationIdentity();
  const [name, setName] = useState<string | null>(null);
  const { run, busy, error } = useCommand('exchange.nameFailed');
  if (!identity) return null;
  return (
    <Section headingId="identity-heading" heading={t('exchange.identityHeading')} className="otk-section">
      <Paragraph>
        {t('exchange.installationIdIs')} <code data-testid="installation-id">{identity.id}</code>
      </Paragraph>
      <div className="otk-filter-row">
        <TextInput labelText={t('exchange.installationName')} hintText={t('exchange.installationNameHint')} value={name ?? identity.name} onChange={(value) => setName(String(value ?? ''))} />
        <Button
          variant="secondary"
          disabled={busy || name === null}
          onClick={() =>
            void run(async () => {
              await saveInstallationName(commands, name ?? '');
              setName(null);
              flash(t('exchange.nameSaved'), window.location.hash);
            })
          }
        >
          {t('exchange.saveName')}
        </Button>
      </div>
      {error && <Paragraph className="otk-error">{error}</Paragraph>}
    </Section>
  );
}

function History() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const history = useExchangeHistory();
  if (!history || history.length === 0) return null;
  return (
    <Section headingId="history-heading" heading={t('exchange.historyHeading')} className="otk-section">
      <table className="otk-table">
        <thead>
          <tr>
            <th scope="col">{t('exchange.when')}</th>
            <th scope="col">{t('exchange.direction')}</th>
            <th scope="col">{t('exchange.peer')}</th>
            <th scope="col">{t('exchange.scope')}</th>
            <th scope="col">{t('exchange.type.consultation')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((row) => (
            <tr key={`${row.id}-${row.direction}`}>
              <td>{formatDateTime(row.at, language)}</td>
              <td>{t(`exchange.directionLabel.${row.direction}`)}</td>
              <td>{row.peerName ?? row.peer}</td>
              <td>{t(`exchange.scopeLabel.${row.scope}`)}</td>
              <td>{row.counts.consultation ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/**
 * Exchange with other installations by explicit, encrypted files: this installation's identity,
 * writing a bundle, reading one (preview first), conflicts to resolve and what was sent and received.
 */
export function ExchangeScreen() {
  const { t } = useTranslation();
  const notice = useUiStore((s) => s.notice);
  const conflicts = useOpenConflicts();
  return (
    <ScreenPanel headingId="exchange-heading" heading={t('exchange.heading')} intro={t('exchange.intro')} className="otk-panel">
      <div role="status" className="otk-live">
        {notice && <Paragraph className="otk-notice">{notice.text}</Paragraph>}
      </div>
      <Identity />
      <ExportPanel />
      <ImportPanel />
      {conflicts && <ConflictList conflicts={conflicts} headingId="exchange-conflicts" title={t('exchange.conflictsHeading', { count: conflicts.length })} />}
      <History />
    </ScreenPanel>
  );
}
