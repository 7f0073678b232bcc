import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, CheckboxGroup, Dropdown, DropdownItem, Paragraph } from 'suomifi-ui-components';
import { COOPERATION_AREAS, findArea, findRegion, type AreaCode } from '../../../../shared/reference/regions';
import { labelOf, regionLabel } from '../../../../shared/reference/labels';
import { centreAreaOf } from '../../../../shared/desk/centre';
import { bundlePassphraseSchema } from '../../../../shared/sync/passphrase';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { sendRequests } from '../../commands/desk/send';
import { useWorkerJob } from '../exchange/useWorkerJob';
import { useCommand } from '../../forms/useCommand';
import { useMessage } from '../../forms/message';
import { FileSaveError } from '../../forms/useFileOutcome';
import { formatDateTime } from '../../format/dates';
import { PassphraseFields } from '../exchange/PassphraseFields';
import { ProgressView } from '../exchange/ProgressView';
import { useDeskRequester, useMyRequests } from '../../queries/requester-desk';
import { Section } from '../../components/Section';

const BLANK_SECRET = { passphrase: '', confirm: '' };

/**
 * Sending on the requester's desk (issue 11): the finished requests not sent yet (and, marked as
 * such, those sent but not answered), the OT-keskus they go to — proposed from the requester's
 * wellbeing services county, another can be chosen — and a passphrase; then an encrypted request
 * bundle addressed to that centre, saved through the bridge, with what was sent recorded.
 */
export function SendRequestsPanel() {
  const { t } = useTranslation();
  const translate = useMessage();
  const language = useUiStore((s) => s.language);
  const clearNotice = useUiStore((s) => s.clearNotice);
  const { commands, bridge } = useServices();
  const requests = useMyRequests();
  const requester = useDeskRequester();
  // Explicit choices; a request not touched is chosen when it was never sent.
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [pickedArea, setPickedArea] = useState<AreaCode | null>(null);
  const [secret, setSecret] = useState(BLANK_SECRET);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const { progress, withWorker, cancel } = useWorkerJob();
  // What the last click did, shown beside the button (the screen's notice stands at the top).
  const [done, setDone] = useState<string | null>(null);
  const { run, busy, error, setError } = useCommand('requesterDesk.send.failed');

  const candidates = useMemo(() => (requests ?? []).filter((r) => r.stage === 'not-sent' || r.stage === 'sent'), [requests]);
  const isChosen = (id: string, stage: string) => chosen[id] ?? stage === 'not-sent';
  const region = requester ? findRegion(requester.region) : undefined;
  const proposed = requester ? centreAreaOf(requester.region) : null;
  const area = pickedArea ?? proposed;
  const areaName = (code: AreaCode) => labelOf(findArea(code), language);

  const submit = () => {
    if (busy) return;
    setDone(null);
    void run(async () => {
      const caseIds = candidates.filter((r) => isChosen(r.id, r.stage)).map((r) => r.id);
      const next: Record<string, string | undefined> = {};
      if (caseIds.length === 0) next.requests = 'requesterDesk.send.chooseRequest';
      if (!area) next.area = 'validation.choose';
      const secretCheck = bundlePassphraseSchema.safeParse(secret);
      if (!secretCheck.success) for (const issue of secretCheck.error.issues) next[issue.path.join('.')] = issue.message;
      setErrors(next);
      if (Object.keys(next).length > 0 || !area) {
        setError(t('requesterDesk.send.fixFields'));
        return;
      }
      const recipient = t('requesterDesk.send.recipientName', { area: areaName(area) });
      const result = await withWorker((codec, signal, onProgress) => sendRequests(commands, { caseIds, area, recipientName: recipient, passphrase: secret.passphrase, codec, onProgress, signal }));
      if (result === undefined) return setDone(t('exchange.cancelled'));
      const saved = await bridge.saveFile({ suggestedName: result.fileName, bytes: result.bytes, filters: [{ name: t('exchange.fileType'), extensions: ['otk'] }] });
      if (saved.status === 'saved') {
        clearNotice();
        setDone(t('requesterDesk.send.done', { file: result.fileName, location: saved.location, recipient, count: caseIds.length }));
        setSecret(BLANK_SECRET);
        setChosen({});
        return;
      }
      // The requests are recorded as sent: keep them chosen so writing the file again takes one click.
      setChosen((current) => ({ ...current, ...Object.fromEntries(caseIds.map((id) => [id, true])) }));
      if (saved.status === 'failed') throw new FileSaveError(saved.code);
      setError(t('requesterDesk.send.notSaved'));
    });
  };

  return (
    <Section headingId="send-requests-heading" heading={t('requesterDesk.send.heading')} className="otk-section">
      {requests === undefined || requester === undefined ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : candidates.length === 0 ? (
        <Paragraph className="otk-muted">{t('requesterDesk.send.none')}</Paragraph>
      ) : (
        <>
          <Paragraph mb="m">{t('requesterDesk.send.intro')}</Paragraph>
          <CheckboxGroup
            id="send-requests"
            labelText={t('requesterDesk.send.requests')}
            mb="l"
            {...(errors.requests ? { groupStatus: 'error' as const, groupStatusText: translate(errors.requests) } : {})}
          >
            {candidates.map((request, index) => (
              <Checkbox
                key={request.id}
                id={index === 0 ? 'send-requests-first' : `send-request-${request.id}`}
                checked={isChosen(request.id, request.stage)}
                onClick={({ checkboxState }) => setChosen((current) => ({ ...current, [request.id]: checkboxState }))}
                hintText={
                  request.stage === 'sent'
                    ? t('requesterDesk.send.resend', { date: request.sentAt ? formatDateTime(request.sentAt, language) : '–' })
                    : t('requesterDesk.send.finishedOn', { date: formatDateTime(request.createdAt, language) })
                }
              >
                {request.question || t('requesterDesk.home.untitled')}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <Dropdown
            id="send-area"
            labelText={t('requesterDesk.send.area')}
            hintText={
              proposed && region
                ? t('requesterDesk.send.proposal', { region: regionLabel(region, language), area: areaName(proposed) })
                : t('requesterDesk.send.noProposal')
            }
            visualPlaceholder={t('intake.choose')}
            value={area}
            onChange={(value) => setPickedArea(value as AreaCode)}
            fullWidth
            mb="l"
            {...(errors.area ? { status: 'error' as const, statusText: translate(errors.area) } : {})}
          >
            {COOPERATION_AREAS.map((item) => (
              <DropdownItem key={item.code} value={item.code}>
                {t('requesterDesk.send.recipientName', { area: labelOf(item, language) })}
              </DropdownItem>
            ))}
          </Dropdown>
          <PassphraseFields idPrefix="send" value={secret.passphrase} confirm={secret.confirm} onChange={setSecret} errors={errors} withConfirm />
          <ProgressView progress={progress} onCancel={cancel} />
          <div className="otk-row-actions">
            <Button onClick={submit} aria-disabled={busy}>
              {t('requesterDesk.send.write')}
            </Button>
          </div>
        </>
      )}
      <div role="status" className="otk-live">
        {done && <Paragraph className="otk-notice">{done}</Paragraph>}
      </div>
      <div role="alert" className="otk-live">
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
    </Section>
  );
}
