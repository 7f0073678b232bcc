import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '../../../../shared/protection/passphrase';
import { useMessage } from '../../forms/message';

const LEVELS = ['refused', 'weak', 'fair', 'good', 'strong'] as const;

/**
 * The strength meter beside a new passphrase: a bar and its level in words (never colour alone),
 * and what would make it stronger. Announced politely as the user types.
 */
export function PassphraseMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const { t } = useTranslation();
  const translate = useMessage();
  if (passphrase === '') return <div id={id} className="otk-meter" aria-live="polite" />;
  const strength = passphraseStrength(passphrase);
  const level = LEVELS[strength.score];
  return (
    <div id={id} className="otk-meter" aria-live="polite">
      <div className="otk-meter-bar" aria-hidden="true">
        <span className={`otk-meter-fill otk-meter-${level}`} style={{ width: `${(strength.score / 4) * 100}%` }} />
      </div>
      <p className="otk-meter-text">{t('session.strength.label', { level: t(`session.strength.${level}`) })}</p>
      {strength.reasons.length > 0 && (
        <ul className="otk-meter-reasons">
          {strength.reasons.map((reason) => (
            <li key={reason}>{translate(reason)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
