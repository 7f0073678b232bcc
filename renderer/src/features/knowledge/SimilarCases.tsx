import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { SERVICE_LEVELS, THEMES } from '../../../../shared/reference/themes';
import { useUiStore } from '../../state/uiStore';
import { Field } from '../../forms/Field';
import type { SimilarItem } from '../../queries/similar';
import { RecommendationItems } from '../lifecycle/RecommendationLists';
import { MethodNames } from './MethodNames';
import { useSimilarCases } from './useSimilarCases';

const THEME = new Map(THEMES.map((theme) => [theme.code, theme]));
const LEVEL = new Map(SERVICE_LEVELS.map((level) => [level.code, level]));

/** Why a consultation is listed, in one line: "3 yhteistä teemaa, sama ikäryhmä, sama palvelutaso". */
function WhyListed({ item }: { item: SimilarItem }) {
  const { t } = useTranslation();
  const parts = [t('knowledge.similar.sharedThemes', { count: item.sharedThemes.length }), t(`knowledge.similar.age.${item.age}`)];
  if (item.sameLevel) parts.push(t('knowledge.similar.sameLevel'));
  return <Paragraph className="otk-similar-why">{parts.join(', ')}</Paragraph>;
}

function SimilarCase({ item, headingLevel }: { item: SimilarItem; headingLevel: 'h4' | 'h5' }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const label = <T extends { fi: string; sv: string; en: string }>(entry: T | undefined, code: string) => entry?.[language] ?? code;
  const Title = headingLevel;
  return (
    <li className="otk-similar-case">
      <Title className="otk-similar-title">
        {item.mayOpen ? <a href={`#/case/${encodeURIComponent(item.id)}`}>{item.caseCode}</a> : item.caseCode} · {t(`status.${item.status}`)}
      </Title>
      <WhyListed item={item} />
      <dl className="otk-fields">
        <Field label={t('knowledge.methods.named')}>{item.methods.length > 0 ? <MethodNames codes={item.methods} /> : t('knowledge.similar.noMethods')}</Field>
        <Field label={t('intake.themes')}>{item.themes.map((code) => label(THEME.get(code), code)).join(', ')}</Field>
        <Field label={t('intake.ageBand')}>{t(`ageBand.${item.ageBand}`)}</Field>
        <Field label={t('intake.serviceLevel')}>{label(LEVEL.get(item.serviceLevel), item.serviceLevel)}</Field>
        {item.text ? (
          <>
            <Field label={t('intake.question')}>
              <span className="otk-pre">{item.text.question}</span>
            </Field>
            {item.text.items.length > 0 && (
              <Field label={t('recommendation.items')}>
                <RecommendationItems recommendation={{ recommendations: item.text.items.map((i) => i.text), methods: item.text.items.map((i) => i.methods) }} />
              </Field>
            )}
            {item.text.steps.length > 0 && (
              <Field label={t('recommendation.nextSteps')}>
                <ul>
                  {item.text.steps.map((step, i) => (
                    <li key={i}>
                      {step.kind ? `${t(`knowledge.stepKind.${step.kind}`)}: ` : ''}
                      {t('recommendation.stepLine', { step: step.step, by: step.by })}
                    </li>
                  ))}
                </ul>
              </Field>
            )}
          </>
        ) : (
          <>
            <Field label={t('recommendation.items')}>{t('knowledge.similar.itemCount', { count: item.recommendationCount })}</Field>
            <Field label={t('knowledge.similar.stepKinds')}>{item.stepKinds.length > 0 ? item.stepKinds.map((kind) => t(`knowledge.stepKind.${kind}`)).join(', ') : '–'}</Field>
          </>
        )}
      </dl>
      {item.withheld && <Paragraph className="otk-muted">{t(`knowledge.similar.withheld.${item.withheld}`)}</Paragraph>}
    </li>
  );
}

/**
 * Similar earlier consultations (issue 21) on the coordinator's case view and in the expert's draft
 * editor: the consulted or closed cases most like this one, each with why it is listed, its
 * methods first, and its question and recommendation where purpose limitation allows.
 */
export function SimilarCases({ record, headingLevel = 'h3' }: { record: ConsultationRecord; headingLevel?: 'h3' | 'h4' }) {
  const { t } = useTranslation();
  const items = useSimilarCases(record);
  return (
    <section aria-labelledby="similar-heading" className="otk-section otk-no-print" data-testid="similar-cases">
      <Heading variant={headingLevel} id="similar-heading">
        {t('knowledge.similar.heading')}
      </Heading>
      <Paragraph className="otk-muted">{t('knowledge.similar.intro')}</Paragraph>
      {items === undefined ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : items.length === 0 ? (
        <Paragraph>{t('knowledge.similar.none')}</Paragraph>
      ) : (
        <ol className="otk-similar-list">
          {items.map((item) => (
            <SimilarCase key={item.id} item={item} headingLevel={headingLevel === 'h3' ? 'h4' : 'h5'} />
          ))}
        </ol>
      )}
    </section>
  );
}
