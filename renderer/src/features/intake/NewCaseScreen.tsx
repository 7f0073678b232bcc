import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/services';
import { hrefFor, navigate } from '../../services/router';
import { useUiStore } from '../../state/uiStore';
import { createConsultation } from '../../commands/consultations';
import { IntakeForm } from './IntakeForm';
import { blankIntake } from './initial-values';
import { ScreenPanel } from '../../components/ScreenPanel';

/** A new consultation request. */
export function NewCaseScreen() {
  const { t } = useTranslation();
  const { commands } = useServices();
  const flash = useUiStore((s) => s.flash);
  const initial = useMemo(() => blankIntake(commands.now()), [commands]);
  return (
    <ScreenPanel headingId="intake-heading" heading={t('intake.heading')} intro={t('intake.intro')} introMargin="m" className="otk-panel">
      <IntakeForm
        initial={initial}
        save={(intake) => createConsultation(commands, intake)}
        onSaved={(record) => {
          const target = { view: 'case', id: record.id } as const;
          flash(t('intake.saved', { code: record.caseCode }), hrefFor(target));
          navigate(target);
        }}
        onCancel={() => window.history.back()}
      />
    </ScreenPanel>
  );
}
