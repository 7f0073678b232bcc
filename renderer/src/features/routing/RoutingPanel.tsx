import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, Paragraph, Textarea } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { ROUTABLE_STATUSES, routingNeedsReason } from '../../../../shared/domain/routing-decision';
import { proposalChanged, routeRequest, routingRequestOf } from '../../../../shared/routing';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { routeConsultation } from '../../commands/routing';
import { isNetworkActiveOn } from '../../commands/networks';
import { CommandError, isNotPermitted, ValidationError } from '../../access/errors';
import { mayRunOn } from '../../access/guards';
import { useMessage } from '../../forms/message';
import { formatDateTime } from '../../format/dates';
import { RoutingResultView } from './RoutingResultView';
import { FrozenProposal } from './FrozenProposal';
import { Section } from '../../components/Section';

/**
 * Routing on the case view: the engine's proposal with its reasons; the coordinator confirms it or
 * chooses another network, which needs a reason. Re-routing later also needs a reason and keeps
 * the history.
 */
export function RoutingPanel({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const translate = useMessage();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const networks = useNetworks();
  const today = helsinkiDate(commands.now());
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<string>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const flash = useUiStore((s) => s.flash);
  const result = useMemo(() => (networks ? routeRequest(routingRequestOf(record, today), networks) : null), [networks, record, today]);

  if (!networks || !result) return <Paragraph>{t('app.loading')}</Paragraph>;
  const nameOf = (id: string) => networks.find((n) => n.id === id)?.name[language] ?? id;
  const proposed = result.kind === 'candidates' ? result.candidates[0]!.networkId : null;
  const current = record.routing.at(-1);
  const mayRoute = mayRunOn(commands.profile, 'lifecycle.route', record);
  const routable = ROUTABLE_STATUSES.has(record.status) && mayRoute;
  // Routing follows the OT-level judgement: a request not yet accepted says so instead.
  const acceptFirst = mayRoute && (record.status === 'received' || record.status === 'more-information-requested');
  // The registry has changed since the current decision: today's engine would rank other networks first.
  const changedSince = current?.proposal && proposalChanged(current.proposal, result) ? (result.kind === 'candidates' ? nameOf(result.candidates[0]!.networkId) : null) : undefined;
  const target = chosen || proposed || '';
  const needsReason = target !== '' && routingNeedsReason({ networkId: target, proposedNetworkId: proposed }, record.routing);

  const submit = async (networkId: string) => {
    if (routingNeedsReason({ networkId, proposedNetworkId: proposed }, record.routing) && reason.trim() === '') {
      setError(t('routing.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await routeConsultation(commands, record.id, { networkId, proposedNetworkId: proposed, reason }, record.rev);
      flash(t('lifecycle.done.route', { code: record.caseCode }), window.location.hash);
      setChoosing(false);
      setChosen('');
      setReason('');
    } catch (caught) {
      if (caught instanceof ValidationError) setError(caught.issues.map((issue) => translate(issue.message)).join(' '));
      else if (caught instanceof CommandError) setError(t(`commandError.${caught.code}`));
      else if (isNotPermitted(caught)) setError(t('roles.notPermitted'));
      else {
        console.error('routing failed', caught);
        setError(t('routing.failed'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section headingId="case-routing" heading={t('routing.heading')} className="otk-section">
      {record.routing.length > 0 && (
        <ol className="otk-routing-history" aria-label={t('routing.history')}>
          {record.routing.map((decision, index) => (
            <li key={index}>
              {t(index === record.routing.length - 1 ? 'routing.currentDecision' : 'routing.earlierDecision', {
                network: nameOf(decision.networkId),
                date: formatDateTime(decision.at, language),
              })}
              {decision.override && ` ${t('routing.overrideOf', { network: decision.proposedNetworkId ? nameOf(decision.proposedNetworkId) : t('routing.none') })}`}
              {decision.reason && (
                <>
                  {' '}
                  {t('routing.reasonWas')} <q>{decision.reason}</q>
                </>
              )}
              {decision.proposal && <FrozenProposal proposal={decision.proposal} />}
            </li>
          ))}
        </ol>
      )}
      {changedSince !== undefined && (
        <Paragraph className="otk-notice" data-testid="routing-registry-changed">
          {changedSince === null ? t('routing.frozen.changedNone') : t('routing.frozen.changed', { network: changedSince })}
        </Paragraph>
      )}
      {acceptFirst && <Paragraph className="otk-muted">{t('routing.frozen.acceptFirst')}</Paragraph>}
      {routable && (
        <>
          {(!current || choosing) && (
            <>
              <Heading variant="h4" as="h4" id="routing-proposal">
                {t('routing.proposalHeading')}
              </Heading>
              <RoutingResultView result={result} networks={networks} headingId="routing-proposal" />
            </>
          )}
          <div role="alert" className="otk-live">
            {error && <Paragraph className="otk-error">{error}</Paragraph>}
          </div>
          {!choosing && (
            <div className="otk-row-actions">
              {proposed && !current && (
                <Button disabled={busy} onClick={() => void submit(proposed)}>
                  {t('routing.confirm', { network: nameOf(proposed) })}
                </Button>
              )}
              <Button variant="secondary" onClick={() => setChoosing(true)}>
                {current ? t('routing.reroute') : t('routing.chooseOther')}
              </Button>
            </div>
          )}
          {choosing && (
            <form
              className="otk-route-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (target) void submit(target);
              }}
            >
              <Dropdown labelText={t('routing.network')} value={target || null} visualPlaceholder={t('intake.choose')} onChange={setChosen} fullWidth>
                {networks
                  .filter((network) => isNetworkActiveOn(network, today))
                  .map((network) => (
                    <DropdownItem key={network.id} value={network.id}>
                      {network.name[language]}
                    </DropdownItem>
                  ))}
              </Dropdown>
              <Textarea
                labelText={t('routing.reason')}
                hintText={needsReason ? t('routing.reasonRequired') : t('routing.reasonOptional')}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                fullWidth
              />
              <div className="otk-row-actions">
                <Button type="submit" disabled={busy || !target}>
                  {t('routing.route')}
                </Button>
                <Button variant="secondary" onClick={() => setChoosing(false)}>
                  {t('intake.cancel')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </Section>
  );
}
