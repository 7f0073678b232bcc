import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { Paragraph } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { hrefFor, navigate } from '../../services/router';
import { useUiStore } from '../../state/uiStore';
import { useConsultation } from '../../queries/useConsultations';
import { updateConsultation } from '../../commands/consultations';
import { IntakeForm } from '../intake/IntakeForm';
import { intakeOf } from '../intake/initial-values';
import { NotFound } from '../../components/NotFound';
import { ScreenPanel } from '../../components/ScreenPanel';

/** Edits a case with the same form and validation as intake. */
export function EditCaseScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const record = useConsultation(id);
  if (record === undefined) return <Paragraph>{t('app.loading')}</Paragraph>;
  if (record === null) return <NotFound message={t('case.notFound')} />;
  return <EditForm opened={record} />;
}

/**
 * The form keeps the case as it was when opened: a change saved elsewhere meanwhile does not wipe
 * what the user is typing; saving then reports the conflict (the command checks the revision).
 */
function EditForm({ opened }: { opened: ConsultationRecord }) {
  const { t } = useTranslation();
  const { commands } = useServices();
  const flash = useUiStore((s) => s.flash);
  const [record] = useState(opened);
  const id = record.id;
  return (
    <ScreenPanel headingId="intake-heading" heading={t('case.editHeading', { code: record.caseCode })} className="otk-panel">
      <IntakeForm
        initial={intakeOf(record)}
        editing={{ id: record.id, rev: record.rev }}
        save={(intake) => updateConsultation(commands, id, intake, record.rev)}
        onSaved={() => {
          flash(t('case.saved'), hrefFor({ view: 'case', id }));
          navigate({ view: 'case', id });
        }}
        onCancel={() => navigate({ view: 'case', id })}
      />
    </ScreenPanel>
  );
}
