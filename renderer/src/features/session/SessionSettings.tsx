import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveRegions } from '../../forms/LiveRegions';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Dropdown, DropdownItem, Heading, Paragraph, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { useNetworks } from '../../queries/useNetworks';
import { useRecentRequesters } from '../../queries/useConsultations';
import { requesterKey } from '../../../../shared/domain/requester-key';
import { addProfile, type NewProfileInput } from '../../commands/session';
import { listProfiles } from '../../queries/session';
import { saveIdleMinutes } from '../../commands/session-settings';
import { readIdleMinutes } from '../../queries/session';
import { FormErrorSummary } from '../../forms/ErrorList';
import { LANGUAGES } from '../../i18n';
import { useUiStore } from '../../state/uiStore';
import type { BridgeResult } from '../../../../shared/bridge/contract';
import type { Role } from '../../../../shared/protection/roles';
import { NewPassphraseFields } from './NewPassphraseFields';
import { fieldErrorsOf, protectionMessage } from './issues';
import { useGateForm } from './useGateForm';
import { profileLabel } from '../../format/profile-label';
import { ScreenPanel } from '../../components/ScreenPanel';

/** Settings of the lock and the profiles: idle time, the OS key store, the profiles and adding one. */
export function SessionSettings() {
  const { t } = useTranslation();
  const { commands, bridge } = useServices();
  const [keyStore, setKeyStore] = useState<BridgeResult<'appInfo'>['keyStore']>();
  const [minutes, setMinutes] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const profiles = useLiveQuery(() => listProfiles(commands.db), [commands.db]);

  useEffect(() => {
    void readIdleMinutes(commands.db).then((value) => setMinutes(String(value)));
    bridge.appInfo({}).then((info) => setKeyStore(info.keyStore), () => setKeyStore(undefined));
  }, [commands.db, bridge]);

  async function saveMinutes(event: FormEvent) {
    event.preventDefault();
    try {
      await saveIdleMinutes(commands, Number(minutes));
      setMessage({ error: false, text: t('session.settings.idleSaved', { minutes }) });
    } catch (error) {
      setMessage({ error: true, text: fieldErrorsOf(error) ? t('session.settings.idleInvalid') : (protectionMessage(error, t) ?? t('session.settings.failed')) });
    }
  }

  return (
    <ScreenPanel headingId="session-settings-heading" heading={t('session.settings.heading')} className="otk-panel">
      {keyStore && <Paragraph className={keyStore === 'os' ? undefined : 'otk-warning'}>{t(`session.settings.keyStore.${keyStore}`)}</Paragraph>}
      <form onSubmit={(event) => void saveMinutes(event)} noValidate className="otk-grid otk-narrow">
        <TextInput
          id="idle-minutes"
          type="number"
          labelText={t('session.settings.idle')}
          hintText={t('session.settings.idleHint')}
          value={minutes}
          onChange={(value) => setMinutes(String(value ?? ''))}
        />
        <Button type="submit">{t('session.settings.saveIdle')}</Button>
      </form>
      <div role={message?.error ? 'alert' : 'status'} className="otk-live">
        {message && <Paragraph className={message.error ? 'otk-error' : 'otk-notice'}>{message.text}</Paragraph>}
      </div>
      <Heading variant="h3">{t('session.settings.profiles')}</Heading>
      <ul>
        {(profiles ?? []).map((profile) => (
          <li key={profile.id}>{profileLabel(t, profile)}</li>
        ))}
      </ul>
      <AddProfileForm />
    </ScreenPanel>
  );
}

