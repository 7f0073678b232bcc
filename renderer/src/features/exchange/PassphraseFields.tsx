import { useTranslation } from 'react-i18next';
import { TextInput } from 'suomifi-ui-components';
import { MIN_BUNDLE_PASSPHRASE } from '../../../../shared/sync/passphrase';
import { useMessage } from '../../forms/message';

/** Passphrase (and, for export, its confirmation) with the rule in words and errors beside the fields. */
export function PassphraseFields({
  idPrefix,
  value,
  confirm,
  onChange,
  errors,
  withConfirm,
}: {
  idPrefix: string;
  value: string;
  confirm?: string;
  onChange: (next: { passphrase: string; confirm: string }) => void;
  errors: Record<string, string | undefined>;
  withConfirm: boolean;
}) {
  const { t } = useTranslation();
  const translate = useMessage();
  const status = (key: string) => (errors[key] ? { status: 'error' as const, statusText: translate(errors[key]!) } : {});
  return (
    <div className="otk-grid">
      <TextInput
        id={`${idPrefix}-passphrase`}
        type="password"
        autoComplete="new-password"
        labelText={t('exchange.passphrase')}
        hintText={withConfirm ? t('exchange.passphraseHint', { min: MIN_BUNDLE_PASSPHRASE }) : t('exchange.passphraseImportHint')}
        value={value}
        onChange={(next) => onChange({ passphrase: String(next ?? ''), confirm: confirm ?? '' })}
        fullWidth
        {...status('passphrase')}
      />
      {withConfirm && (
        <TextInput
          id={`${idPrefix}-confirm`}
          type="password"
          autoComplete="new-password"
          labelText={t('exchange.passphraseConfirm')}
          value={confirm ?? ''}
          onChange={(next) => onChange({ passphrase: value, confirm: String(next ?? '') })}
          fullWidth
          {...status('confirm')}
        />
      )}
    </div>
  );
}
