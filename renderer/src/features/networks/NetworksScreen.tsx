import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { Network, NetworkInput } from '../../../../shared/domain/network';
import { findArea } from '../../../../shared/reference/regions';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { uuidv7 } from '../../../../shared/ids';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { deactivateNetwork, isNetworkActiveOn, saveNetwork } from '../../commands/networks';
import type { NetworkRecord } from '../../queries/records';
import { formatIsoDate } from '../../format/dates';
import { NetworkForm } from './NetworkForm';
import { ScreenPanel } from '../../components/ScreenPanel';

type Editing = { mode: 'new'; initial: NetworkInput } | { mode: 'edit'; record: NetworkRecord } | null;

function blankNetwork(now: Date): NetworkInput {
  return {
    id: uuidv7(now.getTime()),
    name: { fi: '', sv: '', en: '' },
    themes: [],
    ageBands: [],
    languages: ['fi'],
    nationalThemes: [],
    contact: { person: '', channel: '' },
    meetingRhythm: [],
    targetResponseDays: 7,
    activeFrom: helsinkiDate(now),
    activeTo: null,
    outOfOffice: [],
    example: false,
  } as unknown as NetworkInput;
}

/** The expert network registry: list, add, edit, deactivate (never delete). */
export function NetworksScreen() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const networks = useNetworks();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const today = helsinkiDate(commands.now());

  const save = async (network: Network, rev?: number) => {
    await saveNetwork(commands, network, rev);
    setEditing(null);
    setNotice(t('network.saved', { name: network.name[language] }));
  };

  if (editing) {
    return (
      <ScreenPanel
        headingId="network-form-heading"
        heading={editing.mode === 'new' ? t('network.newHeading') : t('network.editHeading', { name: editing.record.name[language] })}
        className="otk-panel"
      >
        <NetworkForm
          initial={editing.mode === 'new' ? editing.initial : editing.record}
          onSave={(network) => save(network, editing.mode === 'edit' ? editing.record.rev : undefined)}
          onCancel={() => setEditing(null)}
        />
      </ScreenPanel>
    );
  }

  return (
    <ScreenPanel
      headingId="networks-heading"
      heading={t('network.heading')}
      intro={t('network.intro')}
      className="otk-panel"
      actions={<Button onClick={() => setEditing({ mode: 'new', initial: blankNetwork(commands.now()) })}>{t('network.add')}</Button>}
    >
      <div role="status" className="otk-live">
        {notice && <Paragraph className="otk-notice">{notice}</Paragraph>}
      </div>
      {!networks ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : (
        <table className="otk-table otk-table-plain" aria-labelledby="networks-heading">
          <thead>
            <tr>
              <th scope="col">{t('network.name')}</th>
              <th scope="col">{t('network.area')}</th>
              <th scope="col">{t('network.themes')}</th>
              <th scope="col">{t('network.languages')}</th>
              <th scope="col">{t('network.state')}</th>
              <th scope="col">
                <span className="otk-visually-hidden">{t('network.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {networks.map((network) => {
              const active = isNetworkActiveOn(network, today);
              return (
                <tr key={network.id}>
                  <td>
                    {network.name[language]}
                    {network.example && <span className="otk-badge">{t('network.example')}</span>}
                  </td>
                  <td>{findArea(network.area)[language]}</td>
                  <td>{t('network.themeCount', { count: network.themes.length })}</td>
                  <td>{network.languages.map((code) => t(`serviceLanguage.${code}`)).join(', ')}</td>
                  <td>
                    {active
                      ? t('network.active')
                      : network.activeTo && network.activeTo < today
                        ? t('network.deactivatedOn', { date: formatIsoDate(network.activeTo, language) })
                        : t('network.startsOn', { date: formatIsoDate(network.activeFrom, language) })}
                  </td>
                  <td className="otk-actions-cell">
                    <Button variant="secondaryNoBorder" onClick={() => setEditing({ mode: 'edit', record: network })} aria-label={t('network.editNamed', { name: network.name[language] })}>
                      {t('case.edit')}
                    </Button>
                    {active && (
                      <Button
                        variant="secondaryNoBorder"
                        aria-label={t('network.deactivateNamed', { name: network.name[language] })}
                        onClick={() => {
                          if (window.confirm(t('network.confirmDeactivate', { name: network.name[language] }))) {
                            deactivateNetwork(commands, network.id).then(
                              () => setNotice(t('network.deactivated', { name: network.name[language] })),
                              (error: unknown) => {
                                console.error('deactivating a network failed', error);
                                setNotice(t('network.failed'));
                              },
                            );
                          }
                        }}
                      >
                        {t('network.deactivate')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </ScreenPanel>
  );
}
