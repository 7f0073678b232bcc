import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import type { ProfileRow } from '../../queries/records';
import { GateShell } from './GateShell';
import { NewPassphraseFields } from './NewPassphraseFields';
import { protectionMessage } from './issues';
import { useGateForm } from './useGateForm';
import { FormErrorSummary } from '../../forms/ErrorList';
import { profileLabel } from '../../format/profile-label';

export interface UnlockActions {
  unlock: (profileId: string, passphrase: string) => Promise<void>;
  recover: (profileId: string, input: { recoveryKey: string; passphrase: string; confirm: string }) => Promise<void>;
}

/**
 * The lock screen: choose a profile (when there are several), type its passphrase. A wrong one is
 * refused in words; after repeated failures the profile waits. A coordinator who forgot the
 * passphrase opens the profile with the recovery key and sets a new passphrase.
 */
export function UnlockScreen({ profiles, actions }: { profiles: ProfileRow[]; actions: UnlockActions }) {
  const { t } = useTranslation();
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const chosen = profiles.find((p) => p.id === profileId);

  useEffect(() => input.current?.focus(), [recovering]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await actions.unlock(profileId, passphrase);
    } catch (caught) {
      const message = protectionMessage(caught, t);
      if (!message) throw caught;
      setError(message);
      setPassphrase('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <GateShell title={t('session.unlock.title')}>
      <Paragraph>{t('session.unlock.intro')}</Paragraph>
      {profiles.length > 1 && (
        <RadioButtonGroup labelText={t('session.unlock.profile')} name="profile" value={profileId} onChange={(value) => setProfileId(value)}>
          {profiles.map((profile) => (
            <RadioButton key={profile.id} value={profile.id}>
              {profileLabel(t, profile)}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      )}
      {profiles.length === 1 && chosen && <Paragraph>{t('session.unlock.only', { name: chosen.name, role: t(`session.role.${chosen.role}`) })}</Paragraph>}
      {!recovering ? (
        <form onSubmit={(event) => void submit(event)} noValidate className="otk-grid otk-narrow">
          <TextInput
            id="unlock-passphrase"
            ref={input}
            type="password"
            autoComplete="current-password"
            labelText={t('session.passphrase')}
            value={passphrase}
            onChange={(value) => setPassphrase(String(value ?? ''))}
            fullWidth
            {...(error ? { status: 'error' as const } : {})}
          />
          <div role="alert" className="otk-live">
            {error && <Paragraph className="otk-error">{error}</Paragraph>}
          </div>
          <Button type="submit" disabled={busy}>
            {busy ? t('session.unlock.working') : t('session.unlock.submit')}
          </Button>
          {chosen?.envelope.recovery && (
            <Button variant="secondaryNoBorder" type="button" onClick={() => setRecovering(true)}>
              {t('session.unlock.forgot')}
            </Button>
          )}
        </form>
      ) : (
        <RecoveryForm profileId={profileId} actions={actions} onCancel={() => setRecovering(false)} />
      )}
    </GateShell>
  );
}

function RecoveryForm({ profileId, actions, onCancel }: { profileId: string; actions: UnlockActions; onCancel: () => void }) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const { busy, errors, error, summary, run } = useGateForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => actions.recover(profileId, { recoveryKey, ...secret }));
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="otk-grid otk-narrow">
      <Paragraph>{t('session.unlock.recoveryIntro')}</Paragraph>
      {errors && (
        <FormErrorSummary
          ref={summary}
          errors={errors}
          fields={[
            { name: 'passphrase', label: t('session.passphrase'), inputId: 'recover-passphrase' },
            { name: 'confirm', label: t('session.confirm'), inputId: 'recover-confirm' },
          ]}
        />
      )}
      <TextInput
        id="recover-key"
        labelText={t('session.unlock.recoveryKey')}
        hintText={t('session.unlock.recoveryKeyHint')}
        autoComplete="off"
        spellCheck={false}
        value={recoveryKey}
        onChange={(value) => setRecoveryKey(String(value ?? ''))}
        fullWidth
      />
      <NewPassphraseFields idPrefix="recover" {...secret} onChange={setSecret} errors={errors} />
      <div role="alert" className="otk-live">
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
      <Button type="submit" disabled={busy}>
        {t('session.unlock.recover')}
      </Button>
      <Button variant="secondary" type="button" onClick={onCancel}>
        {t('session.unlock.back')}
      </Button>
    </form>
  );
}
