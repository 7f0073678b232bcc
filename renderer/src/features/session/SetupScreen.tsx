import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput } from 'suomifi-ui-components';
import { FormErrorSummary } from '../../forms/ErrorList';
import { useUiStore } from '../../state/uiStore';
import { GateShell } from './GateShell';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useGateForm } from './useGateForm';

/**
 * First start: the first coordinator profile. Says plainly that a forgotten passphrase cannot be
 * recovered without the recovery key shown next.
 */
export function SetupScreen({ onSetUp }: { onSetUp: (input: { name: string; passphrase: string; confirm: string }) => Promise<void> }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const { busy, errors, summary, run, status } = useGateForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => onSetUp({ name, ...secret }));
  }

  return (
    <GateShell title={t('session.setup.title')}>
      <Paragraph>{t('session.setup.intro')}</Paragraph>
      <Paragraph className="otk-warning">{t('session.setup.noRecovery')}</Paragraph>
      <form onSubmit={(event) => void submit(event)} noValidate className="otk-grid otk-narrow" lang={language}>
        {errors && (
          <FormErrorSummary
            ref={summary}
            errors={errors}
            fields={[
              { name: 'name', label: t('session.name'), inputId: 'setup-name' },
              { name: 'passphrase', label: t('session.passphrase'), inputId: 'setup-passphrase' },
              { name: 'confirm', label: t('session.confirm'), inputId: 'setup-confirm' },
            ]}
          />
        )}
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
        <NewPassphraseFields idPrefix="setup" {...secret} onChange={setSecret} errors={errors} />
        <Button type="submit" disabled={busy}>
          {busy ? t('session.setup.working') : t('session.setup.submit')}
        </Button>
      </form>
    </GateShell>
  );
}
