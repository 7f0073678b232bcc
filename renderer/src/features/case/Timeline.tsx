import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { useTimeline } from '../../queries/useConsultations';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime } from '../../format/dates';
import { useNetworks } from '../../queries/useNetworks';
import type { AuditEvent } from '../../../../shared/domain/audit';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { useCriteria } from '../../queries/useKnowledge';
import { criteriaText } from '../knowledge/CriteriaRecorded';
import { Section } from '../../components/Section';

/** A case's history from its audit events: what was done, by whom, when, and to which fields. */
export function Timeline({ id, record }: { id: string; record: ConsultationRecord }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const events = useTimeline(id);
  const networks = useNetworks();
  const criteria = useCriteria();
  const networkName = (networkId: string | undefined) => networks?.find((n) => n.id === networkId)?.name[language] ?? networkId ?? '';
  /** Sentence parameters: network names for routing events, the override reason from the case itself. */
  const paramsOf = (event: AuditEvent) => {
    const details = event.details ?? {};
    if (event.action === 'consultation.transition') {
      return { ...details, actionLabel: t(`lifecycle.action.${details.action}`), fromLabel: t(`status.${details.from}`), toLabel: t(`status.${details.to}`) };
    }
    if (event.action !== 'consultation.route') return details;
    return { ...details, network: networkName(details.network), proposed: networkName(details.proposed) };
  };
  const noteOf = (event: AuditEvent) => {
    if (event.action === 'consultation.transition') return transitionNote(record.transitions[Number(event.details?.transition)]);
    if (event.action !== 'consultation.route') return null;
    const details = event.details ?? {};
    const decision = record.routing[Number(details.decision)];
    if (!decision) return null;
    const parts = [];
    if (details.override === 'yes') parts.push(t('routing.timelineOverride'));
    if (details.reroute === 'yes') parts.push(t('routing.timelineReroute'));
    if (decision.reason) parts.push(`${t('routing.reasonWas')} “${decision.reason}”`);
    return parts.length > 0 ? ` (${parts.join('; ')})` : null;
  };
  /** The free text a transition carried (a reason, what was asked, where to turn), from the case itself. */
  const transitionNote = (transition: ConsultationRecord['transitions'][number] | undefined) => {
    if (!transition) return null;
    const data = transition.data as Record<string, unknown>;
    const parts: string[] = [];
    if (transition.action === 'decline') parts.push(t(`lifecycle.declineReasonCode.${String(data.reason)}`), `${t('lifecycle.whereToTurn')}: “${String(data.whereToTurn)}”`);
    if (typeof data.reasonNote === 'string' && data.reasonNote) parts.push(`“${data.reasonNote}”`);
    if (typeof data.reason === 'string' && data.reason && transition.action !== 'decline') parts.push(`${t('routing.reasonWas')} “${data.reason}”`);
    if (typeof data.asked === 'string') parts.push(`“${data.asked}”`);
    if ((transition.action === 'accept' || transition.action === 'decline') && transition.data.criteria) parts.push(criteriaText(transition.data.criteria, language, criteria?.versions ?? [], t));
    return parts.length > 0 ? ` (${parts.join('; ')})` : null;
  };
  return (
    <Section headingId="case-timeline" heading={t('case.timeline')}>
      {events === undefined ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : (
        <ol className="otk-timeline">
          {groupViews(events.toReversed()).map((item) =>
            item.kind === 'views' ? (
              <li key={item.last.id} className="otk-muted">
                <time dateTime={item.last.at}>{formatDateTime(item.last.at, language)}</time>{' '}
                {t('case.timelineViews', { count: item.count, actors: [...item.actors].join(', ') })}
              </li>
            ) : (
              <li key={item.event.id}>
                <time dateTime={item.event.at}>{formatDateTime(item.event.at, language)}</time>{' '}
                <strong>{t(`audit.${item.event.action}`, paramsOf(item.event))}</strong>
                {noteOf(item.event)} · {item.event.actor}
                {item.event.action === 'consultation.update' && item.event.fields.length > 0 && (
                  <span className="otk-muted"> ({item.event.fields.map((field) => t(`auditField.${field}`)).join(', ')})</span>
                )}
              </li>
            ),
          )}
        </ol>
      )}
    </Section>
  );
}

type TimelineItem = { kind: 'event'; event: AuditEvent } | { kind: 'views'; last: AuditEvent; count: number; actors: Set<string> };

/**
 * Openings of the case between two real events become one line ("opened 8 times, last …"): the
 * audit log keeps every one, the timeline lets what happened to the case stand out. Newest first.
 */
export function groupViews(newestFirst: readonly AuditEvent[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const event of newestFirst) {
    const previous = items.at(-1);
    if (event.action !== 'consultation.view') items.push({ kind: 'event', event });
    else if (previous?.kind === 'views') {
      previous.count++;
      previous.actors.add(event.actor);
    } else items.push({ kind: 'views', last: event, count: 1, actors: new Set([event.actor]) });
  }
  return items;
}
