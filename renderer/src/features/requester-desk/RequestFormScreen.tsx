import { useState } from 'react';
import { ScreenPanel } from '../../components/ScreenPanel';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Paragraph } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { hrefFor, navigate } from '../../services/router';
import { useUiStore } from '../../state/uiStore';
import { requestDrafts } from '../../commands/desk/request-drafts';
import { OtLevelHelp } from './RequestParts';
import { RequestForm } from './RequestForm';
import { useDeskRequester } from '../../queries/requester-desk';

/** Which form is on screen: a new one per request opened, kept when a new request's first save gives it its draft's address. */
interface Mount {
  id: string;
  /** The draft this form created by its first save. */
  created: string | null;
  generation: number;
}

/**
 * A request on the requester's desk (`#/request/new` or `#/request/<draftId>`): the guided form
 * with short help in plain language; finishing it leads to the files screen to send it.
 */
export function RequestFormScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { commands } = useServices();
  const flash = useUiStore((s) => s.flash);
  const requester = useDeskRequester();
  const [mount, setMount] = useState<Mount>({ id, created: null, generation: 0 });
  if (mount.id !== id) setMount(id === mount.created ? { ...mount, id } : { id, created: null, generation: mount.generation + 1 });
  const ownDraft = id === mount.created;
  // The draft's values, read when the form opens (null: there is no such draft).
  const draft = useLiveQuery(async () => (id === 'new' ? null : ((await requestDrafts(commands)).find((row) => row.id === id) ?? null)), [commands, id]);

  const heading = t(id === 'new' ? 'requesterDesk.form.headingNew' : 'requesterDesk.form.headingDraft');

  if (requester === undefined || (!ownDraft && draft === undefined)) return <Paragraph>{t('app.loading')}</Paragraph>;
  if (!ownDraft && id !== 'new' && draft === null) {
    return (
      <ScreenPanel headingId="request-heading" heading={heading} intro={t('requesterDesk.form.notFound')} introMargin="m" className="otk-panel">
        <a className="otk-button-link" href={hrefFor({ view: 'home' })}>
          {t('requesterDesk.form.backHome')}
        </a>
      </ScreenPanel>
    );
  }
  return (
    <ScreenPanel headingId="request-heading" heading={heading} intro={t('requesterDesk.form.intro')} introMargin="m" className="otk-panel">
      <OtLevelHelp />
      <RequestForm
        key={mount.generation}
        draftId={id === 'new' ? undefined : id}
        draft={draft?.values}
        requester={requester}
        onCreated={(row) => {
          // Known as this form's own draft before the address changes, so the form stays as it is.
          flushSync(() => setMount((current) => ({ ...current, created: row.id })));
          navigate({ view: 'request', id: row.id }, { replace: true });
        }}
        onFinished={() => {
          const files = { view: 'files' } as const;
          flash(t('requesterDesk.form.finished'), hrefFor(files));
          navigate(files);
        }}
        onDiscarded={() => {
          const home = { view: 'home' } as const;
          flash(t('requesterDesk.form.discarded'), hrefFor(home));
          navigate(home);
        }}
      />
    </ScreenPanel>
  );
}
