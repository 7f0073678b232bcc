import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput } from 'suomifi-ui-components';
import { FormErrorSummary, type SummaryField } from '../../forms/ErrorList';
import { useUiStore } from '../../state/uiStore';
import type { DeskChoice } from '../../commands/desk-binding';
import type { Role } from '../../../../shared/protection/roles';
import { GateShell } from './GateShell';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useGateForm } from './useGateForm';
import { DeskRoleChoice } from './DeskRoleChoice';
import { DeskRequesterFields, emptyDeskRequester, type DeskRequester } from './DeskRequesterFields';
import { DeskNetworkField, type DeskNetwork } from './DeskNetworkField';

/** What the set-up form hands over: the profile's name and passphrase, and who uses the desk. */
export type SetupInput = { name: string; installationName: string; passphrase: string; confirm: string } & DeskChoice;

const REQUESTER_FIELDS = ['name', 'title', 'organisation', 'sector', 'region', 'phone', 'email'] as const;

/** What the error summary's link focuses: a Suomi.fi Dropdown's id names its wrapper, its button is `<id>_button`. */
const focusId = (id: string, dropdown: boolean) => (dropdown ? `${id}_button` : id);

/**
 * First start: the installation's first profile — the coordinator of an OT-keskus (the default),
 * a requesting professional with their contact, or an expert network member with their network.
 * Says plainly that a forgotten passphrase cannot be recovered without the recovery key shown next.
 */
export function SetupScreen({ networks, onSetUp, onRestore }: { networks: readonly DeskNetwork[]; onSetUp: (input: SetupInput) => Promise<void>; onRestore?: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [role, setRole] = useState<Role>('coordinator');
  const [name, setName] = useState('');
  const [installationName, setInstallationName] = useState('');
  const [requester, setRequester] = useState<DeskRequester>(() => emptyDeskRequester(language));
  const [networkId, setNetworkId] = useState('');
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const { busy, errors, summary, run, status } = useGateForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const desk: DeskChoice = role === 'requester' ? { role, requester } : role === 'expert' ? { role, networkId } : { role };
    await run(() => onSetUp({ name, installationName, ...secret, ...desk }));
  }

  const requesterLabels: Record<(typeof REQUESTER_FIELDS)[number], string> = {
    name: t('intake.requesterName'),
    title: t('intake.requesterTitle'),
    organisation: t('intake.organisation'),
    sector: t('intake.sector'),
    region: t('intake.region'),
    phone: t('intake.phone'),
    email: t('intake.email'),
  };
  const fields: SummaryField[] = [
    { name: 'role', label: t('setupDesk.role.label'), inputId: 'setup-role-coordinator' },
    { name: 'name', label: t('session.name'), inputId: 'setup-name' },
    { name: 'installationName', label: t('setupDesk.installation.label'), inputId: 'setup-installation' },
    ...(role === 'requester'
      ? [
          ...REQUESTER_FIELDS.map((field) => ({ name: `requester.${field}`, label: requesterLabels[field], inputId: focusId(`setup-requester-${field}`, field === 'sector' || field === 'region') })),
          { name: 'requester.language', label: t('intake.requesterLanguage'), inputId: `setup-requester-language-${requester.language}` },
        ]
      : []),
    ...(role === 'expert' ? [{ name: 'networkId', label: t('setupDesk.network.label'), inputId: focusId('setup-network', true) }] : []),
    { name: 'passphrase', label: t('session.passphrase'), inputId: 'setup-passphrase' },
    { name: 'confirm', label: t('session.confirm'), inputId: 'setup-confirm' },
  ];

  return (
    <GateShell title={t('session.setup.title')}>
      <Paragraph>{t('session.setup.intro')}</Paragraph>
      <Paragraph className="otk-warning">{t('session.setup.noRecovery')}</Paragraph>
      {onRestore && (
        <div className="otk-restore-offer">
          <Paragraph>{t('restore.offer')}</Paragraph>
          <Button variant="secondary" id="setup-restore" onClick={onRestore}>
            {t('restore.start')}
          </Button>
        </div>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate className="otk-grid otk-narrow" lang={language}>
        {errors && <FormErrorSummary ref={summary} errors={errors} fields={fields} />}
        <DeskRoleChoice value={role} onChange={setRole} status={status('role')} />
        <TextInput
          id="setup-name"
          labelText={t('session.name')}
          hintText={t('session.nameHint')}
          autoComplete="name"
          value={name}
          onChange={(value) => setName(String(value ?? ''))}
          fullWidth
          {...status('name')}
        />
        <TextInput
          id="setup-installation"
          labelText={t('setupDesk.installation.label')}
          hintText={t(`setupDesk.installation.hint.${role}`)}
          value={installationName}
          onChange={(value) => setInstallationName(String(value ?? ''))}
          fullWidth
          {...status('installationName')}
        />
        {role === 'requester' && <DeskRequesterFields value={requester} onChange={setRequester} status={status} />}
        {role === 'expert' && <DeskNetworkField networks={networks} value={networkId} onChange={setNetworkId} status={status('networkId')} />}
        <NewPassphraseFields idPrefix="setup" {...secret} onChange={setSecret} errors={errors} />
        <Button type="submit" disabled={busy}>
          {busy ? t('session.setup.working') : t('session.setup.submit')}
        </Button>
      </form>
    </GateShell>
  );
}
