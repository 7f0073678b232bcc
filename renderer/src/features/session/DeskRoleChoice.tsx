import { useTranslation } from 'react-i18next';
import { RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import type { Role } from '../../../../shared/protection/roles';

/** The desks an installation can be set up as, in the order the set-up screen offers them. */
export const DESK_ROLES = ['coordinator', 'requester', 'expert'] as const satisfies readonly Role[];

/** "Who will use this installation?": one radio button per desk, each with a plain sentence. */
export function DeskRoleChoice({ value, onChange, status }: { value: Role; onChange: (role: Role) => void; status: { status?: 'error'; statusText?: string } }) {
  const { t } = useTranslation();
  return (
    <RadioButtonGroup
      id="setup-role"
      name="setup-role"
      labelText={t('setupDesk.role.label')}
      groupHintText={t('setupDesk.role.hint')}
      value={value}
      onChange={(next) => onChange(next as Role)}
      groupStatus={status.status}
      groupStatusText={status.statusText}
    >
      {DESK_ROLES.map((role) => (
        <RadioButton key={role} id={`setup-role-${role}`} value={role} hintText={t(`setupDesk.role.${role}Hint`)}>
          {t(`setupDesk.role.${role}`)}
        </RadioButton>
      ))}
    </RadioButtonGroup>
  );
}
