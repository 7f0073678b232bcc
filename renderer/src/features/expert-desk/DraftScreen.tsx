import { useTranslation } from 'react-i18next';
import { ScreenPanel } from '../../components/ScreenPanel';
import { Block, Heading, Paragraph } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { navigate } from '../../services/router';
import { useUiStore } from '../../state/uiStore';
import { useConsultation } from '../../queries/useConsultations';
import { saveRecommendationDraft } from '../../commands/desk/recommendation-drafts';
import { LiveRegions } from '../../forms/LiveRegions';
import { RecommendationForm, toRecommendationValues } from '../lifecycle/RecommendationForm';
import { CaseSummary } from './CaseSummary';
import { DraftStateText } from './DraftStateText';
import { deskDraftState, waitsForFile } from './draft-state';
import { useDeskDraft } from '../../queries/expert-desk';
import { SimilarCases } from '../knowledge/SimilarCases';
import { Section } from '../../components/Section';

/**
 * The expert desk's recommendation draft of one case (issue 11): the case's question and subject,
 * and the structured recommendation — the same form as the coordinator's 'consult' step. "Save
 * draft" keeps what is written, unfinished parts too; "Mark ready" checks everything and puts the
 * draft in the next file for the coordinator (under "Files").
 */
export function DraftScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { commands } = useServices();
  const flash = useUiStore((s) => s.flash);
  const record = useConsultation(id);
  const held = useDeskDraft(id);
  const caseHref = `#/case/${encodeURIComponent(id)}`;

  if (commands.profile.role !== 'expert') {
    return (
      <Block variant="section" className="otk-panel">
        <Heading variant="h2">{t('expertDesk.draft.expertOnlyHeading')}</Heading>
        <Paragraph>{t('expertDesk.draft.expertOnly')}</Paragraph>
        <a href={caseHref}>{t('expertDesk.draft.openCase')}</a>
      </Block>
    );
  }
  if (record === undefined || held === undefined) return <Paragraph>{t('app.loading')}</Paragraph>;
  if (record === null) {
    return (
      <Block variant="section" className="otk-panel">
        <Heading variant="h2">{t('case.notFound')}</Heading>
        <a href="#/">{t('expertDesk.draft.backToDesk')}</a>
      </Block>
    );
  }

  const recommendationSent = Boolean(record.recommendation?.sentAt);
  const status = { draft: held.draft ? { state: held.draft.state, updatedAt: held.draft.updatedAt } : null, sentAt: held.sentAt, recommendationSent };
  const state = deskDraftState(status);
  const here = window.location.hash;

  return (
    <ScreenPanel
      headingId="draft-heading"
      heading={t('expertDesk.draft.heading', { code: record.caseCode })}
      className="otk-panel"
      actions={
        <div className="otk-row-actions">
          <a className="otk-button-link" href="#/">
            {t('expertDesk.draft.backToDesk')}
          </a>
          <a className="otk-button-link" href={caseHref}>
            {t('expertDesk.draft.openCase')}
          </a>
        </div>
      }
    >
      <LiveRegions />
      <CaseSummary record={record} />
      <SimilarCases record={record} />
      <Section headingId="draft-form-heading" heading={t('expertDesk.draft.formHeading')} className="otk-section">
        <Paragraph data-testid="draft-state">
          {t('expertDesk.draft.stateLabel')} <DraftStateText item={status} />
        </Paragraph>
        {waitsForFile(state) && (
          <Paragraph className="otk-notice" data-testid="draft-ready-note">
            {t('expertDesk.draft.readyNote')} <a href="#/files">{t('expertDesk.draft.toFiles')}</a>
          </Paragraph>
        )}
        {recommendationSent ? (
          <Paragraph>{t('expertDesk.draft.locked')}</Paragraph>
        ) : (
          <>
            <Paragraph className="otk-muted">{t('expertDesk.draft.formIntro')}</Paragraph>
            <RecommendationForm
              initial={toRecommendationValues(held.draft?.recommendation ?? null, record.requester.language || 'fi', '')}
              headingId="draft-form-heading"
              submitLabel={t('expertDesk.draft.markReady')}
              saveDraft={{
                label: t('expertDesk.draft.save'),
                onSave: async (draft) => {
                  await saveRecommendationDraft(commands, id, draft, 'draft');
                  flash(t('expertDesk.draft.saved', { code: record.caseCode }), here);
                },
              }}
              onSave={async (draft) => {
                await saveRecommendationDraft(commands, id, draft, 'ready');
                flash(t('expertDesk.draft.markedReady', { code: record.caseCode }), here);
              }}
              onCancel={() => navigate({ view: 'home' })}
            />
          </>
        )}
      </Section>
    </ScreenPanel>
  );
}
