import { useTranslation } from 'react-i18next';
import { Button, InlineAlert } from 'suomifi-ui-components';
import type { GuardIssue } from '../../../../shared/privacy/identifier-guard';
import { encodeMessage } from '../../../../shared/domain/messages';
import { useMessage } from '../../forms/message';

interface Props {
  issues: GuardIssue[];
  /** The user tried to save with these warnings: ask them to confirm. */
  confirming: boolean;
  onConfirm: () => void;
  labelOf: (path: string) => string;
  fieldIdOf: (path: string) => string;
}

/**
 * What the identifier guard found that may identify the child or family (phone numbers, e-mail
 * addresses, birth dates, street addresses, or an identity code in a consented case). Shown as the
 * user types; saving with findings left in asks for a deliberate confirmation.
 */
export function GuardWarnings({ issues, confirming, onConfirm, labelOf, fieldIdOf }: Props) {
  const { t } = useTranslation();
  const translate = useMessage();
  if (issues.length === 0) return null;
  return (
    <div id="guard-warnings" tabIndex={-1} className="otk-guard" aria-live="polite">
      <InlineAlert status="warning" labelText={t('guard.heading')}>
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}-${issue.start}`}>
              <a href={`#${fieldIdOf(issue.path)}`} onClick={(event) => {
                event.preventDefault();
                document.getElementById(fieldIdOf(issue.path))?.focus();
              }}>
                {labelOf(issue.path)}
              </a>
              : {translate(encodeMessage(issue.messageKey, issue.params))}
            </li>
          ))}
        </ul>
        {confirming && (
          <>
            <p>{t('guard.confirmText')}</p>
            <Button variant="secondary" onClick={onConfirm}>
              {t('guard.confirm')}
            </Button>
          </>
        )}
      </InlineAlert>
    </div>
  );
}