function AddProfileForm() {
  const { t } = useTranslation();
  const { commands } = useServices();
  const uiLanguage = useUiStore((s) => s.language);
  const networks = useNetworks();
  const requesters = useRecentRequesters();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('expert');
  const [networkId, setNetworkId] = useState('');
  const [requester, setRequester] = useState('');
  const [language, setLanguage] = useState(uiLanguage);
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const [current, setCurrent] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, error, summary, run, status } = useGateForm('session.settings.failed');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const chosen = requesters?.find((r) => r.key === requester);
    const binding =
      role === 'expert' ? { role, networkId } : role === 'requester' ? { role, requesterKey: chosen ? requesterKey(chosen) : '' } : { role: 'coordinator' as const };
    let added = '';
    const done = await run(async () => {
      added = (await addProfile(commands, { name, language, ...secret, currentPassphrase: current, ...binding } as NewProfileInput)).name;
    });
    if (!done) return;
    setName('');
    setSecret({ passphrase: '', confirm: '' });
    setCurrent('');
    setNotice(t('session.settings.added', { name: added }));
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="otk-grid otk-narrow" aria-labelledby="add-profile-heading">
      <Heading variant="h3" id="add-profile-heading">
        {t('session.settings.add')}
      </Heading>
      <Paragraph>{t('session.settings.addIntro')}</Paragraph>
      {errors && (
        <FormErrorSummary
          ref={summary}
          errors={errors}
          fields={[
            { name: 'name', label: t('session.name'), inputId: 'profile-name' },
            { name: 'networkId', label: t('session.settings.network'), inputId: 'profile-network' },
            { name: 'requesterKey', label: t('session.settings.requester'), inputId: 'profile-requester' },
            { name: 'passphrase', label: t('session.passphrase'), inputId: 'profile-passphrase' },
            { name: 'confirm', label: t('session.confirm'), inputId: 'profile-confirm' },
            { name: 'currentPassphrase', label: t('session.settings.current'), inputId: 'profile-current' },
          ]}
        />
      )}
      <TextInput id="profile-name" labelText={t('session.name')} value={name} onChange={(value) => setName(String(value ?? ''))} fullWidth {...status('name')} />
      <RadioButtonGroup labelText={t('session.settings.role')} name="profile-role" value={role} onChange={(value) => setRole(value as Role)}>
        {(['coordinator', 'expert', 'requester'] as const).map((code) => (
          <RadioButton key={code} value={code}>
            {t(`session.role.${code}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      {role === 'expert' && (networks?.length ?? 0) === 0 && <Paragraph className="otk-error">{t('session.settings.noNetworks')}</Paragraph>}
      {role === 'expert' && (networks?.length ?? 0) > 0 && (
        <Dropdown id="profile-network" labelText={t('session.settings.network')} visualPlaceholder={t('intake.choose')} value={networkId || null} onChange={setNetworkId} fullWidth {...status('networkId')}>
          {(networks ?? []).map((network) => (
            <DropdownItem key={network.id} value={network.id}>
              {network.name[uiLanguage]}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      {role === 'requester' && (requesters?.length ?? 0) === 0 && <Paragraph className="otk-error">{t('session.settings.noRequesters')}</Paragraph>}
      {role === 'requester' && (requesters?.length ?? 0) > 0 && (
        <Dropdown id="profile-requester" labelText={t('session.settings.requester')} visualPlaceholder={t('intake.choose')} value={requester || null} onChange={setRequester} fullWidth {...status('requesterKey')}>
          {(requesters ?? []).map((r) => (
            <DropdownItem key={r.key} value={r.key}>
              {`${r.name}, ${r.organisation}`}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <RadioButtonGroup labelText={t('session.settings.language')} name="profile-language" value={language} onChange={(value) => setLanguage(value as typeof language)}>
        {LANGUAGES.map((code) => (
          <RadioButton key={code} value={code}>
            {t(`language.${code}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <NewPassphraseFields idPrefix="profile" {...secret} onChange={setSecret} errors={errors} />
      <TextInput
        id="profile-current"
        type="password"
        autoComplete="current-password"
        labelText={t('session.settings.current')}
        hintText={t('session.settings.currentHint')}
        value={current}
        onChange={(value) => setCurrent(String(value ?? ''))}
        fullWidth
        {...status('currentPassphrase')}
      />
      <Button type="submit">{t('session.settings.addSubmit')}</Button>
      <LiveRegions notice={notice} error={error} />
    </form>
  );
}
