import { useTranslation } from 'react-i18next';
import { Details, Heading, InlineAlert } from 'suomifi-ui-components';
import type { RoutingResult } from '../../../../shared/routing/types';
import type { NetworkRecord } from '../../queries/records';
import { useUiStore } from '../../state/uiStore';
import { useReasonText } from './useReasonText';

interface Props {
  result: RoutingResult;
  networks: readonly NetworkRecord[];
  /** Heading level for the parts of the result. */
  headingId: string;
}

/** The engine's proposal in plain language: candidates with their reasons, the chain tried, what was skipped and why. */
export function RoutingResultView({ result, networks, headingId }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const say = useReasonText();
  const nameOf = (id: string) => networks.find((n) => n.id === id)?.name[language] ?? id;

  return (
    <div className="otk-routing" aria-labelledby={headingId}>
      {result.kind === 'candidates' ? (
        <ol className="otk-candidates">
          {result.candidates.map((candidate) => (
            <li key={candidate.networkId} className="otk-candidate">
              <Heading variant="h4" as="h4">
                {candidate.rank}. {nameOf(candidate.networkId)}{' '}
                <span className="otk-muted">({t(candidate.scope === 'home' ? 'routing.scopeHome' : 'routing.scopeNational')})</span>
              </Heading>
              <ul>
                {candidate.reasons.map((reason, index) => (
                  <li key={index}>{say(reason)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <InlineAlert status="warning" labelText={t('routing.noProposal')}>
          {result.chain.map((step, index) => (
            <p key={index}>{say(step)}</p>
          ))}
        </InlineAlert>
      )}
      {result.kind === 'candidates' && result.uncoveredThemes.length > 0 && (
        <InlineAlert status="warning">{say({ code: 'chain.uncovered', params: { themes: result.uncoveredThemes } })}</InlineAlert>
      )}
      <Details summaryLabel={t('routing.chainHeading')}>
        <ol>
          {result.chain.map((step, index) => (
            <li key={index}>{say(step)}</li>
          ))}
        </ol>
      </Details>
      {result.kind !== 'unknown-region' && (
        <Details summaryLabel={t('routing.skippedHeading', { count: result.skipped.filter((s) => s.reason.code !== 'skip.other-area').length })}>
          <ul>
            {result.skipped
              .filter((s) => s.reason.code !== 'skip.other-area')
              .map((skipped) => (
                <li key={skipped.networkId}>
                  <strong>{nameOf(skipped.networkId)}</strong>: {say(skipped.reason)}
                </li>
              ))}
          </ul>
        </Details>
      )}
    </div>
  );
}
