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
import { LiveRegions } from '../../forms/LiveRegions';
import { RegistryRowActions, RegistryTable, useRegistry } from '../../components/Registry';
import { useCommand } from '../../forms/useCommand';

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
  const { editing, setEditing, notice, setNotice } = useRegistry<NetworkInput, NetworkRecord>();
  const { run, busy, error } = useCommand('network.failed');
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
      <LiveRegions notice={notice} error={error} />
      {!networks ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : (
        <RegistryTable
          labelledBy="networks-heading"
          columns={[t('network.name'), t('network.area'), t('network.themes'), t('network.languages'), t('network.state')]}
          actionsLabel={t('network.actions')}
        >
          {networks.map((network) => {
            const active = isNetworkActiveOn(network, today);
            const name = network.name[language];
            return (
              <tr key={network.id}>
                <td>
                  {name}
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
                <RegistryRowActions
                  busy={busy}
                  edit={{ text: t('case.edit'), label: t('network.editNamed', { name }), onEdit: () => setEditing({ mode: 'edit', record: network }) }}
                  deactivate={
                    active
                      ? {
                          text: t('network.deactivate'),
                          label: t('network.deactivateNamed', { name }),
                          confirm: t('network.confirmDeactivate', { name }),
                          run: () =>
                            void run(async () => {
                              await deactivateNetwork(commands, network.id);
                              setNotice(t('network.deactivated', { name }));
                            }),
                        }
                      : undefined
                  }
                />
              </tr>
            );
          })}
        </RegistryTable>
      )}
    </ScreenPanel>
  );
}
