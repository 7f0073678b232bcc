import { useTranslation } from 'react-i18next';
import { Details } from 'suomifi-ui-components';
import type { ProposalSnapshot } from '../../../../shared/routing';
import { useUiStore } from '../../state/uiStore';
import { useReasonText } from './useReasonText';

/**
 * The proposal a routing decision was taken on, with its reasons and the networks' names as they
 * were then (kept on the decision): the registry may have changed since, this has not.
 */
export function FrozenProposal({ proposal }: { proposal: ProposalSnapshot }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const say = useReasonText();
  return (
    <Details summaryLabel={t('routing.frozen.summary')} className="otk-frozen-proposal">
      {proposal.candidates.length === 0 ? (
        <p>{t('routing.noProposal')}</p>
      ) : (
        <ol className="otk-candidates">
          {proposal.candidates.map((candidate) => (
            <li key={candidate.networkId} className="otk-candidate">
              <strong>
                {candidate.rank}. {candidate.name[language]}
              </strong>{' '}
              <span className="otk-muted">({t(candidate.scope === 'home' ? 'routing.scopeHome' : 'routing.scopeNational')})</span>
              <ul>
                {candidate.reasons.map((reason, index) => (
                  <li key={index}>{say(reason)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {proposal.uncoveredThemes.length > 0 && <p>{say({ code: 'chain.uncovered', params: { themes: proposal.uncoveredThemes } })}</p>}
      <p className="otk-muted">{t('routing.chainHeading')}</p>
      <ol>
        {proposal.chain.map((step, index) => (
          <li key={index}>{say(step)}</li>
        ))}
      </ol>
    </Details>
  );
}
