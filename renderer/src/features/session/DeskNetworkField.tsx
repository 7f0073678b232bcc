import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import type { NetworkRecord } from '../../queries/records';
import { useUiStore } from '../../state/uiStore';

/** What the set-up screen needs of a network to offer it. */
export type DeskNetwork = Pick<NetworkRecord, 'id' | 'area' | 'name'>;

/** The expert's one network, from the installation's registry, by area and then by name. */
export function DeskNetworkField({
  networks,
  value,
  onChange,
  status,
}: {
  networks: readonly DeskNetwork[];
  value: string;
  onChange: (networkId: string) => void;
  status: { status?: 'error'; statusText?: string };
}) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const collator = new Intl.Collator(language);
  const sorted = networks.toSorted((a, b) => a.area.localeCompare(b.area) || collator.compare(a.name[language], b.name[language]));
  return (
    <Dropdown
      id="setup-network"
      labelText={t('setupDesk.network.label')}
      hintText={t('setupDesk.network.hint')}
      visualPlaceholder={t('intake.choose')}
      value={value || null}
      onChange={onChange}
      fullWidth
      {...status}
    >
      {sorted.map((network) => (
        <DropdownItem key={network.id} value={network.id}>
          {network.name[language]}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}
