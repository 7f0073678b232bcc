import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Paragraph, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import type { Recipient } from '../../../../shared/sync/bundle';
import { bundlePassphraseSchema } from '../../../../shared/sync/passphrase';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { useRecentRequesters } from '../../queries/useConsultations';
import { useExchangePeers } from '../../queries/useExchange';
import { exportBundle, previewExport, requesterScopeIdOf, type ExportPlan } from '../../commands/exchange';
import { type ExportScope } from '../../../../shared/sync/scope';
import { useWorkerJob } from './useWorkerJob';
import { useCommand } from '../../forms/useCommand';
import type { RequesterRecord } from '../../queries/records';
import { useFileOutcome } from '../../forms/useFileOutcome';
import { PassphraseFields } from './PassphraseFields';
import { ProgressView } from './ProgressView';
import { Section } from '../../components/Section';

type ScopeKind = ExportScope['kind'];
/** How long the choice must settle before the preview reads what the bundle would carry. */
const PREVIEW_DELAY_MS = 250;

/** The export scope the form describes; null while a network or requester is still to be chosen. */
async function scopeOf(kind: ScopeKind, networkId: string, requesterKey: string, requesters: readonly RequesterRecord[] | undefined): Promise<ExportScope | null> {
  if (kind === 'network') return networkId ? { kind: 'network', networkId } : null;
  if (kind === 'requester') {
    const requester = requesters?.find((r) => r.key === requesterKey);
    return requester ? { kind: 'requester', requesterId: await requesterScopeIdOf(requester) } : null;
  }
  return { kind };
}
type RecipientKind = Recipient['kind'];

/**
 * Writing a bundle: what goes (full, changes since the recipient's last acknowledged bundle, one
 * network's cases, one requester's cases), to whom (another installation, or a named recipient who
 * gets the passphrase by another channel), what it will carry (counts before writing), then the
 * encrypted file — encoded in a worker with progress and Cancel, saved through the bridge.
 */
