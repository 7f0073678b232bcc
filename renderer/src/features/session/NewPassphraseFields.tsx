import { useTranslation } from 'react-i18next';
import { TextInput } from 'suomifi-ui-components';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useMessage } from '../../forms/message';
import { PassphraseMeter } from './PassphraseMeter';
import { fieldStatus } from './useGateForm';
import { MIN_PROFILE_PASSPHRASE } from '../../../../shared/protection/passphrase';

/** A new profile passphrase typed twice, with the rule in words and the strength meter. */
export function NewPassphraseFields({
  idPrefix,
  passphrase,
  confirm,
  onChange,
  errors,
}: {
  idPrefix: string;
  passphrase: string;
  confirm: string;
  onChange: (next: { passphrase: string; confirm: string }) => void;
  errors: FieldErrors<FieldValues> | null;
}) {
  const { t } = useTranslation();
  const translate = useMessage();
  const status = (key: string) => fieldStatus(errors, key, translate);
  return (
    <>
      <TextInput
        id={`${idPrefix}-passphrase`}
        type="password"
        autoComplete="new-password"
        labelText={t('session.passphrase')}
        hintText={t('session.passphraseRule', { min: MIN_PROFILE_PASSPHRASE })}
        value={passphrase}
        onChange={(value) => onChange({ passphrase: String(value ?? ''), confirm })}
        aria-describedby={`${idPrefix}-meter`}
        fullWidth
        {...status('passphrase')}
      />
      <PassphraseMeter passphrase={passphrase} id={`${idPrefix}-meter`} />
      <TextInput
        id={`${idPrefix}-confirm`}
        type="password"
        autoComplete="new-password"
        labelText={t('session.confirm')}
        value={confirm}
        onChange={(value) => onChange({ passphrase, confirm: String(value ?? '') })}
        fullWidth
        {...status('confirm')}
      />
    </>
  );
}
