import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput } from 'suomifi-ui-components';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { FormErrorSummary } from '../../forms/ErrorList';
import { useMessage } from '../../forms/message';
import { useUiStore } from '../../state/uiStore';
import { GateShell } from './GateShell';
import { NewPassphraseFields } from './NewPassphraseFields';
import { fieldErrorsOf } from './issues';

/**
 * First start: the first coordinator profile. Says plainly that a forgotten passphrase cannot be
 * recovered without the recovery key shown next.
 */
export function SetupScreen({ onSetUp }: { onSetUp: (input: { name: string; passphrase: string; confirm: string }) => Promise<void> }) {
  const { t } = useTranslation();
  const translate = useMessage();
  const language = useUiStore((s) => s.language);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors<FieldValues> | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLHeadingElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSetUp({ name, ...secret });
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (!fieldErrors) throw error;
      setErrors(fieldErrors);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const nameError = errors?.name?.message;
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
          {...(typeof nameError === 'string' ? { status: 'error' as const, statusText: translate(nameError) } : {})}
        />
        <NewPassphraseFields idPrefix="setup" {...secret} onChange={setSecret} errors={errors} />
        <Button type="submit" disabled={busy}>
          {busy ? t('session.setup.working') : t('session.setup.submit')}
        </Button>
      </form>
    </GateShell>
  );
}