export function ExportPanel() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands, bridge } = useServices();
  const networks = useNetworks();
  const requesters = useRecentRequesters();
  const peers = useExchangePeers();
  const [scope, setScope] = useState<ScopeKind>('full');
  const [networkId, setNetworkId] = useState('');
  const [requesterKey, setRequesterKey] = useState('');
  const [recipientKind, setRecipientKind] = useState<RecipientKind>('installation');
  const [installationId, setInstallationId] = useState('');
  const [recipientName, setRecipientName] = useState('');
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [plan, setPlan] = useState<ExportPlan | null>(null);
  const { progress, withWorker, cancel } = useWorkerJob();
  const { run, busy, error, setError } = useCommand('exchange.exportFailed');
  const reportFile = useFileOutcome();

  const installationPeers = (peers ?? []).filter((p) => p.kind === 'installation');

  const exportScope = () => scopeOf(scope, networkId, requesterKey, requesters);
  const recipient = (): Recipient | null => {
    if (recipientKind === 'installation') {
      const id = installationId.trim();
      return id ? { kind: 'installation', installationId: id, ...(recipientName.trim() ? { name: recipientName.trim() } : {}) } : null;
    }
    return recipientName.trim() ? { kind: 'named', name: recipientName.trim() } : null;
  };

  // What the bundle would carry (reads only), shortly after the choice settles. Only a delta depends
  // on the recipient (its base is what that installation acknowledged), so typing a name reads nothing.
  const deltaPeer = scope === 'delta' && recipientKind === 'installation' ? installationId.trim() : '';
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void (async () => {
        const chosen = await scopeOf(scope, networkId, requesterKey, requesters);
        const to: Recipient = deltaPeer ? { kind: 'installation', installationId: deltaPeer } : { kind: 'named', name: 'preview' };
        const next = chosen ? await previewExport(commands, { scope: chosen, recipient: to }).catch(() => null) : null;
        if (live) setPlan(next);
      })();
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [commands, scope, networkId, requesterKey, requesters, deltaPeer]);

  const submit = () =>
    void run(async () => {
      const next: Record<string, string | undefined> = {};
      const chosen = await exportScope();
      const to = recipient();
      if (!chosen) next[scope === 'network' ? 'network' : 'requester'] = 'validation.choose';
      if (!to) next[recipientKind === 'installation' ? 'installationId' : 'recipientName'] = 'validation.required';
      const secretCheck = bundlePassphraseSchema.safeParse(secret);
      if (!secretCheck.success) for (const issue of secretCheck.error.issues) next[issue.path.join('.')] = issue.message;
      setErrors(next);
      if (Object.keys(next).length > 0 || !chosen || !to) {
        setError(t('exchange.fixFields'));
        return;
      }
      const result = await withWorker((codec, signal, onProgress) => exportBundle(commands, { scope: chosen, recipient: to, passphrase: secret.passphrase, codec, onProgress, signal }));
      if (result === undefined) return flash(t('exchange.cancelled'), window.location.hash);
      const saved = await bridge.saveFile({ suggestedName: result.fileName, bytes: result.bytes, filters: [{ name: t('exchange.fileType'), extensions: ['otk'] }] });
      reportFile(saved, 'exchange.exported', { count: result.header.counts.consultation ?? 0 });
      if (saved.status === 'saved') setSecret({ passphrase: '', confirm: '' });
    });

  return (
    <Section headingId="export-heading" heading={t('exchange.exportHeading')} className="otk-section">
      <RadioButtonGroup labelText={t('exchange.scope')} name="export-scope" value={scope} onChange={(value) => setScope(value as ScopeKind)}>
        {(['full', 'delta', 'network', 'requester'] as const).map((kind) => (
          <RadioButton key={kind} value={kind} hintText={t(`exchange.scopeHint.${kind}`)}>
            {t(`exchange.scopeLabel.${kind}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      {scope === 'network' && (
        <Dropdown
          labelText={t('exchange.network')}
          visualPlaceholder={t('intake.choose')}
          value={networkId || null}
          onChange={setNetworkId}
          fullWidth
          {...(errors.network ? { status: 'error' as const, statusText: t(errors.network) } : {})}
        >
          {(networks ?? []).map((n) => (
            <DropdownItem key={n.id} value={n.id}>
              {n.name[language]}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      {scope === 'requester' && (
        <Dropdown
          labelText={t('exchange.requester')}
          visualPlaceholder={t('intake.choose')}
          value={requesterKey || null}
          onChange={setRequesterKey}
          fullWidth
          {...(errors.requester ? { status: 'error' as const, statusText: t(errors.requester) } : {})}
        >
          {(requesters ?? []).map((r) => (
            <DropdownItem key={r.key} value={r.key}>
              {`${r.name}, ${r.organisation}`}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <RadioButtonGroup labelText={t('exchange.recipient')} name="export-recipient" value={recipientKind} onChange={(value) => setRecipientKind(value as RecipientKind)}>
        <RadioButton value="installation" hintText={t('exchange.recipientHint.installation')}>
          {t('exchange.recipientLabel.installation')}
        </RadioButton>
        <RadioButton value="named" hintText={t('exchange.recipientHint.named')}>
          {t('exchange.recipientLabel.named')}
        </RadioButton>
      </RadioButtonGroup>
      {recipientKind === 'installation' && installationPeers.length > 0 && (
        <Dropdown
          labelText={t('exchange.knownInstallation')}
          visualPlaceholder={t('intake.choose')}
          value={installationPeers.some((p) => p.id === installationId) ? installationId : null}
          onChange={(id) => {
            setInstallationId(id);
            setRecipientName(installationPeers.find((p) => p.id === id)?.name ?? '');
          }}
          fullWidth
        >
          {installationPeers.map((p) => (
            <DropdownItem key={p.id} value={p.id}>
              {p.name ? `${p.name} (${p.id})` : p.id}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <div className="otk-grid">
        {recipientKind === 'installation' && (
          <TextInput
            id="export-installation-id"
            labelText={t('exchange.installationId')}
            hintText={t('exchange.installationIdHint')}
            value={installationId}
            onChange={(value) => setInstallationId(String(value ?? ''))}
            fullWidth
            {...(errors.installationId ? { status: 'error' as const, statusText: t(errors.installationId) } : {})}
          />
        )}
        <TextInput
          id="export-recipient-name"
          labelText={recipientKind === 'installation' ? t('exchange.recipientNameOptional') : t('exchange.recipientName')}
          value={recipientName}
          onChange={(value) => setRecipientName(String(value ?? ''))}
          fullWidth
          {...(errors.recipientName ? { status: 'error' as const, statusText: t(errors.recipientName) } : {})}
        />
      </div>
      <PassphraseFields idPrefix="export" value={secret.passphrase} confirm={secret.confirm} onChange={setSecret} errors={errors} withConfirm />
      {plan && (
        <Paragraph className="otk-notice" data-testid="export-plan">
          {t('exchange.planLine', {
            scope: t(`exchange.scopeLabel.${plan.scope.kind}`),
            consultations: plan.counts.consultation ?? 0,
            networks: plan.counts.network ?? 0,
            meetings: plan.counts.meeting ?? 0,
            audit: plan.counts.audit ?? 0,
          })}
          {plan.fields && ` ${t('exchange.planFields', { fields: plan.fields.map((field) => t(`auditField.${field}`, { defaultValue: field })).join(', ') })}`}
        </Paragraph>
      )}
      <div role="alert" className="otk-live">
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
      <ProgressView progress={progress} onCancel={cancel} />
      <div className="otk-row-actions">
        <Button disabled={busy} onClick={submit}>
          {t('exchange.export')}
        </Button>
      </div>
    </Section>
  );
}
