import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Paragraph } from 'suomifi-ui-components';
import { findArea } from '../../../../shared/reference/regions';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useConsultation } from '../../queries/useConsultations';
import { recordDisclosure } from '../../commands/recommendation';
import { useCommand } from '../../forms/useCommand';
import { useFileOutcome } from '../../forms/useFileOutcome';
import { LiveRegions } from '../../forms/LiveRegions';
import { formatIsoDate } from '../../format/dates';
import { NextStepList, RecommendationItems } from '../lifecycle/RecommendationLists';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { NotFound } from '../../components/NotFound';
import { PrintPage } from '../../print/PrintPage';

/**
 * The recommendation letter, in the language it was written in (the requester's, fi or sv), from a
 * template with no field that could identify the child: the case code, the question as the experts
 * understood it, their recommendations, next steps and the follow-up date. The page is its own
 * print view; "Print or save as PDF" goes through the bridge.
 */
export function LetterScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = useUiStore((s) => s.language);
  const { commands, bridge } = useServices();
  const record = useConsultation(id);
  const { run, busy, error } = useCommand('letter.printFailed');
  const reportFile = useFileOutcome();

  if (record === undefined) return <Paragraph>{t('app.loading')}</Paragraph>;
  const recommendation = record?.recommendation;
  if (!record || !recommendation) return <NotFound message={t('letter.none')} />;
  const lang = recommendation.language;
  const l = i18n.getFixedT(lang);
  const sentOrToday = recommendation.sentAt ?? commands.now().toISOString();

  const print = () =>
    void run(async () => {
      await recordDisclosure(commands, 'consultation.print', record.id, { document: 'letter', language: lang });
      const result = await bridge.printToPdf({ suggestedName: `${l('letter.file')}-${record.caseCode}.pdf` });
      reportFile(result, 'letter.saved');
    });

  return (
    <Block variant="section" className="otk-panel otk-printable">
      <div className="otk-row-actions otk-no-print">
        <Button disabled={busy} onClick={print}>
          {t('letter.print')}
        </Button>
        <a className="otk-button-link" href={`#/case/${encodeURIComponent(record.id)}`}>
          {t('letter.backToCase')}
        </a>
      </div>
      <LiveRegions error={error} className="otk-no-print" />
      <PrintPage head={l('letter.heading', { code: record.caseCode })} language={lang} />
      <article lang={lang} className="otk-letter" aria-labelledby="letter-heading">
        <p>
          {l('letter.sender', { area: findArea(record.area)[lang] })}
          <br />
          {formatIsoDate(helsinkiDate(new Date(sentOrToday)), lang)}
        </p>
        <p>
          {l('letter.to')} {record.requester.title}, {record.requester.organisation}
        </p>
        <Heading variant="h2" id="letter-heading">
          {l('letter.heading', { code: record.caseCode })}
        </Heading>
        {record.booking && <p>{l('letter.consultedOn', { date: formatIsoDate(record.booking.date, lang) })}</p>}
        <h3>{l('recommendation.questionSummary')}</h3>
        <p className="otk-pre">{recommendation.questionSummary}</p>
        <h3>{l('recommendation.items')}</h3>
        <RecommendationItems recommendation={recommendation} t={l} language={lang} />
        {recommendation.nextSteps.length > 0 && (
          <>
            <h3>{l('recommendation.nextSteps')}</h3>
            <NextStepList recommendation={recommendation} t={l} />
          </>
        )}
        {recommendation.followUpDate && <p>{l('letter.followUp', { date: formatIsoDate(recommendation.followUpDate, lang) })}</p>}
        <p>{l('letter.closing')}</p>
        <p>{l('letter.signature', { area: findArea(record.area)[lang] })}</p>
      </article>
      {uiLanguage !== lang && <Paragraph className="otk-muted otk-no-print">{t('letter.languageNote', { language: t(`language.${lang}`) })}</Paragraph>}
    </Block>
  );
}
