import { useEffect, useState } from 'react';
import { useController, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Paragraph, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import type { Recipient } from '../../../../shared/sync/bundle';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { useRecentRequesters } from '../../queries/useConsultations';
import { useExchangePeers } from '../../queries/useExchange';
import { exportBundle, previewExport, type ExportPlan } from '../../commands/exchange';
import { useWorkerJob } from './useWorkerJob';
import { useCommand } from '../../forms/useCommand';
import { useFileOutcome } from '../../forms/useFileOutcome';
import { PassphraseFields } from './PassphraseFields';
import { ProgressView } from './ProgressView';
import { Section } from '../../components/Section';
import { EMPTY_EXPORT_FORM, exportFormSchema, recipientOf, scopeOf, type ExportForm } from './export-form';

/** How long the choice must settle before the preview reads what the bundle would carry. */
const PREVIEW_DELAY_MS = 250;

/**
 * Writing a bundle: what goes (full, changes since the recipient's last acknowledged bundle, one
 * network's cases, one requester's cases), to whom (another installation, or a named recipient who
 * gets the passphrase by another channel), what it will carry (counts before writing), then the
 * encrypted file — encoded in a worker with progress and Cancel, saved through the bridge. The
 * choices are a react-hook-form form checked by export-form's schema, each refusal at its field.
 */
export function ExportPanel() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands, bridge } = useServices();
  const networks = useNetworks();
  const requesters = useRecentRequesters();
  const peers = useExchangePeers();
  const { control, handleSubmit, setValue, setError: setFieldError, formState } = useForm<ExportForm>({
    resolver: zodResolver(exportFormSchema),
    defaultValues: EMPTY_EXPORT_FORM,
    shouldFocusError: false,
  });
  const { scope, networkId, requesterKey, recipientKind, installationId } = useWatch({ control });
  const [plan, setPlan] = useState<ExportPlan | null>(null);
  const { progress, withWorker, cancel } = useWorkerJob();
  const { run, busy, error, setError } = useCommand('exchange.exportFailed');
  const reportFile = useFileOutcome();
  const passphrase = useController({ control, name: 'passphrase' }).field;
  const confirm = useController({ control, name: 'confirm' }).field;
  const errors = formState.errors;
  /** A field's refusal in words, for a Suomi.fi control's status. */
  const status = (name: FieldPath<ExportForm>) => {
    const message = errors[name]?.message;
    return message ? { status: 'error' as const, statusText: t(message) } : {};
  };
  /** Sets a field from another control (a known installation fills id and name), checked again once the form was submitted. */
  const set = (name: 'installationId' | 'recipientName', value: string) => setValue(name, value, { shouldValidate: formState.isSubmitted });

  const installationPeers = (peers ?? []).filter((p) => p.kind === 'installation');

  // What the bundle would carry (reads only), shortly after the choice settles. Only a delta depends
  // on the recipient (its base is what that installation acknowledged), so typing a name reads nothing.
  const deltaPeer = scope === 'delta' && recipientKind === 'installation' ? (installationId ?? '').trim() : '';
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void (async () => {
        const chosen = await scopeOf({ scope: scope ?? 'full', networkId: networkId ?? '', requesterKey: requesterKey ?? '' }, requesters);
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

  const refused = () => setError(t('exchange.fixFields'));
  const onValid = (form: ExportForm) =>
    void run(async () => {
      const chosen = await scopeOf(form, requesters);
      const to = recipientOf(form);
      if (!chosen || !to) {
        // A requester chosen before it left the list of recent ones.
        if (!chosen) setFieldError(form.scope === 'network' ? 'networkId' : 'requesterKey', { message: 'validation.choose' });
        return refused();
      }
      const result = await withWorker((codec, signal, onProgress) => exportBundle(commands, { scope: chosen, recipient: to, passphrase: form.passphrase, codec, onProgress, signal }));
      if (result === undefined) return flash(t('exchange.cancelled'), window.location.hash);
      const saved = await bridge.saveFile({ suggestedName: result.fileName, bytes: result.bytes, filters: [{ name: t('exchange.fileType'), extensions: ['otk'] }] });
      reportFile(saved, 'exchange.exported', { count: result.header.counts.consultation ?? 0 });
      if (saved.status === 'saved') {
        setValue('passphrase', '');
        setValue('confirm', '');
      }
    });
  const submit = () => void handleSubmit(onValid, refused)();

  return (
    <Section headingId="export-heading" heading={t('exchange.exportHeading')} className="otk-section">
      <RadioButtonGroup labelText={t('exchange.scope')} name="export-scope" value={scope} onChange={(value) => setValue('scope', value as ExportForm['scope'], { shouldValidate: formState.isSubmitted })}>
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
          onChange={(id) => setValue('networkId', id, { shouldValidate: formState.isSubmitted })}
          fullWidth
          {...status('networkId')}
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
          onChange={(key) => setValue('requesterKey', key, { shouldValidate: formState.isSubmitted })}
          fullWidth
          {...status('requesterKey')}
        >
          {(requesters ?? []).map((r) => (
            <DropdownItem key={r.key} value={r.key}>
              {`${r.name}, ${r.organisation}`}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <RadioButtonGroup
        labelText={t('exchange.recipient')}
        name="export-recipient"
        value={recipientKind}
        onChange={(value) => setValue('recipientKind', value as ExportForm['recipientKind'], { shouldValidate: formState.isSubmitted })}
      >
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
          value={installationPeers.some((p) => p.id === installationId) ? (installationId ?? null) : null}
          onChange={(id) => {
            set('installationId', id);
            set('recipientName', installationPeers.find((p) => p.id === id)?.name ?? '');
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
      <RecipientFields control={control} installation={recipientKind === 'installation'} status={status} />
      <PassphraseFields
        idPrefix="export"
        value={passphrase.value}
        confirm={confirm.value}
        onChange={(next) => {
          if (next.passphrase !== passphrase.value) passphrase.onChange(next.passphrase);
          if (next.confirm !== confirm.value) confirm.onChange(next.confirm);
        }}
        errors={{ passphrase: errors.passphrase?.message, confirm: errors.confirm?.message }}
        withConfirm
      />
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

/** The recipient's installation id (for an installation) and name (optional for an installation), bound to the form. */
function RecipientFields({
  control,
  installation,
  status,
}: {
  control: ReturnType<typeof useForm<ExportForm>>['control'];
  installation: boolean;
  status: (name: FieldPath<ExportForm>) => { status?: 'error'; statusText?: string };
}) {
  const { t } = useTranslation();
  const id = useController({ control, name: 'installationId' }).field;
  const name = useController({ control, name: 'recipientName' }).field;
  return (
    <div className="otk-grid">
      {installation && (
        <TextInput
          id="export-installation-id"
          labelText={t('exchange.installationId')}
          hintText={t('exchange.installationIdHint')}
          value={id.value}
          onChange={(value) => id.onChange(String(value ?? ''))}
          onBlur={id.onBlur}
          fullWidth
          {...status('installationId')}
        />
      )}
      <TextInput
        id="export-recipient-name"
        labelText={installation ? t('exchange.recipientNameOptional') : t('exchange.recipientName')}
        value={name.value}
        onChange={(value) => name.onChange(String(value ?? ''))}
        onBlur={name.onBlur}
        fullWidth
        {...status('recipientName')}
      />
    </div>
  );
}
