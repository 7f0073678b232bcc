import type { TFunction } from 'i18next';
import type { Recommendation } from '../../../../shared/lifecycle/recommendation';

/**
 * The experts' recommendations and the next steps as lists, shared by the case view and the letter.
 * `t` is the caller's: the UI language on the case, the letter's own language in the letter.
 */
export function RecommendationItems({ recommendation }: { recommendation: Pick<Recommendation, 'recommendations'> }) {
  return (
    <ol>
      {recommendation.recommendations.map((text, i) => (
        <li key={i} className="otk-pre">
          {text}
        </li>
      ))}
    </ol>
  );
}

export function NextStepList({ recommendation, t }: { recommendation: Pick<Recommendation, 'nextSteps'>; t: TFunction }) {
  return (
    <ul>
      {recommendation.nextSteps.map((step, i) => (
        <li key={i}>{t('recommendation.stepLine', { step: step.step, by: step.by })}</li>
      ))}
    </ul>
  );
}
