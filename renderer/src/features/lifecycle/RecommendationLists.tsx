import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '../../../../shared/lifecycle/recommendation';
import { methodOf } from '../../../../shared/knowledge/methods';
import type { UiLanguage } from '../../../../shared/reference/labels';
import { useMethodCatalogue } from '../../queries/useKnowledge';
import { useUiStore } from '../../state/uiStore';

/**
 * The experts' recommendations and the next steps as lists, shared by the case view and the letter.
 * `t` and `language` are the caller's: the UI language on the case, the letter's own language in
 * the letter. Each recommended item lists the methods it names (issue 21) — the method's name and
 * its one-line description in that language; a code this installation does not know stays a code.
 */
export function RecommendationItems({
  recommendation,
  t: fixedT,
  language: fixedLanguage,
}: {
  recommendation: Pick<Recommendation, 'recommendations'> & { methods?: ReadonlyArray<readonly string[]> };
  t?: TFunction;
  language?: UiLanguage;
}) {
  const { t: uiT } = useTranslation();
  const uiLanguage = useUiStore((s) => s.language);
  const catalogue = useMethodCatalogue();
  const t = fixedT ?? uiT;
  const language = fixedLanguage ?? uiLanguage;
  return (
    <ol>
      {recommendation.recommendations.map((text, i) => {
        const codes = recommendation.methods?.[i] ?? [];
        return (
          <li key={i}>
            <span className="otk-pre">{text}</span>
            {codes.length > 0 && (
              <ul className="otk-method-list">
                {codes.map((code) => {
                  const method = methodOf(catalogue, code);
                  return <li key={code}>{method ? t('knowledge.letter.method', { name: method.name[language], description: method.description[language] }) : t('knowledge.letter.unknownMethod', { code })}</li>;
                })}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function NextStepList({ recommendation, t }: { recommendation: Pick<Recommendation, 'nextSteps'>; t: TFunction }) {
  return (
    <ul>
      {recommendation.nextSteps.map((step, i) => (
        <li key={i}>
          {step.kind ? `${t(`knowledge.stepKind.${step.kind}`)}: ` : ''}
          {t('recommendation.stepLine', { step: step.step, by: step.by })}
        </li>
      ))}
    </ul>
  );
}
